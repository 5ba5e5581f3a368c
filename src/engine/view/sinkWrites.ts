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
  /** the records indexed, as the list held them when last read, and each one's id */
  recs: Rec[];
  ids: string[];
  times: Map<string, number>;
  duplicate: boolean[];
  duplicates: number;
  /**
   * source operator -> partition -> the highest offset written: a record past it was never written.
   * Not lowered when a bounded sink drops its oldest: a record below it is looked up in `times`.
   */
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

/**
 * How many records a bounded sink dropped from the front of `list` since `ix` last read it: the
 * least d such that the list starts with the indexed records after the first d (what follows was
 * appended). Records are compared by identity, each of them, since a replay may write the same
 * record object again: what the index says depends only on the records, so any such d gives the
 * counts a count from scratch would. Past a few false starts it gives up: everything dropped.
 */
function droppedSince(ix: WriteIndex, list: Rec[]): number {
  const { recs } = ix;
  for (let d = 0, tries = 0; d < recs.length && tries < 8; d++) {
    if (recs[d] !== list[0] || list.length < recs.length - d) continue;
    tries++;
    let k = 1;
    while (d + k < recs.length && list[k] === recs[d + k]) k++;
    if (d + k === recs.length) return d;
  }
  return recs.length;
}

/** The duplicate marks of every record with id `id`, counted again from the first one kept. */
function markAgain(ix: WriteIndex, id: string, bound: ((rec: Rec) => number) | null): void {
  let n = 0;
  for (let i = 0; i < ix.ids.length; i++) {
    if (ix.ids[i] !== id) continue;
    const dup = bound !== null && ++n > bound(ix.recs[i]);
    if (dup !== ix.duplicate[i]) {
      ix.duplicate[i] = dup;
      ix.duplicates += dup ? 1 : -1;
    }
  }
}

/**
 * The index of `list`, brought up to date: what was appended is counted, and what a bounded sink
 * dropped from the front (one record per write, so every frame) is counted out, the records of
 * the same id marked again, as if the list were counted from scratch (a sink that keeps only its
 * last records counts from what it keeps).
 */
function indexOf(list: Rec[], bound: ((rec: Rec) => number) | null, appendOnly: boolean): WriteIndex {
  let ix = indexes.get(list);
  if (!ix) indexes.set(list, (ix = { recs: [], ids: [], times: new Map(), duplicate: [], duplicates: 0, maxOffset: [] }));
  // a sink that keeps every record only appends (runtime/sink.ts): its ends tell
  const { recs } = ix;
  const appended = appendOnly && list[0] === recs[0] && list.length >= recs.length && list[recs.length - 1] === recs[recs.length - 1];
  const dropped = appended ? 0 : droppedSince(ix, list);
  if (dropped > 0) {
    const gone = ix.ids.splice(0, dropped);
    ix.recs.splice(0, dropped);
    for (const dup of ix.duplicate.splice(0, dropped)) if (dup) ix.duplicates--;
    for (const id of gone) {
      const left = ix.times.get(id)! - 1;
      if (left === 0) ix.times.delete(id);
      else {
        ix.times.set(id, left);
        markAgain(ix, id, bound);
      }
    }
  }
  for (let i = ix.recs.length; i < list.length; i++) {
    const rec = list[i];
    const offsets = ix.maxOffset[rec.src] ?? (ix.maxOffset[rec.src] = []);
    if (!(offsets[rec.part] >= rec.off)) offsets[rec.part] = rec.off;
    const id = sourceRecordId(rec);
    const n = (ix.times.get(id) ?? 0) + 1;
    ix.times.set(id, n);
    // a job too tangled to bound (the oracle cannot judge it either) marks nothing
    const dup = bound !== null && n > bound(rec);
    ix.recs.push(rec);
    ix.ids.push(id);
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
  if (!sink) return null;
  const op = state.plan.operators[ps.operator];
  return { sink, bound: boundOf(state.plan, op), appendOnly: (op.params.retain ?? -1) < 0 };
}

/** Duplicates at one sink subtask, as both readers see them; null for a subtask that is no sink. */
export function sinkWritesView(state: SimState, sid: number): SinkWritesView | null {
  const s = sinkOf(state, sid);
  if (!s) return null;
  const written = indexOf(s.sink.received, s.bound, s.appendOnly);
  const committed = indexOf(s.sink.committed, s.bound, s.appendOnly);
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
  const ix = indexOf(list, s.bound, s.appendOnly);
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
  const ix = indexOf(s.sink.received, s.bound, s.appendOnly);
  // a record past the highest offset written from its partition was never written (the page asks
  // this of every record on its way to a sink, every frame: no id to build for those)
  const top = ix.maxOffset[rec.src]?.[rec.part];
  const times = top === undefined || rec.off > top ? 0 : ix.times.get(sourceRecordId(rec)) ?? 0;
  return times >= s.bound(rec);
}
