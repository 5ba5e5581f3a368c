import { describe, expect, it } from 'vitest';
import { createCheckpointFailureManager, type CheckpointFailureReason } from './checkpointFailureManager';

const NOT_COUNTED: CheckpointFailureReason[] = ['subsumed', 'task-failure', 'job-failover-region', 'job-failure', 'min-pause', 'too-many-concurrent', 'not-all-tasks-running', 'cancellation-barrier', 'end-of-input'];
const COUNTED: CheckpointFailureReason[] = ['expired', 'declined', 'async-exception', 'io-exception'];

describe('checkpoint failure manager (CONTRACTS 1.3)', () => {
  it('V36 testContinuousFailure: the third counted failure over a tolerance of 2 fails the job, once', () => {
    const m = createCheckpointFailureManager(2);
    expect(m.onFailure(1, 'declined')).toBe('counted');
    expect(m.onFailure(2, 'declined')).toBe('counted');
    expect(m.onFailure(3, 'job-failover-region')).toBe('ignored');
    expect(m.onFailure(4, 'declined')).toBe('fail-job');
  });
  it.each(COUNTED)('counts %s', (reason) => {
    expect(createCheckpointFailureManager(5).onFailure(1, reason)).toBe('counted');
  });
  it.each(NOT_COUNTED)('ignores %s', (reason) => {
    const m = createCheckpointFailureManager(0);
    expect(m.onFailure(1, reason)).toBe('ignored');
    expect(m.onFailure(2, 'expired')).toBe('fail-job');
  });
  it('tolerance 0: the first expired checkpoint fails the job', () => {
    expect(createCheckpointFailureManager(0).onFailure(1, 'expired')).toBe('fail-job');
  });
  it('counts each checkpoint id once', () => {
    const m = createCheckpointFailureManager(1);
    expect(m.onFailure(1, 'declined')).toBe('counted');
    expect(m.onFailure(1, 'expired')).toBe('ignored');
    expect(m.onFailure(2, 'expired')).toBe('fail-job');
  });
  it('ignores ids not newer than the last success, and a success resets the counter', () => {
    const m = createCheckpointFailureManager(1);
    expect(m.onFailure(3, 'declined')).toBe('counted');
    m.onSuccess(5);
    expect(m.onFailure(4, 'expired')).toBe('ignored');
    expect(m.onFailure(5, 'expired')).toBe('ignored');
    expect(m.onFailure(6, 'expired')).toBe('counted');
    expect(m.onFailure(7, 'expired')).toBe('fail-job');
  });
  it('resets after failing the job', () => {
    const m = createCheckpointFailureManager(0);
    expect(m.onFailure(1, 'declined')).toBe('fail-job');
    expect(m.onFailure(2, 'declined')).toBe('fail-job');
  });
  it('refuses a negative tolerance', () => {
    expect(() => createCheckpointFailureManager(-1)).toThrow(RangeError);
  });
});
