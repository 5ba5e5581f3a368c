import {
  checkpointFailureOutcome, checkpointSuccess, initialFailureCounter, type CheckpointFailureReason,
} from '../checkpoint/failureCounter';

export type { CheckpointFailureReason } from '../checkpoint/failureCounter';

// CONTRACTS 1.3: the contract's object over the plain-state counter the coordinator keeps.
export function createCheckpointFailureManager(tolerableFailedCheckpoints: number): {
  onFailure(checkpointId: number, reason: CheckpointFailureReason): 'fail-job' | 'counted' | 'ignored';
  onSuccess(checkpointId: number): void;
} {
  if (!Number.isInteger(tolerableFailedCheckpoints) || tolerableFailedCheckpoints < 0) {
    throw new RangeError(`tolerableFailedCheckpoints must be an integer >= 0, got ${tolerableFailedCheckpoints}`);
  }
  const state = initialFailureCounter();
  return {
    onFailure: (id, reason) => checkpointFailureOutcome(state, tolerableFailedCheckpoints, id, reason),
    onSuccess: (id) => checkpointSuccess(state, id),
  };
}
