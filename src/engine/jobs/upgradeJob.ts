import { createInitialState, Simulation } from '../sim/simulation';
import type { SimState } from '../sim/state';
import { jobOperatorInfos } from './assignState';
import { jobOperatorIds } from './operatorSnapshot';
import { mapSnapshotToJob, type StateMapping } from './stateMapping';
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
 * now (the savepoint is taken at the stop, so an operator's state may still appear until then).
 * Throws what starting the changed job would throw (ScenarioError, ConfigError).
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
  return mapSnapshotToJob(live, jobOperatorInfos(next));
}
