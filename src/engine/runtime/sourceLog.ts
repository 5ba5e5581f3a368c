import type { Conf } from '../config/conf';
import { parseDuration } from '../config/duration';
import { hash3, seed32 } from '../sim/rng';
import type { OperatorSpec } from '../scenarios/schema';
import type { Rec, SourceParams } from '../model/types';
import { internKey } from './internKey';

// A source reads a partitioned log like a Kafka topic. The log's content is a pure function of
// (seed, partition, offset): record o of partition p always has the same key, value and append
// time, so rewinding to an offset and reading again yields the very same records.

export const ANIMALS = ['Lion', 'Tiger', 'Bear', 'Wolf', 'Fox', 'Eagle', 'Otter', 'Panda', 'Zebra', 'Koala', 'Moose', 'Lynx'];

export function sourceParams(op: Extract<OperatorSpec, { kind: 'source' }>, conf: Conf): SourceParams {
  const skew = conf.has('sim.source.skew') ? conf.number('sim.source.skew')! : op.skew ?? 1.1;
  const keys = (op.keys ?? (op.keyCount ? Array.from({ length: op.keyCount }, (_, i) => `k${i}`) : ANIMALS.slice(0, 6))).map(internKey);
  return {
    topic: op.topic ?? op.id,
    partitions: op.partitions,
    ratePerPartition: conf.number('sim.source.rate') ?? op.ratePerPartition,
    keys,
    distribution: conf.has('sim.source.skew') ? (skew > 0 ? 'skewed' : 'uniform') : op.distribution ?? 'uniform',
    skew,
    maxValue: op.maxValue ?? 10,
    recordsPerPartition: op.recordsPerPartition,
    replayable: conf.text('sim.source.kind') === 'non-replayable' ? false : op.replayable ?? true,
    ...(op.recordsPerSession !== undefined ? { recordsPerSession: op.recordsPerSession } : {}),
    ...(op.pause ? { pause: { atMs: parseDuration(op.pause.at)!, forMs: parseDuration(op.pause.for)! } } : {}),
  };
}

const zipfCache = new Map<string, Float64Array>();
function zipfCdf(n: number, s: number): Float64Array {
  const id = `${n}:${s}`;
  let cdf = zipfCache.get(id);
  if (!cdf) {
    cdf = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += 1 / Math.pow(i + 1, s);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += 1 / Math.pow(i + 1, s) / total;
      cdf[i] = acc;
    }
    zipfCache.set(id, cdf);
  }
  return cdf;
}

export function keyIndexAt(params: SourceParams, u: number): number {
  const n = params.keys.length;
  if (params.distribution === 'uniform' || params.skew === 0) return Math.min(n - 1, Math.floor(u * n));
  const cdf = zipfCdf(n, params.skew);
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** When record `offset` of `partition` is appended to the log (simulated ms). */
export function appendTime(params: SourceParams, seed: number, partition: number, offset: number): number {
  const period = 1000 / params.ratePerPartition;
  const s = seed32(seed);
  const phase = hash3(s, partition, -1);
  const at = (offset + phase + 0.5 * hash3(s ^ 0x2545f491, partition, offset)) * period;
  return params.pause && at >= params.pause.atMs ? at + params.pause.forMs : at;
}

/** True when the bounded log has no record at this offset. */
export function endOfLog(params: SourceParams, offset: number): boolean {
  return params.recordsPerPartition !== undefined && offset >= params.recordsPerPartition;
}

/** Ever-new keys: the session id of record `offset` of `partition` (a session never comes back). */
export function sessionKey(recordsPerSession: number, partition: number, offset: number): string {
  return `s${partition}.${Math.floor(offset / recordsPerSession)}`;
}

/** Each source operator's log has its own content. */
export function logSeed(seed: number, sourceIndex: number): number {
  return (Math.imul(seed32(seed), 31) + sourceIndex) | 0;
}

export function recordAt(params: SourceParams, seed: number, sourceIndex: number, partition: number, offset: number): Rec {
  const s = logSeed(seed, sourceIndex);
  return recordOfLog(params, s, sourceIndex, partition, offset, appendTime(params, s, partition, offset));
}

/** recordAt with the log's seed (logSeed) and the record's append time already known. */
export function recordOfLog(params: SourceParams, s: number, sourceIndex: number, partition: number, offset: number, ts: number): Rec {
  const key = params.recordsPerSession === undefined ? params.keys[keyIndexAt(params, hash3(s, partition, offset))] : sessionKey(params.recordsPerSession, partition, offset);
  const value = 1 + Math.floor(hash3(s ^ 0x51ed27, partition, offset) * params.maxValue);
  return { key, value, src: sourceIndex, part: partition, off: offset, sub: 0, ts };
}

/** Kafka's log end offset at `time`: how many records of `partition` have been appended before then. */
export function logEndOffset(params: SourceParams, seed: number, partition: number, time: number): number {
  // appendTime(o) lies in [(o + phase) * period, (o + phase + 0.5) * period): start just below and walk
  const p = params.pause;
  const logTime = p && time > p.atMs ? Math.max(p.atMs, time - p.forMs) : time;
  let off = Math.max(0, Math.floor((logTime * params.ratePerPartition) / 1000) - 2);
  while (!endOfLog(params, off) && appendTime(params, seed, partition, off) < time) off++;
  return off;
}
