import { createInitialState, Simulation, type SimulationOptions } from '../sim/simulation';
import { transactionPrefix } from '../runtime/sink';
import { RestoreError } from '../checkpoint/restoreJob';
import { assignState, stateMappingFor, StateRestoreError } from './assignState';
import type { OperatorKeyedSnapshot } from './operatorSnapshot';
import type { StateMapping } from './stateMapping';
import { applyClaimMode, type ClaimMode } from './claimMode';

// `flink run -s <path> [-n] [--claim-mode]`: a job, changed or not, submitted with a snapshot from
// a file. It starts at the moment the snapshot completed (the sources' logs hold what the offsets
// point at by then); state goes to operators by OperatorID (assignState.ts).

export { CLAIM_MODES, type ClaimMode } from './claimMode';

export interface StartFromSnapshotOptions extends SimulationOptions {
  allowNonRestoredState?: boolean;
  claimMode?: ClaimMode;
}

export function startFromSnapshot(scenario: unknown, snap: OperatorKeyedSnapshot, options: StartFromSnapshotOptions = {}): { sim: Simulation; mapping: StateMapping } {
  const state = createInitialState(scenario, { seed: options.seed, conf: options.conf });
  if (snap.operators.some((o) => o.subtasks.some((s) => Object.keys(s.inputChannelState).length || Object.keys(s.outputChannelState).length))) {
    // the channel ids of in-flight data are the old job's; this simulator maps them only within one run
    throw new RestoreError(`Checkpoint ${snap.checkpointId} is an unaligned checkpoint with in-flight data; this simulator restores in-flight data only within one run (the page's restore), not from a file. Restore from a savepoint (always aligned) or an aligned checkpoint.`);
  }
  for (const q of state.queue) q.time += snap.completedAt;
  state.now = snap.completedAt;
  let assigned;
  try {
    assigned = assignState(snap, state, options.allowNonRestoredState === true);
  } catch (e) {
    if (e instanceof StateRestoreError) throw new RestoreError(e.message);
    throw e;
  }
  const { checkpoint } = assigned;
  state.coordinator.nextId = snap.checkpointId + 1;
  state.coordinator.retained = [checkpoint];
  state.job.generation = 1;
  for (const op of state.plan.operators.filter((o) => o.kind === 'sink')) {
    op.subtasks.forEach((sid, i) => {
      state.subtasks[sid].sink!.txnPrefix = transactionPrefix(state.job.generation, op.id, i);
    });
  }
  const sim = new Simulation(state);
  sim.restoreFrom(checkpoint);
  // NO_CLAIM: the restored files stay the user's; the first checkpoint uploads everything anew
  applyClaimMode(sim, checkpoint, options.claimMode ?? 'NO_CLAIM');
  return { sim, mapping: assigned.mapping };
}

/** Where the snapshot's state would go in the job `scenario`, without starting it. */
export function startMapping(scenario: unknown, snap: OperatorKeyedSnapshot, options: SimulationOptions = {}): StateMapping {
  return stateMappingFor(snap, createInitialState(scenario, { seed: options.seed, conf: options.conf }));
}
