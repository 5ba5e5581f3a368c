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
  /** the sink's count of appends to the list when it was last read */
  appends: number;
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
 * How many records a bounded sink dropped from the front of `list` since `ix` last read it, from
 * how many the sink appended meanwhile (`appends`, its own count); -1 when the list is not what
 * that says (it is indexed anew).
 */
function droppedSince(ix: WriteIndex, list: Rec[], appends: number): number {
  const { recs } = ix;
  if (list.length === 0) return recs.length;
  const appended = appends - ix.appends;
  const dropped = recs.length + appended - list.length;
  if (appended < 0 || dropped < 0 || dropped > recs.length) return -1;
  const kept = recs.length - dropped;
  return kept === 0 || (list[0] === recs[dropped] && list[kept - 1] === recs[recs.length - 1]) ? dropped : -1;
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
function indexOf(list: Rec[], bound: ((rec: Rec) => number) | null, appends: number): WriteIndex {
  let ix = indexes.get(list);
  const dropped = ix ? droppedSince(ix, list, appends) : -1;
  if (!ix || dropped < 0) {
    ix = { recs: [], appends: 0, ids: [], times: new Map(), duplicate: [], duplicates: 0, maxOffset: [] };
    indexes.set(list, ix);
  }
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
  ix.appends = appends;
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

/** The index of what a reader sees of the sink: every write, or what is committed; each list with the sink's count of its appends. */
function writesSeenBy(s: NonNullable<ReturnType<typeof sinkOf>>, reader: 'read_uncommitted' | 'read_committed'): WriteIndex {
  return reader === 'read_committed'
    ? indexOf(s.sink.committed, s.bound, s.sink.latency.visible.count)
    : indexOf(s.sink.received, s.bound, s.sink.latency.written.count);
}

/** Duplicates at one sink subtask, as both readers see them; null for a subtask that is no sink. */
export function sinkWritesView(state: SimState, sid: number): SinkWritesView | null {
  const s = sinkOf(state, sid);
  if (!s) return null;
  const written = writesSeenBy(s, 'read_uncommitted');
  const committed = writesSeenBy(s, 'read_committed');
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
  const ix = writesSeenBy(s, reader);
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
  return writtenAlready(state, sid)?.(rec) ?? false;
}

/**
 * writesAgain of sink subtask `sid` as a function of the record, the sink's writes counted once:
 * the page asks it of every record on its way to the sink, every frame. Null when no record can be
 * (not a sink, or a job too tangled to bound).
 */
export function writtenAlready(state: SimState, sid: number): ((rec: Rec) => boolean) | null {
  const s = sinkOf(state, sid);
  if (!s || s.bound === null) return null;
  const ix = writesSeenBy(s, 'read_uncommitted');
  const bound = s.bound;
  return (rec) => {
    // a record past the highest offset written from its partition was never written: no id to build
    const top = ix.maxOffset[rec.src]?.[rec.part];
    const times = top === undefined || rec.off > top ? 0 : ix.times.get(sourceRecordId(rec)) ?? 0;
    return times >= bound(rec);
  };
}
