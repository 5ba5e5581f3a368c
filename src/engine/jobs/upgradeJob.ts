import { createInitialState, Simulation } from '../sim/simulation';
import type { SimState } from '../sim/state';
import { checkCompatible, jobOperatorInfos, stateMappingFor, StateRestoreError } from './assignState';
import { jobOperatorIds, snapshotByOperator, type OperatorSnapshot } from './operatorSnapshot';
import { mapSnapshotToJob, withRefusals, type StateMapping } from './stateMapping';
import { parseScenario } from '../scenarios/validate';
import { settingsOf } from '../checkpoint/settings';
import { RestoreError, restoreJob } from '../checkpoint/restoreJob';

// An upgrade, as one command: stop the running job with a savepoint (`flink stop`), then submit
// the changed job from it (`flink run -s <savepoint> [-n]`). The stop runs on a copy of the job, so
// a refused upgrade (the savepoint fails, the state does not map) leaves the run as it was.

/** Events an upgrade's stop-with-savepoint may take before it counts as hung. */
export const UPGRADE_EVENT_BUDGET = 5_000_000;
/** Simulated time between two looks at whether the savepoint has completed. */
const STEP_MS = 50;

export interface UpgradeOptions {
  allowNonRestoredState: boolean;
}

/** The changed job, started from the savepoint that stopped `sim`'s job; `sim` itself is left alone. */
export function upgradeJob(sim: Simulation, scenario: unknown, options: UpgradeOptions): Simulation {
  const spec = parseScenario(scenario);
  if (sim.state.job.status !== 'RUNNING') throw new RestoreError(`the job is ${sim.state.job.status}: only a running job can be stopped with a savepoint`);
  const trial = new Simulation(structuredClone(sim.state));
  const known = new Set(trial.state.coordinator.savepoints.map((s) => s.id));
  trial.stopWithSavepoint();
  const deadline = trial.now + settingsOf(trial.state).timeoutMs;
  let budget = UPGRADE_EVENT_BUDGET;
  const taken = () => trial.state.coordinator.savepoints.find((s) => !known.has(s.id) && s.type === 'SYNC_SAVEPOINT');
  while (!taken() && trial.state.job.status === 'RUNNING' && trial.now < deadline && budget > 0) {
    budget -= trial.runUntil(Math.min(deadline, trial.now + STEP_MS), budget);
  }
  const savepoint = taken();
  if (!savepoint) {
    const failed = [...trial.state.coordinator.history].reverse().find((r) => r.type === 'SYNC_SAVEPOINT' && r.status === 'FAILED');
    throw new RestoreError(`stop-with-savepoint did not complete${failed?.failureMessage ? `: ${failed.failureMessage}` : ''} (job ${trial.state.job.status}); the job keeps running unchanged`);
  }
  // the job finishes once the savepoint's notifications are out: let it get there first
  trial.runUntil(trial.now);
  return restoreJob(trial.state, savepoint.id, { scenario: spec, allowNonRestoredState: options.allowNonRestoredState });
}

/**
 * What an upgrade to `scenario` would do with each operator's state, judged on the job as it runs
 * now (the savepoint is taken at the stop, so an operator's state may still appear until then),
 * with the refusal a matched operator would meet (a state of another type: state migration is not
 * possible). Throws what starting the changed job would throw (ScenarioError, ConfigError).
 */
export function previewUpgrade(current: SimState, scenario: unknown): StateMapping {
  const next = createInitialState(scenario, { seed: current.seed, conf: current.config.raw });
  const ids = jobOperatorIds(current);
  const live = current.plan.operators.map((op) => ({
    operatorId: ids.get(op.id)!, vertex: op.id, name: op.name, uid: current.scenario.operators[op.index].uid ?? null, parallelism: op.parallelism,
    hasState: op.subtasks.some((sid) => {
      const st = current.subtasks[sid];
      return st.keyed.size > 0 || st.source !== null || (st.sink?.precommitted.length ?? 0) > 0 || (st.sink?.open.length ?? 0) > 0;
    }),
  }));
  const byVertex = new Map(current.plan.operators.map((op) => [op.id, op]));
  const nextByVertex = new Map(next.plan.operators.map((op) => [op.id, op]));
  return withRefusals(mapSnapshotToJob(live, jobOperatorInfos(next)), (row) => {
    const was = byVertex.get(row.from.vertex)!;
    // the live state as a snapshot would hold it (its keyed tables shared, not copied: only read)
    const from: OperatorSnapshot = {
      operatorId: row.operatorId, uid: row.from.uid, vertex: was.id, name: was.name, kind: was.kind, parallelism: was.parallelism,
      maxParallelism: was.maxParallelism, keyed: was.keyed, states: was.states,
      subtasks: was.subtasks.map((sid) => ({ keyed: current.subtasks[sid].keyed, keyGroupRange: current.plan.subtasks[sid].keyGroupRange, operator: {}, inputChannelState: {}, outputChannelState: {}, files: [] })),
    };
    try {
      checkCompatible(from, nextByVertex.get(row.to.vertex)!, row.operatorId);
      return undefined;
    } catch (e) {
      if (e instanceof StateRestoreError) return e.message;
      throw e;
    }
  });
}

/** An upgrade as the page shows it afterwards: where each operator's state went, and when. */
export interface JobChange {
  /** the time the Upgrade command was given, and the time the changed job started (the savepoint completed) */
  at: number;
  restoredAt: number;
  snapshotId: number;
  mapping: StateMapping;
}

/**
 * The mapping an upgrade followed, worked out from the two jobs: `previous` ran before the command,
 * `next` is the changed job the upgrade started, which keeps the savepoint it started from. Null
 * when `next` did not start from a savepoint of `previous`.
 */
export function jobChangeOf(previous: SimState, next: SimState, at: number): JobChange | null {
  const restore = next.restores.at(-1);
  const savepoint = restore && next.coordinator.savepoints.find((s) => s.id === restore.id);
  if (!restore || !savepoint) return null;
  return { at, restoredAt: restore.restore_timestamp, snapshotId: restore.id, mapping: stateMappingFor(snapshotByOperator(previous, savepoint), next) };
}

/**
 * Whether an upgrade to the job with a map inserted after `operatorId` (no uid on it) would restore
 * every operator's state without allowNonRestoredState: true when each stateful operator keeps its
 * operator ID, which uids guarantee and places in the graph do not.
 */
export function insertKeepsState(current: SimState, operatorId: string): boolean {
  const spec = current.scenario;
  if (!spec.operators.some((o) => o.id === operatorId && o.kind !== 'sink')) throw new RangeError(`the job has no operator ${JSON.stringify(operatorId)} to insert after`);
  let id = 'inserted-map';
  for (let n = 2; spec.operators.some((o) => o.id === id); n++) id = `inserted-map-${n}`;
  const parallelism = new Map(current.plan.operators.map((o) => [o.id, o.parallelism]));
  const operators = spec.operators.flatMap((o) => {
    const running = { ...o, parallelism: parallelism.get(o.id) ?? o.parallelism };
    return o.id === operatorId ? [running, { id, name: 'Inserted Map', kind: 'map' as const, parallelism: running.parallelism }] : [running];
  });
  const edges = spec.edges.map((e) => (e.from === operatorId ? { ...e, from: id } : e));
  const first = spec.edges.findIndex((e) => e.from === operatorId);
  edges.splice(first < 0 ? edges.length : first, 0, { from: operatorId, to: id, partitioner: 'forward' });
  const mapping = previewUpgrade(current, { ...spec, operators, edges });
  return mapping.blocking.length === 0 && mapping.refusal === undefined;
}
