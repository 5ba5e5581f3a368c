import { describe, expect, it } from 'vitest';
import { initialRestartState, onFailure, type RestartStrategyConfig } from './restartStrategy';

describe('restart strategies', () => {
  it('none never restarts', () => {
    expect(onFailure({ type: 'none' }, initialRestartState(), 0, 0.5)).toMatchObject({ restart: false });
  });
  it('fixed-delay restarts `attempts` times after `delay`', () => {
    const c: RestartStrategyConfig = { type: 'fixed-delay', attempts: 2, delayMs: 1000 };
    const s = initialRestartState();
    expect(onFailure(c, s, 0, 0)).toEqual({ restart: true, delayMs: 1000 });
    expect(onFailure(c, s, 5000, 0)).toEqual({ restart: true, delayMs: 1000 });
    expect(onFailure(c, s, 9000, 0)).toMatchObject({ restart: false, reason: expect.stringMatching(/maxNumberRestartAttempts=2/) });
  });
  it('failure-rate fails the job when too many failures fall in the interval', () => {
    const c: RestartStrategyConfig = { type: 'failure-rate', maxFailuresPerInterval: 2, intervalMs: 60_000, delayMs: 1000 };
    const s = initialRestartState();
    expect(onFailure(c, s, 0, 0).restart).toBe(true);
    expect(onFailure(c, s, 10_000, 0).restart).toBe(true);
    expect(onFailure(c, s, 20_000, 0).restart).toBe(false);
    const s2 = initialRestartState();
    for (const t of [0, 10_000, 70_000, 80_000]) expect(onFailure(c, s2, t, 0).restart).toBe(true);
  });
  it('exponential-delay grows the backoff by the multiplier up to the maximum, with jitter around it', () => {
    const c: RestartStrategyConfig = { type: 'exponential-delay', initialBackoffMs: 1000, maxBackoffMs: 5000, multiplier: 2, resetThresholdMs: 3_600_000, jitterFactor: 0, attemptsBeforeReset: Infinity };
    const s = initialRestartState();
    expect([0, 1, 2, 3, 4].map((i) => (onFailure(c, s, i * 1000, 0.5) as { delayMs: number }).delayMs)).toEqual([1000, 2000, 4000, 5000, 5000]);
    const j = { ...c, jitterFactor: 0.1 };
    const lo = onFailure(j, initialRestartState(), 0, 0) as { delayMs: number };
    const hi = onFailure(j, initialRestartState(), 0, 0.999) as { delayMs: number };
    expect(lo.delayMs).toBe(900);
    expect(hi.delayMs).toBeGreaterThan(1090);
  });
  it('exponential-delay resets after a quiet time and can limit attempts', () => {
    const c: RestartStrategyConfig = { type: 'exponential-delay', initialBackoffMs: 1000, maxBackoffMs: 60_000, multiplier: 1.5, resetThresholdMs: 10_000, jitterFactor: 0, attemptsBeforeReset: 2 };
    const s = initialRestartState();
    expect(onFailure(c, s, 0, 0.5)).toEqual({ restart: true, delayMs: 1000 });
    expect(onFailure(c, s, 2000, 0.5)).toEqual({ restart: true, delayMs: 1500 });
    expect(onFailure(c, s, 4000, 0.5).restart).toBe(false);
    expect(onFailure(c, s, 20_000, 0.5)).toEqual({ restart: true, delayMs: 1000 });
  });
});
