import { describe, expect, it } from 'vitest';
import { builtinScenario, Simulation } from '../engine';
import { UsageError } from './args';
import { DEFAULT_WALL_LIMIT_MS, runWithinWallLimit, wallLimitFrom, WallLimitError } from './wallGuard';

// The guard with a clock of our own: no test here depends on how fast the machine is.

const create = () => Simulation.create(builtinScenario('default')!, { seed: 4, conf: { 'execution.checkpointing.interval': '1 s' } });

describe('the wall-clock guard', () => {
  it('runs event for event the same run as one runUntil', () => {
    const whole = create();
    whole.runUntil(20_000);
    const sliced = create();
    let looks = 0;
    runWithinWallLimit(sliced, 20_000, 1000, () => looks++, 7);
    expect(looks).toBeGreaterThan(10);
    expect(sliced.state.traceHash).toBe(whole.state.traceHash);
    expect(sliced.now).toBe(20_000);
    expect(structuredClone(sliced.state)).toEqual(structuredClone(whole.state));
  });

  it('stops past the limit and says how far it got and how to shorten the run', () => {
    const sim = create();
    let clock = 0;
    const run = () => runWithinWallLimit(sim, 3_600_000, 60_000, () => (clock += 25_000), 500);
    expect(run).toThrow(WallLimitError);
    expect(sim.now).toBeGreaterThan(0);
    expect(sim.now).toBeLessThan(3_600_000);
    expect(sim.state.stats.events).toBe(1500);
    let message = '';
    try {
      runWithinWallLimit(create(), 3_600_000, 60_000, () => (clock += 25_000), 500);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^stopped after 1 min of real time, [\d.]+ s into the 1 h asked for \(1,500 events\); give a shorter --until, or lighten the job .*set SIM_WALL_LIMIT_MS to allow more time$/);
  });

  it('never stops a run that ends within one slice', () => {
    const sim = create();
    runWithinWallLimit(sim, 2000, 1, () => 1e9);
    expect(sim.now).toBe(2000);
  });

  it('reads SIM_WALL_LIMIT_MS strictly', () => {
    expect(wallLimitFrom({})).toBe(DEFAULT_WALL_LIMIT_MS);
    expect(wallLimitFrom({ SIM_WALL_LIMIT_MS: '' })).toBe(DEFAULT_WALL_LIMIT_MS);
    expect(wallLimitFrom({ SIM_WALL_LIMIT_MS: '250' })).toBe(250);
    for (const bad of ['0', '-1', '1.5', '1e3', 'abc', '99999999999', '\x1b[2J']) {
      expect(() => wallLimitFrom({ SIM_WALL_LIMIT_MS: bad })).toThrow(UsageError);
    }
    expect(() => wallLimitFrom({ SIM_WALL_LIMIT_MS: '\x1b[2J' })).toThrow(/SIM_WALL_LIMIT_MS takes whole milliseconds from 1 to 86400000, got "\\u001b\[2J"/);
  });
});
