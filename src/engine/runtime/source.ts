import type { PlanSubtask, Rec } from '../model/types';
import type { SubtaskState } from '../sim/state';
import { appendTime, endOfLog, logSeed, recordAt } from './sourceLog';
import type { Runtime } from './runtime';
import { traceRecordRead } from '../trace/hotEvents';

// A source subtask reads its assigned partitions, always the one whose next record was appended
// first. Its position, the next offset per partition, is its operator state.

/** When sourceNext found a record: its append time. */
export let sourceNextAt = Infinity;

/**
 * The partition whose next record was appended first, its append time in `sourceNextAt`; -1 when
 * every partition is read to its end. (No object per record: this runs once per record read.)
 */
export function sourceNext(rt: Runtime, ps: PlanSubtask, st: SubtaskState): number {
  const state = rt.state;
  const op = state.plan.operators[ps.operator];
  const params = op.params.source!;
  const seed = logSeed(state.seed, op.index);
  const src = st.source!;
  const partitions = src.partitions;
  let best = -1;
  let bestAt = Infinity;
  for (let i = 0; i < partitions.length; i++) {
    const p = partitions[i];
    const off = src.offsets[p];
    if (endOfLog(params, off) || (src.limits && off >= src.limits[p])) continue;
    const at = appendTime(params, seed, p, off);
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
  const src = st.source!;
  const offset = src.offsets[partition];
  const rec = recordAt(op.params.source!, state.seed, op.index, partition, offset);
  src.offsets[partition] = offset + 1;
  traceRecordRead(rt, state.now, ps.id, partition, offset, rec.key);
  return rec;
}
