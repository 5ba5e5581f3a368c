import { describe, expect, it } from 'vitest';
import { ENGINE_FRAME_MIN_MS, EngineBudget, FRAME_GAP_MS, MIN_EVENTS_PER_FRAME } from './engineBudget';

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

describe('EngineBudget under a page that draws slowly', () => {
  const fed = () => {
    const b = new EngineBudget(6);
    for (let i = 0; i < 30; i++) b.observe(10_000, 10); // 1,000 events per ms: 6,000 in 6 ms
    return b;
  };

  it('leaves the engine less of the next frames while frames run over 60 Hz and the engine was bounded', () => {
    const b = fed();
    const full = b.events();
    for (let i = 0; i < 3; i++) b.observeFrame(30, true);
    expect(b.shareMs()).toBeLessThan(6 * 0.8 ** 2);
    expect(b.events()).toBeLessThan(full * 0.8 ** 2);
    for (let i = 0; i < 100; i++) b.observeFrame(30, true);
    expect(b.shareMs()).toBe(ENGINE_FRAME_MIN_MS);
    expect(b.events()).toBeGreaterThanOrEqual(MIN_EVENTS_PER_FRAME);
  });

  it('gives the share back a little at a time once frames have room, up to its full share', () => {
    const b = fed();
    for (let i = 0; i < 100; i++) b.observeFrame(40, true);
    b.observeFrame(10, true);
    expect(b.shareMs()).toBeCloseTo(ENGINE_FRAME_MIN_MS + 0.25);
    for (let i = 0; i < 100; i++) b.observeFrame(10, false);
    expect(b.shareMs()).toBe(6);
  });

  it('keeps the share when the engine did not bound the frame, or the gap is no frame (a pause)', () => {
    const b = fed();
    for (let i = 0; i < 10; i++) b.observeFrame(40, false);
    expect(b.shareMs()).toBe(6);
    for (let i = 0; i < 10; i++) b.observeFrame(FRAME_GAP_MS + 1, true);
    expect(b.shareMs()).toBe(6);
  });
});
