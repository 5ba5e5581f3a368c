import type { PlanOperator, Rec } from '../model/types';
import {
  listAdd, listGet, listUpdate, mapGet, mapPut, reducingAdd, valueGet, valueUpdate, type KeyContext,
} from './keyedState';
import { processTtlRecord } from './ttlOperators';

// What each operator kind does with one record. Keyed operators find the key context already
// set to the record's key; the runtime routes what `emit` receives to the output channels.

export type Emit = (rec: Rec) => void;

const REDUCERS = {
  max: (a: number, b: number) => Math.max(a, b),
  min: (a: number, b: number) => Math.min(a, b),
  sum: (a: number, b: number) => a + b,
};

function mapValue(fn: PlanOperator['params']['fn'], v: number): number {
  switch (fn) {
    case 'double': return v * 2;
    case 'increment': return v + 1;
    case 'square': return v * v;
    case 'negate': return -v;
    default: return v;
  }
}

function withValue(rec: Rec, value: number): Rec {
  return { key: rec.key, value, src: rec.src, part: rec.part, off: rec.off, sub: rec.sub, ts: rec.ts };
}

export function processRecord(op: PlanOperator, rec: Rec, input: number, ctx: KeyContext, emit: Emit): void {
  if (op.ttl !== undefined && processTtlRecord(op, rec, input, ctx, emit)) return;
  const p = op.params;
  switch (op.kind) {
    case 'source': case 'union':
      emit(rec);
      return;
    case 'map':
      emit(p.fn === 'identity' ? rec : withValue(rec, mapValue(p.fn, rec.value)));
      return;
    case 'filter':
      if ((p.keepKeys === undefined || p.keepKeys.includes(rec.key)) && (p.minValue === undefined || rec.value >= p.minValue)) emit(rec);
      return;
    case 'flat-map':
      for (let i = 0; i < (p.copies ?? 1); i++) emit({ ...rec, sub: rec.sub * 16 + i });
      return;
    case 'keyed-count': {
      const count = ((valueGet(ctx, 'count') as number | null) ?? 0) + 1;
      valueUpdate(ctx, 'count', count);
      emit(withValue(rec, count));
      return;
    }
    case 'keyed-sum': {
      const sum = ((valueGet(ctx, 'sum') as number | null) ?? 0) + rec.value;
      valueUpdate(ctx, 'sum', sum);
      emit(withValue(rec, sum));
      return;
    }
    case 'keyed-last-n': {
      const n = p.n ?? 3;
      const list = listGet(ctx, 'lastN');
      if (list.length < n) listAdd(ctx, 'lastN', rec.value);
      else listUpdate(ctx, 'lastN', [...list.slice(list.length - n + 1), rec.value]);
      const now = listGet(ctx, 'lastN') as number[];
      emit(withValue(rec, now.reduce((a, b) => a + b, 0)));
      return;
    }
    case 'keyed-histogram': {
      const size = p.bucketSize ?? 5;
      const lo = Math.floor((rec.value - 1) / size) * size + 1;
      const bucket = `${lo}-${lo + size - 1}`;
      const count = ((mapGet(ctx, 'histogram', bucket) as number | null) ?? 0) + 1;
      mapPut(ctx, 'histogram', bucket, count);
      emit(withValue(rec, count));
      return;
    }
    case 'keyed-reduce': {
      const fn = p.reduce ?? 'max';
      emit(withValue(rec, reducingAdd(ctx, fn, rec.value, REDUCERS[fn])));
      return;
    }
    case 'keyed-join': {
      // Keeps the latest value of each side; once both sides have been seen, emits their sum.
      valueUpdate(ctx, input === 0 ? 'left' : 'right', rec.value);
      const other = valueGet(ctx, input === 0 ? 'right' : 'left') as number | null;
      if (other !== null) emit(withValue(rec, rec.value + other));
      return;
    }
    case 'sink':
      return;
  }
}
