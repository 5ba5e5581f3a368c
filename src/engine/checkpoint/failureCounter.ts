import type { FailureCounterState } from './types';

// Flink's CheckpointFailureManager over plain state (kept in SimState): counts each checkpoint id
// once, ignores ids not newer than the last success and the reasons that are not the
// checkpoint's fault, resets after a success and after failing the job.

export type CheckpointFailureReason =
  | 'expired' | 'declined' | 'async-exception' | 'io-exception'
  | 'subsumed' | 'task-failure' | 'job-failover-region' | 'job-failure'
  | 'min-pause' | 'too-many-concurrent' | 'not-all-tasks-running'
  | 'cancellation-barrier' | 'end-of-input'
  /** the simulator's own: the checkpointing configuration was changed while the checkpoint ran */
  | 'configuration-changed';

const COUNTED: ReadonlySet<CheckpointFailureReason> = new Set(['expired', 'declined', 'async-exception', 'io-exception']);

export function isCountedReason(reason: CheckpointFailureReason): boolean {
  return COUNTED.has(reason);
}

export function initialFailureCounter(): FailureCounterState {
  return { counter: 0, lastSuccessId: 0, countedIds: [] };
}

export function checkpointFailureOutcome(s: FailureCounterState, tolerable: number, checkpointId: number, reason: CheckpointFailureReason): 'fail-job' | 'counted' | 'ignored' {
  if (!COUNTED.has(reason) || checkpointId <= s.lastSuccessId || s.countedIds.includes(checkpointId)) return 'ignored';
  s.countedIds.push(checkpointId);
  s.counter++;
  if (s.counter > tolerable) {
    s.counter = 0;
    s.countedIds = [];
    return 'fail-job';
  }
  return 'counted';
}

export function checkpointSuccess(s: FailureCounterState, checkpointId: number): void {
  if (checkpointId <= s.lastSuccessId) return;
  s.lastSuccessId = checkpointId;
  s.counter = 0;
  s.countedIds = [];
}
