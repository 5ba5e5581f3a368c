import { describe, expect, it } from 'vitest';
import { EngineBudget, MIN_EVENTS_PER_FRAME } from './engineBudget';

describe('EngineBudget', () => {
  it('gives a frame the events the measured rate runs in its milliseconds', () => {
    const b = new EngineBudget(6);
    for (let i = 0; i < 30; i++) b.observe(10_000, 10); // 1,000 events per ms
    expect(b.events()).toBeGreaterThan(5_500);
    expect(b.events()).toBeLessThanOrEqual(6_000);
  });

  it('gives less when the engine slows down (a loaded machine, a larger state)', () => {
    const b = new EngineBudget(6);
    for (let i = 0; i < 30; i++) b.observe(40_000, 10);
    const fast = b.events();
    for (let i = 0; i < 30; i++) b.observe(4_000, 10);
    expect(b.events()).toBeLessThan(fast / 5);
  });

  it('always lets a run move, never past the cap, and ignores readings too small to time', () => {
    const b = new EngineBudget(6, 50_000);
    for (let i = 0; i < 30; i++) b.observe(100, 1_000);
    expect(b.events()).toBe(MIN_EVENTS_PER_FRAME);
    for (let i = 0; i < 60; i++) b.observe(1_000_000, 10);
    expect(b.events()).toBe(50_000);
    const before = b.events();
    b.observe(10, 0.01);
    expect(b.events()).toBe(before);
  });
});
