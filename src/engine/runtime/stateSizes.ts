import type { PlanOperator } from '../model/types';
import type { SubtaskState } from '../sim/state';
import { keyedStateBytes } from '../kernels/snapshotSizing';
import { countEntries } from './stateTtl';

// The State panel's chart: each keyed subtask's state size, sampled at every snapshot it takes, in
// runs where some operator has state TTL (other runs carry nothing new). Plain data in the
// subtask's state, so a copied state (time travel) carries its history on.

export interface StateSizeSample {
  /** simulated ms */
  t: number;
  /** keys with state in the task's own (local) state */
  entries: number;
  /** their serialized bytes, TTL timestamps included */
  bytes: number;
  /** keys holding a value that is expired and not cleaned up yet */
  expired: number;
  /** RocksDB: bytes of the sorted files (old versions and tombstones until a compaction) */
  sstBytes?: number;
  /** keys the snapshot left out (cleanupFullSnapshot) */
  leftOut?: number;
  /** a compaction ran at this sample; keys its TTL filter removed */
  compaction?: number;
}

declare module '../sim/state' {
  interface SubtaskState {
    /** state TTL runs: keyed state size at each snapshot (runtime/stateSizes.ts) */
    stateSizes?: StateSizeSample[];
  }
}

/** Samples kept per subtask: past this, every other old one goes (the chart keeps its shape). */
export const MAX_SAMPLES = 400;

export function recordStateSize(st: SubtaskState, op: PlanOperator, now: number, extra: Pick<StateSizeSample, 'sstBytes' | 'leftOut' | 'compaction'>): void {
  const { entries, expired } = countEntries(st.keyed, op, now);
  const sample: StateSizeSample = { t: now, entries, bytes: keyedStateBytes(st.keyed), expired };
  if (extra.sstBytes !== undefined) sample.sstBytes = extra.sstBytes;
  if (extra.leftOut) sample.leftOut = extra.leftOut;
  if (extra.compaction !== undefined) sample.compaction = extra.compaction;
  const list = (st.stateSizes ??= []);
  list.push(sample);
  if (list.length > MAX_SAMPLES) st.stateSizes = list.filter((s, i) => i % 2 === 1 || i >= list.length - MAX_SAMPLES / 2 || s.compaction !== undefined);
}
