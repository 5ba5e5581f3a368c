import type { PlanOperator, Rec } from '../model/types';
import type { KeyContext } from './keyedState';
import {
  accessTime, recordSelected, ttlAccess, ttlListAdd, ttlListGet, ttlListUpdate, ttlMapGet, ttlMapPut,
  ttlReducingAdd, ttlValueGet, ttlValueUpdate,
} from './stateTtl';

// The keyed operators of operators.ts when their state has a TTL: the same steps, through the TTL
// states of stateTtl.ts (operators.ts sends only operators with a `ttl` here).

type Emit = (rec: Rec) => void;

const REDUCERS = {
  max: (a: number, b: number) => Math.max(a, b),
  min: (a: number, b: number) => Math.min(a, b),
  sum: (a: number, b: number) => a + b,
};

function withValue(rec: Rec, value: number): Rec {
  return { key: rec.key, value, src: rec.src, part: rec.part, off: rec.off, sub: rec.sub, ts: rec.ts };
}

/** Processes one record of a keyed operator with state TTL; false if the kind is not keyed. */
export function processTtlRecord(op: PlanOperator, rec: Rec, input: number, ctx: KeyContext, emit: Emit): boolean {
  const p = op.params;
  const a = ttlAccess(op, ctx, accessTime(ctx));
  recordSelected(a);
  switch (op.kind) {
    case 'keyed-count': {
      const count = ((ttlValueGet(a, 'count') as number | null) ?? 0) + 1;
      ttlValueUpdate(a, 'count', count);
      emit(withValue(rec, count));
      return true;
    }
    case 'keyed-sum': {
      const sum = ((ttlValueGet(a, 'sum') as number | null) ?? 0) + rec.value;
      ttlValueUpdate(a, 'sum', sum);
      emit(withValue(rec, sum));
      return true;
    }
    case 'keyed-last-n': {
      const n = p.n ?? 3;
      const list = ttlListGet(a, 'lastN');
      if (list.length < n) ttlListAdd(a, 'lastN', rec.value);
      else ttlListUpdate(a, 'lastN', [...list.slice(list.length - n + 1), rec.value]);
      const now = ttlListGet(a, 'lastN') as number[];
      emit(withValue(rec, now.reduce((x, y) => x + y, 0)));
      return true;
    }
    case 'keyed-histogram': {
      const size = p.bucketSize ?? 5;
      const lo = Math.floor((rec.value - 1) / size) * size + 1;
      const bucket = `${lo}-${lo + size - 1}`;
      const count = ((ttlMapGet(a, 'histogram', bucket) as number | null) ?? 0) + 1;
      ttlMapPut(a, 'histogram', bucket, count);
      emit(withValue(rec, count));
      return true;
    }
    case 'keyed-reduce': {
      const fn = p.reduce ?? 'max';
      emit(withValue(rec, ttlReducingAdd(a, fn, rec.value, REDUCERS[fn])));
      return true;
    }
    case 'keyed-join': {
      ttlValueUpdate(a, input === 0 ? 'left' : 'right', rec.value);
      const other = ttlValueGet(a, input === 0 ? 'right' : 'left') as number | null;
      if (other !== null) emit(withValue(rec, rec.value + other));
      return true;
    }
    default:
      return false;
  }
}
