import type { KeyedStateTable, StateKind } from '../model/types';
import { settingsOf } from '../checkpoint/settings';
import type { SimState } from '../sim/state';
import type { CompletedCheckpoint, SubtaskSnapshot } from '../checkpoint/types';
import { redistributeOperatorState } from '../kernels/operatorStateRedistribution';
import { holdsState, jobOperatorIds, type OperatorKeyedSnapshot, type OperatorSnapshot } from './operatorSnapshot';
import { mapSnapshotToJob, type JobOperatorInfo, type SnapshotOperatorInfo, type StateMapping } from './stateMapping';

// Flink's StateAssignmentOperation for a new job: each operator of the snapshot goes to the
// operator with its OperatorID; keyed state moves by key group to the subtask whose new range holds
// it; operator state lists are even-split over the new subtasks. The checks come first, in Flink's
// order: an orphan with state (Checkpoints.loadAndValidateCheckpoint), then the max parallelism,
// then the state's type when the operator registers it again.

export class StateRestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateRestoreError';
  }
}

export function snapshotOperatorInfos(snap: OperatorKeyedSnapshot): SnapshotOperatorInfo[] {
  return snap.operators.map((o) => ({ operatorId: o.operatorId, vertex: o.vertex, name: o.name, uid: o.uid, parallelism: o.parallelism, hasState: o.subtasks.some(holdsState) }));
}

export function jobOperatorInfos(state: SimState): JobOperatorInfo[] {
  const ids = jobOperatorIds(state);
  return state.plan.operators.map((o) => ({ operatorId: ids.get(o.id)!, vertex: o.id, name: o.name, uid: state.scenario.operators[o.index].uid ?? null, parallelism: o.parallelism }));
}

/** The mapping table of `snap` onto the job in `next`. */
export function stateMappingFor(snap: OperatorKeyedSnapshot, next: SimState): StateMapping {
  return mapSnapshotToJob(snapshotOperatorInfos(snap), jobOperatorInfos(next));
}

export function nonRestoredStateMessage(pointer: string, operatorId: string): string {
  return `Failed to rollback to checkpoint/savepoint ${pointer}. Cannot map checkpoint/savepoint state for operator ${operatorId} to the new program, because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI.`;
}

/** Throws StateRestoreError when the operator cannot take `from`'s state (also the editor's preview, upgradeJob.ts). */
export function checkCompatible(from: OperatorSnapshot, to: SimState['plan']['operators'][number], operatorId: string, backend: 'hashmap' | 'rocksdb' = 'hashmap'): void {
  if (from.keyed && to.keyed && to.maxParallelism !== from.maxParallelism) {
    throw new StateRestoreError(`The maximum parallelism (${to.maxParallelism}) of the stateful operator ${operatorId} does not match the maximum parallelism (${from.maxParallelism}) of the restored state.`);
  }
  const hasKeyed = from.subtasks.some((s) => s.keyed.size > 0);
  if (hasKeyed && !to.keyed) {
    throw new StateRestoreError(`Cannot restore operator ${operatorId} (${to.name}): the snapshot holds keyed state for it, and the new operator is not keyed (it has no keyBy before it). State migration is not possible.`);
  }
  for (const d of to.states) {
    const was = from.states.find((s) => s.name === d.name);
    if (was && was.kind !== d.kind) {
      throw new StateRestoreError(`Cannot restore state "${d.name}" of operator ${operatorId} (${to.name}): state migration is not possible. Incompatible key/value state types. Was [${was.kind.toUpperCase()}], registered with [${d.kind.toUpperCase()}].`);
    }
    if (was && was.kind === d.kind && (was.ttl === true) !== (d.ttl === true)) {
      throw new StateRestoreError(`Cannot restore state "${d.name}" of operator ${operatorId} (${to.name}): ${ttlMigrationMessage(d.kind, was.ttl === true, backend)} State TTL was ${d.ttl ? 'enabled' : 'disabled'} for this state since the snapshot was written, which changes how its values are serialized: state migration is not possible.`);
    }
  }
}

/** A value serializer as Flink names it, with state TTL's TtlSerializer wrapped around the value (TtlStateFactory). */
function serializerName(kind: StateKind, ttl: boolean): string {
  const value = ttl ? 'TtlStateFactory$TtlSerializer' : 'LongSerializer';
  return kind === 'list' ? `ListSerializer<${value}>` : kind === 'map' ? `MapSerializer<StringSerializer, ${value}>` : value;
}

/** HeapKeyedStateBackend's / RocksDBKeyedStateBackend's refusal of an incompatible state serializer. */
export function ttlMigrationMessage(kind: StateKind, ttlBefore: boolean, backend: 'hashmap' | 'rocksdb'): string {
  const serializers = `the new state serializer (${serializerName(kind, !ttlBefore)}) must not be incompatible with the old state serializer (${serializerName(kind, ttlBefore)}).`;
  return `StateMigrationException: ${backend === 'hashmap' ? `For heap backends, ${serializers}` : `T${serializers.slice(1)}`}`;
}

/**
 * The snapshot laid out over the subtasks of the new job in `next` (keyed by its subtask ids), with
 * the mapping it followed. Channel state is left to the caller: it depends on both jobs' channels.
 */
export function assignState(snap: OperatorKeyedSnapshot, next: SimState, allowNonRestoredState: boolean): { checkpoint: CompletedCheckpoint; mapping: StateMapping } {
  const mapping = stateMappingFor(snap, next);
  if (mapping.blocking.length && !allowNonRestoredState) {
    throw new StateRestoreError(nonRestoredStateMessage(snap.externalPath, mapping.blocking[0].operatorId));
  }
  const ids = jobOperatorIds(next);
  const byId = new Map(snap.operators.map((o) => [o.operatorId, o]));
  const subtasks: { [sid: string]: SubtaskSnapshot } = {};
  for (const op of next.plan.operators) {
    const operatorId = ids.get(op.id)!;
    const from = byId.get(operatorId);
    if (!from) continue; // a new operator starts empty
    checkCompatible(from, op, operatorId, settingsOf(next).backend);
    const byGroup: KeyedStateTable = new Map();
    for (const s of from.subtasks) for (const [g, group] of s.keyed) byGroup.set(g, group);
    const names = [...new Set(from.subtasks.flatMap((s) => Object.keys(s.operator)))];
    const redistributed = redistributeOperatorState(names.map((name) => ({ name, mode: 'split' as const, perSubtask: from.subtasks.map((s) => (Object.hasOwn(s.operator, name) ? s.operator[name] : []) as unknown[]) })), op.parallelism);
    op.subtasks.forEach((sid, i) => {
      const ps = next.plan.subtasks[sid];
      const keyed: KeyedStateTable = new Map();
      if (ps.keyGroupRange) {
        for (let g = ps.keyGroupRange[0]; g <= ps.keyGroupRange[1]; g++) {
          const group = byGroup.get(g);
          if (group) keyed.set(g, structuredClone(group));
        }
      }
      const operator: SubtaskSnapshot['operator'] = {};
      for (const r of redistributed) operator[r.name] = r.perSubtask[i];
      // RocksDB's files belong to a subtask's key-group range: they carry over while the ranges stay
      const sameRange = from.parallelism === op.parallelism && from.maxParallelism === op.maxParallelism;
      const files = sameRange ? from.subtasks[i].files.map((f) => ({ ...f })) : [];
      subtasks[sid] = { keyed, keyGroupRange: ps.keyGroupRange, operator, inputChannelState: {}, outputChannelState: {}, files };
    });
  }
  const checkpoint: CompletedCheckpoint = {
    id: snap.checkpointId, isSavepoint: snap.isSavepoint, type: snap.type, triggerTime: snap.triggerTime, completedAt: snap.completedAt,
    stateBytes: snap.stateBytes, storage: snap.storage, backend: snap.backend, externalPath: snap.externalPath, subtasks,
  };
  return { checkpoint, mapping };
}
