import type { PlanSubtask, Rec } from '../model/types';
import type { SubtaskState } from '../sim/state';
import { appendTime, endOfLog, logSeed, recordAt } from './sourceLog';
import type { Runtime } from './runtime';
import { traceRecordRead } from '../trace/hotEvents';

// A source subtask reads its assigned partitions, always the one whose next record was appended
// first. Its position, the next offset per partition, is its operator state.

export type SourceNext = { done: true } | { done: false; partition: number; at: number };

export function sourceNext(rt: Runtime, ps: PlanSubtask, st: SubtaskState): SourceNext {
  const state = rt.state;
  const op = state.plan.operators[ps.operator];
  const params = op.params.source!;
  const seed = logSeed(state.seed, op.index);
  const src = st.source!;
  let best = -1;
  let bestAt = Infinity;
  for (const p of src.partitions) {
    const off = src.offsets[p];
    if (endOfLog(params, off) || (src.limits && off >= src.limits[p])) continue;
    const at = appendTime(params, seed, p, off);
    if (at < bestAt) {
      bestAt = at;
      best = p;
    }
  }
  return best < 0 ? { done: true } : { done: false, partition: best, at: bestAt };
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
