import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { computeOracle } from './oracle';

const conf = { 'execution.checkpointing.interval': '2 s', 'execution.checkpointing.storage': 'filesystem' };

function at(ms: number, extra: Record<string, string> = {}, faults: string[] = []) {
  const sim = Simulation.create(builtinScenario('default')!, { seed: 4, conf: { ...conf, ...extra }, faults });
  sim.runUntil(ms);
  return sim;
}

describe('the exactly-once oracle', () => {
  it('a run without faults is exactly-once, and the oracle leaves the run untouched', () => {
    const sim = at(12_000);
    const hash = sim.state.traceHash;
    const r = computeOracle(sim.state);
    expect(r).toMatchObject({ verdict: 'exactly-once', duplicates: 0, missing: 0 });
    expect(r.keys.length).toBeGreaterThan(0);
    for (const k of r.keys) expect(k.actualFinal).toBe(k.expectedFinal);
    expect(sim.state.traceHash).toBe(hash);
  });

  it('a plain sink writes the replay again: duplicates, named record by record, never loss', () => {
    const r = computeOracle(at(15_000, {}, ['task:count/0@7s']).state);
    expect(r.verdict).toBe('duplicates');
    expect(r.missing).toBe(0);
    expect(r.duplicateRecords.length).toBeGreaterThan(0);
    expect(r.keys.reduce((n, k) => n + k.duplicates, 0)).toBe(r.duplicates);
  });

  it('a fault still to come does not strike while the run drains', () => {
    // at 10 s nothing has failed yet; the kill at 10.2 s must not be judged
    expect(computeOracle(at(10_000, {}, ['task:count/0@10200']).state).verdict).toBe('exactly-once');
  });

  it('a long backpressured run drains to a verdict: the reference gets the time the run took, and more', () => {
    const sim = Simulation.create(builtinScenario('wide')!, { conf: { 'execution.checkpointing.interval': '5 s' } });
    sim.runUntil(600_000);
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });

  it('a socket source loses what was appended while the job was down', () => {
    const r = computeOracle(at(15_000, { 'sim.source.kind': 'non-replayable', 'sim.sink.kind': 'two-phase-commit' }, ['task:count/0@7s']).state);
    expect(r.missing).toBeGreaterThan(0);
    expect(['loss', 'duplicates-and-loss']).toContain(r.verdict);
  });
});
