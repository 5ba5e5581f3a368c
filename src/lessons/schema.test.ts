import { describe, expect, it } from 'vitest';
import { lessonSchema, messageId } from './schema';

describe('lesson schema', () => {
  it('bounds ids and sizes', () => {
    expect(messageId.safeParse('failure-recovery.kill.cp-1').success).toBe(true);
    expect(messageId.safeParse('__proto__').success).toBe(false);
    const base = { id: 'x', title: 'x.t', scenario: 'default', steps: [{ say: 'x.s' }] };
    expect(lessonSchema.safeParse(base).success).toBe(true);
    expect(lessonSchema.safeParse({ ...base, steps: [{ say: 'x.s', tab: 'kitchen' }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...base, steps: [{ say: 'x.s', highlight: Array(17).fill('count/0') }] }).success).toBe(false);
  });
});
