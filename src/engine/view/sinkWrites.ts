import type { PhysicalPlan, PlanOperator, Rec } from '../model/types';
import type { SimState } from '../sim/state';
import { recordBound } from '../oracle/recordBounds';

// Which writes of a sink subtask are duplicates: a record derived from the same source record
// (source, partition, offset, flat-map copy: what the oracle compares) written more often than the
// job can write it, at this subtask. After a restore the sources rewind and re-read: a plain sink
// writes the replayed records a second time; a two-phase-commit sink writes them too, but into a
// transaction a read_committed reader only sees if it commits, after the first copy was aborted.

/** The source record a record derives from: the id the oracle counts (oracle.ts). */
export function sourceRecordId(rec: Rec): string {
  return `${rec.src}/${rec.part}/${rec.off}/${rec.sub}`;
}

/** What one list of writes says, kept up to date as the list grows (the engine appends in place). */
interface WriteIndex {
  first: Rec | undefined;
  seen: number;
  times: Map<string, number>;
  duplicate: boolean[];
  duplicates: number;
  /** source operator -> partition -> the highest offset written: a record past it was never written */
  maxOffset: number[][];
}

const indexes = new WeakMap<Rec[], WriteIndex>();
const bounds = new WeakMap<PhysicalPlan, Map<number, ((rec: Rec) => number) | null>>();

function boundOf(plan: PhysicalPlan, sink: PlanOperator): ((rec: Rec) => number) | null {
  let perSink = bounds.get(plan);
  if (!perSink) bounds.set(plan, (perSink = new Map()));
  if (!perSink.has(sink.index)) perSink.set(sink.index, recordBound(plan, sink));
  return perSink.get(sink.index)!;
}

function indexOf(list: Rec[], bound: ((rec: Rec) => number) | null): WriteIndex {
  let ix = indexes.get(list);
  // a sink that keeps only its last records drops the oldest: count again from what is kept
  if (!ix || ix.first !== list[0] || ix.seen > list.length) {
    ix = { first: list[0], seen: 0, times: new Map(), duplicate: [], duplicates: 0, maxOffset: [] };
    indexes.set(list, ix);
  }
  for (; ix.seen < list.length; ix.seen++) {
    const rec = list[ix.seen];
    const offsets = ix.maxOffset[rec.src] ?? (ix.maxOffset[rec.src] = []);
    if (!(offsets[rec.part] >= rec.off)) offsets[rec.part] = rec.off;
    const id = sourceRecordId(rec);
    const n = (ix.times.get(id) ?? 0) + 1;
    ix.times.set(id, n);
    // a job too tangled to bound (the oracle cannot judge it either) marks nothing
    const dup = bound !== null && n > bound(rec);
    ix.duplicate.push(dup);
    if (dup) ix.duplicates++;
  }
  return ix;
}

export interface WrittenRecord { key: string; value: number; id: string; duplicate: boolean }

export interface SinkWritesView {
  kind: 'plain' | 'upsert' | 'two-phase-commit';
  /** every write (what a read_uncommitted reader sees) and how many of them are duplicates */
  written: number;
  writtenDuplicates: number;
  /** what a read_committed reader sees, and its duplicates */
  committed: number;
  committedDuplicates: number;
}

function sinkOf(state: SimState, sid: number) {
  const ps = state.plan.subtasks[sid];
  const sink = ps ? state.subtasks[sid]?.sink : null;
  return sink ? { sink, bound: boundOf(state.plan, state.plan.operators[ps.operator]) } : null;
}

/** Duplicates at one sink subtask, as both readers see them; null for a subtask that is no sink. */
export function sinkWritesView(state: SimState, sid: number): SinkWritesView | null {
  const s = sinkOf(state, sid);
  if (!s) return null;
  const written = indexOf(s.sink.received, s.bound);
  const committed = indexOf(s.sink.committed, s.bound);
  return {
    kind: s.sink.kind,
    written: s.sink.received.length, writtenDuplicates: written.duplicates,
    committed: s.sink.committed.length, committedDuplicates: committed.duplicates,
  };
}

/** The last `n` writes (newest first) a reader sees, each marked when it duplicates an earlier one; or the last `n` duplicates. */
export function recentWrites(state: SimState, sid: number, reader: 'read_uncommitted' | 'read_committed', n: number, onlyDuplicates = false): WrittenRecord[] {
  const s = sinkOf(state, sid);
  if (!s) return [];
  const list = reader === 'read_committed' ? s.sink.committed : s.sink.received;
  const ix = indexOf(list, s.bound);
  const out: WrittenRecord[] = [];
  // the duplicates alone: a walk over the whole list only when there are any
  if (onlyDuplicates && ix.duplicates === 0) return out;
  for (let i = list.length - 1; i >= 0 && out.length < Math.max(0, n); i--) {
    if (onlyDuplicates && !ix.duplicate[i]) continue;
    out.push({ key: list[i].key, value: list[i].value, id: sourceRecordId(list[i]), duplicate: ix.duplicate[i] });
  }
  return out;
}

/**
 * A record on its way to sink subtask `sid` that the sink has already written as often as the job
 * can write it: writing it again makes a duplicate (for a two-phase-commit sink, possibly of an
 * aborted write: the read_committed view decides).
 */
export function writesAgain(state: SimState, sid: number, rec: Rec): boolean {
  const s = sinkOf(state, sid);
  if (!s || s.bound === null) return false;
  const ix = indexOf(s.sink.received, s.bound);
  // a record past the highest offset written from its partition was never written (the page asks
  // this of every record on its way to a sink, every frame: no id to build for those)
  const top = ix.maxOffset[rec.src]?.[rec.part];
  const times = top === undefined || rec.off > top ? 0 : ix.times.get(sourceRecordId(rec)) ?? 0;
  return times >= s.bound(rec);
}
