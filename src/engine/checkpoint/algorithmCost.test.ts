import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { compareCheckpointAlgorithms } from './algorithmCost';

describe('what each way of checkpointing costs the job', () => {
  it('stop the world pays in latency; barriers barely do; everything delivered the same records', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s' } });
    sim.runUntil(30_000);
    const rows = compareCheckpointAlgorithms(sim.state);
    const by = Object.fromEntries(rows.map((r) => [r.algorithm, r]));
    expect(rows.map((r) => r.algorithm)).toEqual(['aligned barriers', 'unaligned barriers', 'at-least-once barriers', 'stop the world']);
    expect(rows.filter((r) => r.current).map((r) => r.algorithm)).toEqual(['aligned barriers']);
    for (const r of rows) expect(r.checkpointsCompleted).toBeGreaterThan(3);
    expect(by['stop the world'].latencyAvgMs).toBeGreaterThan(by['aligned barriers'].latencyAvgMs * 1.2);
    expect(by['stop the world'].latencyMaxMs).toBeGreaterThan(by['aligned barriers'].latencyMaxMs);
    // the page's own run, had it these settings, is the aligned row
    expect(by['aligned barriers'].recordsPerSecond).toBeCloseTo(sim.state.subtasks.reduce((n, s) => n + (s.sink?.count ?? 0), 0) / 30, 6);
  });

  it('a two-phase-commit sink shows the latency of exactly-once: visible only after the checkpoint completes', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s', 'sim.sink.kind': 'two-phase-commit' } });
    sim.runUntil(30_000);
    for (const r of compareCheckpointAlgorithms(sim.state)) expect(r.visibleLatencyAvgMs).toBeGreaterThan(r.latencyAvgMs + 500);
  });

  it('an algorithm the settings refuse is named with the reason', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s', 'execution.checkpointing.max-concurrent-checkpoints': '2' } });
    sim.runUntil(5000);
    const unaligned = compareCheckpointAlgorithms(sim.state).find((r) => r.algorithm === 'unaligned barriers')!;
    expect(unaligned.refused).toMatch(/max-concurrent-checkpoints 1/);
  });
});
