import { committedOffsetsOf, sharedFilesView, type SimState } from '../engine';

/** partition -> the offset the source's readers started from, when the job was submitted again; null otherwise */
function startOffsets(state: SimState, opId: string): Map<number, number> | null {
  const op = sourceOf(state, opId);
  const out = new Map<number, number>();
  for (const sid of op.subtasks) {
    const from = state.subtasks[sid].source?.startedFrom;
    if (!from) return null;
    for (const [p, o] of Object.entries(from)) out.set(Number(p), o);
  }
  return out;
}

/** partition -> offset stored for the source in the snapshot the job was last restored from */
function restoredOffsets(state: SimState, opId: string): Map<number, number> | null {
  const id = state.restores.at(-1)?.id;
  const snap = id === undefined ? undefined : [...state.coordinator.retained, ...state.coordinator.savepoints].find((c) => c.id === id);
  if (!snap) return null;
  const out = new Map<number, number>();
  for (const sid of sourceOf(state, opId).subtasks) {
    for (const x of (snap.subtasks[sid]?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[]) out.set(x.partition, x.offset);
  }
  return out;
}

const same = (a: Map<number, number>, b: ReadonlyMap<number, number>) => a.size === b.size && [...a].every(([p, o]) => b.get(p) === o);
import type { FactDef } from './factTypes';

// Facts of cancelling, submitting again and claim modes (lessons cancel-resubmit, claim-modes).

function sourceOf(state: SimState, id: string | undefined) {
  const op = state.plan.operators.find((o) => o.id === id);
  if (!op || op.kind !== 'source') throw new RangeError(`the job has no source ${JSON.stringify(id)}`);
  return op;
}

/** The first checkpoint completed after the latest restore of the job as it runs now. */
function firstAfterRestore(state: SimState) {
  const restored = state.restores.at(-1);
  if (!restored) return undefined;
  return state.coordinator.history.find((r) => r.id > restored.id && r.status === 'COMPLETED' && !r.isSavepoint);
}

export const resubmitFacts: [string, FactDef][] = [
  ['committed-offsets-checkpoint', {
    args: ['operator'], cost: 'cheap', doc: "the checkpoint whose offsets the source's consumer group holds (KafkaSource commits on notifyCheckpointComplete), the highest over its partitions; 0 when nothing is committed",
    compute: (run, args) => Math.max(0, ...[...committedOffsetsOf(run.state, sourceOf(run.state, args.operator).id).values()].map((c) => c.checkpointId)),
  }],
  ['source-started-from', {
    args: ['operator'], cost: 'cheap', doc: "where the source's readers started when the job was last submitted again: 'snapshot' (the offsets of the snapshot it was restored from), 'committed' (the consumer group's committed offsets), 'earliest' (every partition at 0), 'other', or 'not-submitted'",
    compute: (run, args) => {
      const at = startOffsets(run.state, args.operator ?? '');
      if (!at) return 'not-submitted';
      const restored = restoredOffsets(run.state, args.operator ?? '');
      if (restored && same(at, restored)) return 'snapshot';
      const committed = new Map([...committedOffsetsOf(run.state, sourceOf(run.state, args.operator).id)].map(([p, c]) => [p, c.offset]));
      if (committed.size && same(at, committed)) return 'committed';
      if ([...at.values()].every((o) => o === 0)) return 'earliest';
      return 'other';
    },
  }],
  ['retained-checkpoints', {
    args: [], cost: 'cheap', doc: 'how many retained checkpoints the job has (after a cancel: those RETAIN_ON_CANCELLATION kept)',
    compute: (run) => run.state.coordinator.retained.length,
  }],
  ['holds-keyed-state', {
    args: ['operator'], cost: 'cheap', doc: 'whether any subtask of the operator holds keyed state (false for a job submitted without a snapshot, until records arrive)',
    compute: (run, args) => {
      const op = run.state.plan.operators.find((o) => o.id === args.operator);
      if (!op) throw new RangeError(`the job has no operator ${JSON.stringify(args.operator)}`);
      return op.subtasks.some((sid) => [...run.state.subtasks[sid].keyed.values()].some((g) => g.size > 0));
    },
  }],
  ['shared-files-owned-by-user', {
    args: [], cost: 'cheap', doc: 'whether shared files of a snapshot restored in NO_CLAIM mode are registered as the user\'s (Flink never deletes them)',
    compute: (run) => sharedFilesView(run.state).some((f) => f.owner === 'user'),
  }],
  ['restored-files-remain', {
    args: [], cost: 'cheap', doc: 'whether shared files of the snapshot the job was last restored from (created by a checkpoint up to its id) are still in the shared directory; false before any restore',
    compute: (run) => {
      const id = run.state.restores.at(-1)?.id;
      return id !== undefined && sharedFilesView(run.state).some((f) => f.createdBy <= id);
    },
  }],
  ['first-checkpoint-after-restore-full', {
    args: [], cost: 'cheap', doc: 'whether the first checkpoint completed after the latest restore uploaded the whole state (checkpointed_size = state_size); false before it completes',
    compute: (run) => {
      const r = firstAfterRestore(run.state);
      return r !== undefined && r.checkpointedBytes === r.stateBytes;
    },
  }],
];
