import type { PlanSubtask, Rec, SourceParams, SourceSubtaskState } from '../model/types';
import type { SubtaskState } from '../sim/state';
import { appendTime, endOfLog, logSeed, recordOfLog } from './sourceLog';
import type { Runtime } from './runtime';
import { traceRecordRead } from '../trace/hotEvents';

// A source subtask reads its assigned partitions, always the one whose next record was appended
// first. Its position, the next offset per partition, is its operator state.

/** When sourceNext found a record: its append time. */
export let sourceNextAt = Infinity;

/**
 * Each partition's next append time, as last computed, by partition: sourceNext compares every
 * partition's at each record, though only the one just read moved on. Valid for one reader state,
 * log and seed; an entry only while its partition is still at that offset (restores move it).
 */
interface AppendTimes { src: SourceSubtaskState; params: SourceParams; seed: number; offset: number[]; at: number[] }

const appendTimes: (AppendTimes | undefined)[] = [];

function appendTimesOf(ps: PlanSubtask, src: SourceSubtaskState, params: SourceParams, seed: number): AppendTimes {
  let c = appendTimes[ps.id];
  if (c === undefined || c.src !== src || c.params !== params || c.seed !== seed) c = appendTimes[ps.id] = { src, params, seed, offset: [], at: [] };
  return c;
}

/** appendTime of the partition's record at `off`, from the cache when it was computed already. */
function nextAppendTime(c: AppendTimes, p: number, off: number): number {
  if (c.offset[p] === off) return c.at[p];
  const at = appendTime(c.params, c.seed, p, off);
  c.offset[p] = off;
  c.at[p] = at;
  return at;
}

/**
 * The partition whose next record was appended first, its append time in `sourceNextAt`; -1 when
 * every partition is read to its end. (No object per record: this runs once per record read.)
 */
export function sourceNext(rt: Runtime, ps: PlanSubtask, st: SubtaskState): number {
  const state = rt.state;
  const op = state.plan.operators[ps.operator];
  const params = op.params.source!;
  const src = st.source!;
  const c = appendTimesOf(ps, src, params, logSeed(state.seed, op.index));
  const partitions = src.partitions;
  let best = -1;
  let bestAt = Infinity;
  for (let i = 0; i < partitions.length; i++) {
    const p = partitions[i];
    const off = src.offsets[p];
    if (endOfLog(params, off) || (src.limits && off >= src.limits[p])) continue;
    const at = nextAppendTime(c, p, off);
    if (at < bestAt) {
      bestAt = at;
      best = p;
    }
  }
  sourceNextAt = bestAt;
  return best;
}

export function sourceRead(rt: Runtime, ps: PlanSubtask, st: SubtaskState, partition: number): Rec {
  const state = rt.state;
  const op = state.plan.operators[ps.operator];
  const params = op.params.source!;
  const src = st.source!;
  const offset = src.offsets[partition];
  const c = appendTimesOf(ps, src, params, logSeed(state.seed, op.index));
  const rec = recordOfLog(params, c.seed, op.index, partition, offset, nextAppendTime(c, partition, offset));
  src.offsets[partition] = offset + 1;
  traceRecordRead(rt, state.now, ps.id, partition, offset, rec.key);
  return rec;
}
