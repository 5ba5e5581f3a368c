import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED_POSITION, FAST_FORWARD_KEYFRAMES_PER_SECOND, keyframeStretch, speedLabel, speedMultiplier } from './speed';

describe('speed slider', () => {
  it('is event by event at 0, then logarithmic from 0.05x to 50x', () => {
    expect(speedMultiplier(0)).toBe(0);
    expect(speedLabel(0)).toBe('event by event');
    expect(speedMultiplier(1)).toBeCloseTo(0.05);
    expect(speedMultiplier(100)).toBeCloseTo(50);
    expect(speedMultiplier(DEFAULT_SPEED_POSITION)).toBeGreaterThan(0.7);
    expect(speedMultiplier(DEFAULT_SPEED_POSITION)).toBeLessThan(1.4);
    const r1 = speedMultiplier(21) / speedMultiplier(11);
    const r2 = speedMultiplier(91) / speedMultiplier(81);
    expect(r1).toBeCloseTo(r2);
  });

  it('stretches keyframes only when fast-forwarding, so that at most a few come a real second', () => {
    expect(keyframeStretch(DEFAULT_SPEED_POSITION)).toBe(1);
    expect(keyframeStretch(60)).toBe(1);
    expect(keyframeStretch(100)).toBeCloseTo(50 / FAST_FORWARD_KEYFRAMES_PER_SECOND);
    // keyframes are at least a simulated second apart: at any speed, at most this many a real second
    for (const p of [80, 90, 100]) expect(speedMultiplier(p) / keyframeStretch(p)).toBeLessThanOrEqual(FAST_FORWARD_KEYFRAMES_PER_SECOND + 1e-9);
  });
});
