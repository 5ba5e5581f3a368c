import { describe, expect, it } from 'vitest';
import { isMilestone, LESSON_EVENTS, matchesEvent } from './events';

describe('lesson events', () => {
  it('names engine events, restored for job-restored', () => {
    expect(LESSON_EVENTS.get('restored')).toBe('job-restored');
    expect(LESSON_EVENTS.has('__proto__')).toBe(false);
  });

  it('matches type and filters', () => {
    const ev = { type: 'checkpoint-completed', time: 1, checkpointId: 2, savepoint: false } as const;
    expect(matchesEvent({ type: 'checkpoint-completed', checkpoint: 2 }, ev)).toBe(true);
    expect(matchesEvent({ type: 'checkpoint-completed', checkpoint: 1 }, ev)).toBe(false);
    expect(matchesEvent({ type: 'checkpoint-completed', subtask: 0 }, ev)).toBe(false);
    expect(isMilestone(ev)).toBe(true);
    expect(isMilestone({ type: 'record-read', time: 1, subtask: 0, partition: 0, offset: 0, key: 'Fox' })).toBe(false);
  });
});
