import { describe, expect, it } from 'vitest';
import { fillLevel } from './fillLevel';

describe('fillLevel', () => {
  it('is full at capacity, and a slot below it on a channel of 32 or more, so back-pressure does not flicker', () => {
    expect(fillLevel(64, 64)).toBe('full');
    expect(fillLevel(63, 64)).toBe('full');
    expect(fillLevel(62, 64)).toBe('full');
    expect(fillLevel(61, 64)).toBe('filling');
    expect(fillLevel(512, 512)).toBe('full');
    expect(fillLevel(496, 512)).toBe('full');
    expect(fillLevel(495, 512)).toBe('filling');
  });

  it('a small channel is full only when full', () => {
    expect(fillLevel(8, 8)).toBe('full');
    expect(fillLevel(7, 8)).toBe('filling');
    expect(fillLevel(1, 1)).toBe('full');
    expect(fillLevel(0, 1)).toBe('ok');
  });

  it('is filling from half its capacity, and ok below it or without capacity', () => {
    expect(fillLevel(32, 64)).toBe('filling');
    expect(fillLevel(31, 64)).toBe('ok');
    expect(fillLevel(0, 0)).toBe('ok');
  });
});
