import { createInitialState, Simulation } from '../sim/simulation';
import type { JobStatus } from '../model/types';
import { carryExternalSystems, RestoreError, restoreJob } from '../checkpoint/restoreJob';
import { applyStartingOffsets, type StartingOffsets } from '../runtime/startingOffsets';
import { applyClaimMode, configuredClaimMode, type ClaimMode } from './claimMode';

// `flink run` again after the job ended (cancelled, stopped with a savepoint, failed). Without a
// snapshot the new job starts with empty state and its sources start where their OffsetsInitializer
// says (runtime/startingOffsets.ts); with one (`-s`) it restores the snapshot's state and offsets,
// in the claim mode given. The topics keep their records and the consumer groups their committed
// offsets; the sinks keep what was written; simulated time goes on.

export interface SubmitOptions {
  /** a retained checkpoint or savepoint to start from (`-s`); absent: no snapshot */
  snapshotId?: number;
  /** default: execution.state-recovery.claim-mode */
  claimMode?: ClaimMode;
  allowNonRestoredState?: boolean;
  /** without a snapshot: where the sources start; default: sim.source.starting-offsets */
  startingOffsets?: StartingOffsets;
}

/** The states a job ends in: only then is it submitted again (this simulator runs one job at a time). */
export const ENDED_STATUSES: readonly JobStatus[] = ['CANCELED', 'FINISHED', 'FAILED'];

/** A new job submitted after `sim`'s ended, at `sim`'s current time; `sim` is left alone. */
export function submitJob(sim: Simulation, options: SubmitOptions = {}): Simulation {
  const old = sim.state;
  if (!ENDED_STATUSES.includes(old.job.status)) {
    throw new RestoreError(`the job is ${old.job.status}: cancel it or stop it with a savepoint before submitting it again`);
  }
  if (options.snapshotId !== undefined) {
    if (options.startingOffsets !== undefined) throw new RestoreError('a job submitted from a snapshot reads from the snapshot\'s offsets: leave the starting offsets out');
    const next = restoreJob(old, options.snapshotId, { allowNonRestoredState: options.allowNonRestoredState === true });
    const files = old.coordinator.sharedFiles;
    applyClaimMode(next, next.state.coordinator.retained[0], options.claimMode ?? configuredClaimMode(old.config.raw), (name) => files.get(name)?.createdBy);
    return noteStart(next);
  }
  if (options.claimMode !== undefined || options.allowNonRestoredState) throw new RestoreError('claim mode and allowNonRestoredState apply to a restore: name a snapshot, or leave them out');
  // faults of the scenario struck the earlier job at their times: the new one does not repeat them
  const state = createInitialState({ ...old.scenario, faults: [] }, { seed: old.seed, conf: old.config.raw });
  for (const q of state.queue) q.time += old.now;
  state.now = old.now;
  // checkpoint ids go on, so every snapshot of the run keeps one name
  state.coordinator.nextId = old.coordinator.nextId;
  state.coordinator.savepoints = structuredClone(old.coordinator.savepoints);
  state.job.generation = old.job.generation + 1;
  carryExternalSystems(old, state);
  applyStartingOffsets(state, options.startingOffsets);
  return noteStart(new Simulation(state));
}

/** Where each reader of the new job starts, kept for the page and the lessons (it reads on at once). */
function noteStart(sim: Simulation): Simulation {
  for (const st of sim.state.subtasks) if (st.source) st.source.startedFrom = { ...st.source.offsets };
  return sim;
}
