import type { PlanSubtask } from '../model/types';
import type { SimState, SubtaskState } from '../sim/state';
import type { CommittedOffset } from '../checkpoint/types';
import { Conf } from '../config/conf';

// KafkaSource's offset commit: when checkpoint n completes (notifyCheckpointComplete), each reader
// commits the offsets it put into n's SourceReaderState to the consumer group, if
// `commit.offsets.on.checkpoint` (true by default). The group lives in Kafka, outside the job: it
// survives failovers, cancel and resubmit. Flink never restores from it; a job submitted without
// a snapshot may start from it (OffsetsInitializer.committedOffsets).

export const COMMIT_ON_CHECKPOINT_KEY = 'sim.source.commit.offsets.on.checkpoint';

function groupOf(state: SimState, operatorId: string): Map<number, CommittedOffset> {
  const groups = (state.coordinator.committedOffsets ??= new Map());
  let group = groups.get(operatorId);
  if (!group) groups.set(operatorId, (group = new Map()));
  return group;
}

/** notifyCheckpointComplete(n) at a source reader: commit what it checkpointed for n. */
export function commitOffsetsOnCheckpoint(state: SimState, ps: PlanSubtask, st: SubtaskState, checkpointId: number): void {
  if (!st.source || !new Conf(state.config.raw).bool(COMMIT_ON_CHECKPOINT_KEY)) return;
  const c = state.coordinator;
  // the reader's offsets of checkpoint n are those in n's snapshot (a checkpoint already subsumed
  // commits nothing: a later one commits newer offsets, as Flink's "already committed" case)
  const snap = [...c.retained, ...c.savepoints].find((s) => s.id === checkpointId)?.subtasks[ps.id];
  const splits = (snap?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[];
  if (!splits.length) return;
  const group = groupOf(state, state.plan.operators[ps.operator].id);
  for (const { partition, offset } of splits) {
    const had = group.get(partition);
    if (!had || had.checkpointId <= checkpointId) group.set(partition, { offset, checkpointId, at: state.now });
  }
}

/** The consumer group of a source operator: committed offset per partition (empty when none). */
export function committedOffsetsOf(state: SimState, operatorId: string): ReadonlyMap<number, CommittedOffset> {
  return state.coordinator.committedOffsets?.get(operatorId) ?? new Map();
}

/** A new job reads the same topics with the same consumer groups: the committed offsets stay. */
export function carryCommittedOffsets(from: SimState, to: SimState): void {
  if (from.coordinator.committedOffsets) to.coordinator.committedOffsets = structuredClone(from.coordinator.committedOffsets);
}
