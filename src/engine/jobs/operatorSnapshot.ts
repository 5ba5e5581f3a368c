import type { StateDescriptor } from '../model/types';
import type { SimState } from '../sim/state';
import type { CompletedCheckpoint, CheckpointType, SubtaskSnapshot } from '../checkpoint/types';
import { operatorIdsOf } from './operatorIds';

// A snapshot as Flink's _metadata holds it: state per OperatorID, then per subtask index. The
// engine's coordinator keeps a completed checkpoint by the numeric subtask ids of the job that took
// it; this is the form that outlives that job (a file, a changed job) and that restore maps.

export interface OperatorSnapshot {
  /** Flink's OperatorID: 32 hex digits, from the uid or the operator's place in the graph */
  operatorId: string;
  uid: string | null;
  /** the operator's id in the scenario that took the snapshot, and its name (for people) */
  vertex: string;
  name: string;
  kind: string;
  parallelism: number;
  maxParallelism: number;
  keyed: boolean;
  /** the keyed states the operator registered, by name and kind */
  states: StateDescriptor[];
  /** by subtask index */
  subtasks: SubtaskSnapshot[];
}

export interface OperatorKeyedSnapshot {
  checkpointId: number;
  isSavepoint: boolean;
  type: CheckpointType;
  triggerTime: number;
  completedAt: number;
  stateBytes: number;
  storage: CompletedCheckpoint['storage'];
  backend: CompletedCheckpoint['backend'];
  externalPath: string;
  operators: OperatorSnapshot[];
}

/** The operator ids of a running job, chaining decided by the parallelism each operator runs with. */
export function jobOperatorIds(state: SimState): Map<string, string> {
  const parallelism = new Map(state.plan.operators.map((o) => [o.id, o.parallelism]));
  return operatorIdsOf({
    operators: state.scenario.operators.map((o) => ({ ...o, parallelism: parallelism.get(o.id) ?? o.parallelism })),
    edges: state.scenario.edges,
  });
}

/** Whether a subtask's snapshot holds anything to restore. */
export function holdsState(s: SubtaskSnapshot | undefined): boolean {
  if (!s) return false;
  return s.keyed.size > 0 || Object.values(s.operator).some((list) => list.length > 0);
}

/** `snap`, taken by the job in `state`, keyed by operator id (a copy). */
export function snapshotByOperator(state: SimState, snap: CompletedCheckpoint): OperatorKeyedSnapshot {
  const ids = jobOperatorIds(state);
  const empty = (range: [number, number] | null): SubtaskSnapshot => ({ keyed: new Map(), keyGroupRange: range, operator: {}, inputChannelState: {}, outputChannelState: {}, files: [] });
  return {
    checkpointId: snap.id, isSavepoint: snap.isSavepoint, type: snap.type, triggerTime: snap.triggerTime, completedAt: snap.completedAt,
    stateBytes: snap.stateBytes, storage: snap.storage, backend: snap.backend, externalPath: snap.externalPath,
    operators: state.plan.operators.map((op) => ({
      operatorId: ids.get(op.id)!,
      uid: state.scenario.operators[op.index].uid ?? null,
      vertex: op.id, name: op.name, kind: op.kind,
      parallelism: op.parallelism, maxParallelism: op.maxParallelism, keyed: op.keyed,
      states: op.states.map((d) => ({ ...d })),
      subtasks: op.subtasks.map((sid) => structuredClone(snap.subtasks[sid] ?? empty(state.plan.subtasks[sid].keyGroupRange))),
    })),
  };
}

/** The latest completed savepoint, or checkpoint (a retained one), of the job in `state`. */
export function latestSnapshot(state: SimState, kind: 'savepoint' | 'checkpoint'): CompletedCheckpoint | undefined {
  const list = kind === 'savepoint' ? state.coordinator.savepoints : state.coordinator.retained.filter((c) => !c.isSavepoint);
  return [...list].sort((a, b) => a.completedAt - b.completedAt || a.id - b.id).pop();
}
