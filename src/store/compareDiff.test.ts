import { describe, expect, it } from 'vitest';
import { builtinScenario, RunRecorder, Simulation, type RecordedCommand } from '../engine';
import { compareRuns, differingSettings } from './compareDiff';

function run(scenario: string, conf: Record<string, string>, t: number, commands: RecordedCommand[] = [], seed?: number): Simulation {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf, seed });
  return new RunRecorder(sim.state).replay(sim, commands, t);
}

describe('the difference strip', () => {
  it('finds nothing to tell apart in two runs of the same settings', () => {
    const a = run('default', {}, 8000);
    const b = run('default', {}, 8000);
    const d = compareRuns({ state: a.state, oracle: null }, { state: b.state, oracle: null });
    expect(d.keysCompared).toBeGreaterThan(0);
    expect(d.stateDifferences).toBe(0);
    expect(d.shown).toEqual([]);
    expect(d.a).toEqual(d.b);
    expect(d.a.recordsPerSecond).toBeGreaterThan(0);
    expect(d.a.checkpointsCompleted).toBeGreaterThan(0);
    expect(d.a.oracleStale).toBe(true);
  });

  it('shows unaligned checkpoints persisting in-flight data under backpressure, and aligned ones none', () => {
    const a = run('backpressure', {}, 30_000);
    const b = run('backpressure', { 'execution.checkpointing.unaligned.enabled': 'true' }, 30_000);
    const d = compareRuns({ state: a.state, oracle: null }, { state: b.state, oracle: null });
    expect(d.a.persistedBytes).toBe(0);
    expect(d.b.persistedBytes).toBeGreaterThan(0);
    expect(d.a.checkpointAvgMs).not.toBe(d.b.checkpointAvgMs);
  });

  it('names the keyed state values that differ (one subtask slowed in one run only), and the oracle verdicts of this moment', () => {
    const slow: RecordedCommand[] = [{ at: 1000, command: { kind: 'fault', fault: { kind: 'slow', subtask: 4, factor: 10 } } }];
    const a = run('default', {}, 9000);
    const b = run('default', {}, 9000, slow);
    const verdict = { verdict: 'exactly-once' as const, duplicates: 0, missing: 0, keys: [], duplicateRecords: [], missingRecords: [], judged: 'per-key' as never, reason: '', events: 0 };
    const d = compareRuns({ state: a.state, oracle: { at: 9000, result: verdict } }, { state: b.state, oracle: { at: 4000, result: verdict } }, 3);
    expect(d.stateDifferences).toBeGreaterThan(0);
    expect(d.shown.length).toBe(Math.min(3, d.stateDifferences));
    expect(d.shown[0].a).not.toBe(d.shown[0].b);
    expect(d.a.oracleStale).toBe(false);
    expect(d.b.oracleStale).toBe(true);
    expect(d.a.oracle).toEqual({ verdict: 'exactly-once', duplicates: 0, missing: 0 });
  });
});

describe('the settings that set two runs apart', () => {
  it('compares the values in force: a key set to its default is no difference', () => {
    const unaligned = 'execution.checkpointing.unaligned.enabled';
    expect(differingSettings({ 'execution.checkpointing.interval': '2 s' }, { 'execution.checkpointing.interval': '2 s', [unaligned]: 'true' }))
      .toEqual([{ key: unaligned, a: 'false', b: 'true' }]);
    expect(differingSettings({}, { [unaligned]: 'false' })).toEqual([]);
  });
});
