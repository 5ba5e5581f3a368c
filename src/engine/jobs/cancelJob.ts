import type { Simulation } from '../sim/simulation';
import { RestoreError } from '../checkpoint/restoreJob';
import { Conf } from '../config/conf';
import { sharedFileOwner } from '../checkpoint/sharedState';

// `flink cancel <jobId>`: every task is cancelled, checkpoints in progress are aborted, and the
// retained checkpoints follow `execution.checkpointing.externalized-checkpoint-retention`: deleted
// unless RETAIN_ON_CANCELLATION. Savepoints belong to the user and are never deleted. A cancelled
// job is resubmitted with a new run (empty state, the sources' start position) or from a snapshot
// that survived (a restore: `flink run -s`).

export const RETENTION_KEY = 'execution.checkpointing.externalized-checkpoint-retention';
/** Flink's CheckpointFailureReason.CHECKPOINT_COORDINATOR_SUSPEND */
export const COORDINATOR_SUSPENDING = 'Checkpoint Coordinator is suspending.';

export function retainsOnCancellation(sim: Simulation): boolean {
  return new Conf(sim.state.config.raw).text(RETENTION_KEY) === 'RETAIN_ON_CANCELLATION';
}

/** Cancels the job in place; returns the ids of the checkpoints it deleted. */
export function cancelJob(sim: Simulation): number[] {
  const state = sim.state;
  if (state.job.status !== 'RUNNING' && state.job.status !== 'RESTARTING') {
    throw new RestoreError(`Job is ${state.job.status}: only a running job can be cancelled`);
  }
  const c = state.coordinator;
  for (const id of c.pending) {
    const r = c.history.find((h) => h.id === id);
    if (r && r.status === 'IN_PROGRESS') {
      r.status = 'FAILED';
      r.failureTime = state.now;
      r.failureMessage = COORDINATOR_SUSPENDING;
    }
  }
  c.pending = [];
  c.queued = [];
  c.shipped = {};
  // nothing runs any more: no wake-ups, no deliveries, no checkpoint timer
  state.queue.length = 0;
  // snapshots still uploading are abandoned with the tasks
  for (const st of state.subtasks) {
    st.status = 'CANCELED';
    st.snapshots = [];
  }
  state.job.status = 'CANCELED';
  if (retainsOnCancellation(sim)) return [];
  const deleted = c.retained.filter((s) => !s.isSavepoint).map((s) => s.id);
  for (const r of c.history) if (deleted.includes(r.id)) r.discarded = true;
  c.retained = c.retained.filter((s) => s.isSavepoint);
  // the user's files (a snapshot restored in NO_CLAIM mode) stay
  for (const [name, file] of c.sharedFiles) if (deleted.includes(file.lastUsedBy) && sharedFileOwner(c, file.createdBy) === 'job') c.sharedFiles.delete(name);
  return deleted;
}
