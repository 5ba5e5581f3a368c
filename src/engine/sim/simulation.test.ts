import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from './simulation';
import { BUILTIN_SCENARIOS, builtinScenario } from '../scenarios/builtin';
import { watchInvariants } from '../trace/invariants';
import { assignKeyToParallelOperator } from '../kernels/keyGroups';
import { keyedStateByKey } from '../report';
import { ScenarioError } from '../scenarios/validate';
import { ConfigError } from '../config/conf';
import type { ScenarioSpec } from '../scenarios/schema';

const scenario = (id: string): ScenarioSpec => builtinScenario(id)!;

function run(id: string, untilMs: number, seed = 1, conf = {}) {
  const sim = Simulation.create(scenario(id), { seed, conf });
  const inv = watchInvariants(sim);
  sim.runUntil(untilMs);
  inv.finish();
  return sim;
}

describe('simulation', () => {
  it('is deterministic: same scenario and seed give the same trace hash', () => {
    for (const s of BUILTIN_SCENARIOS.filter((x) => x.id !== 'bench')) {
      const a = run(s.id, 5_000);
      const b = run(s.id, 5_000);
      expect(a.state.traceHash, s.id).toBe(b.state.traceHash);
      expect(a.state.stats.events, s.id).toBeGreaterThan(10);
    }
  });

  it('gives a different trace for a different seed', () => {
    expect(run('default', 5_000, 1).state.traceHash).not.toBe(run('default', 5_000, 2).state.traceHash);
  });

  it('continues a cloned state exactly as the original', () => {
    const a = Simulation.create(scenario('default'));
    a.runUntil(3_000);
    const b = new Simulation(structuredClone(a.state));
    a.runUntil(8_000);
    b.runUntil(8_000);
    expect(b.state.traceHash).toBe(a.state.traceHash);
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
  });

  it('runs in single steps to the same place as in one go', () => {
    const a = Simulation.create(scenario('two-inputs'));
    const b = Simulation.create(scenario('two-inputs'));
    a.runUntil(4_000);
    while ((b.nextEventTime() ?? Infinity) <= 4_000) b.step();
    expect(b.state.traceHash).toBe(a.state.traceHash);
  });

  it('counts every key in the subtask the key-group arithmetic names, and the sink sees the counts', () => {
    const sim = run('default', 30_000);
    const { plan } = sim.state;
    const count = plan.operators.find((o) => o.id === 'count')!;
    let total = 0;
    for (const sid of count.subtasks) {
      const keyed = keyedStateByKey(sim.state, sid);
      for (const [key, value] of Object.entries(keyed)) {
        expect(assignKeyToParallelOperator(key, count.maxParallelism, count.parallelism)).toBe(plan.subtasks[sid].index);
        total += value as number;
      }
    }
    const processedByCount = count.subtasks.reduce((n, sid) => n + sim.state.subtasks[sid].processed, 0);
    expect(total).toBe(processedByCount);
    const sink = plan.operators.find((o) => o.id === 'sink')!;
    const received = sink.subtasks.flatMap((sid) => sim.state.subtasks[sid].sink!.received);
    expect(received.length).toBeGreaterThan(20);
    // The last count the sink saw for a key is at most the state's count (some are still in flight).
    for (const sid of count.subtasks) {
      for (const [key, value] of Object.entries(keyedStateByKey(sim.state, sid))) {
        const seen = received.filter((r) => r.key === key).map((r) => r.value);
        if (seen.length) expect(Math.max(...seen)).toBeLessThanOrEqual(value as number);
      }
    }
  });

  it('source offsets count exactly the records read', () => {
    const sim = run('default', 20_000);
    const source = sim.state.plan.operators.find((o) => o.kind === 'source')!;
    const read = source.subtasks.reduce((n, sid) => n + sim.state.subtasks[sid].processed, 0);
    const offsets = source.subtasks.flatMap((sid) => Object.values(sim.state.subtasks[sid].source!.offsets));
    expect(offsets.reduce((a, b) => a + b, 0)).toBe(read);
    expect(read).toBeGreaterThan(30);
  });

  it('back-pressures the producers of a slow subtask, up to the sources', () => {
    const sim = Simulation.create(scenario('backpressure'));
    const on = new Set<string>();
    sim.subscribe((ev) => {
      if (ev.type === 'backpressure' && ev.on) on.add(sim.state.plan.operators[sim.state.plan.subtasks[ev.subtask].operator].id);
    });
    sim.runUntil(30_000);
    expect(on).toContain('map');
    expect(on).toContain('source');
    // channels into the slow subtask are full
    const slow = sim.state.plan.subtasks.find((s) => s.slowFactor > 1)!;
    expect(slow.inputChannels.some((c) => sim.state.channels[c].records === sim.state.channels[c].capacity)).toBe(true);
  });

  it('finishes a bounded job: end of partition flows through and the job is FINISHED', () => {
    const bounded: ScenarioSpec = {
      ...scenario('default'),
      operators: scenario('default').operators.map((o) => (o.kind === 'source' ? { ...o, recordsPerPartition: 5 } : o)),
    };
    const sim = Simulation.create(bounded);
    const inv = watchInvariants(sim);
    sim.runUntil(120_000);
    inv.finish();
    expect(sim.state.job.status).toBe('FINISHED');
    const sink = sim.state.plan.operators.find((o) => o.kind === 'sink')!;
    expect(sink.subtasks.reduce((n, sid) => n + sim.state.subtasks[sid].sink!.count, 0)).toBe(4 * 5);
  });

  it('feeds both inputs of a two-input operator', () => {
    const sim = run('two-inputs', 20_000);
    const join = sim.state.plan.operators.find((o) => o.kind === 'keyed-join')!;
    const states = join.subtasks.flatMap((sid) => Object.values(keyedStateByKey(sim.state, sid))) as Record<string, number>[];
    expect(states.some((s) => s.left !== undefined && s.right !== undefined)).toBe(true);
  });

  it('holds its invariants for any seed and channel settings', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('default', 'two-inputs', 'backpressure'),
      fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 400 }),
      (seed, id, capacity, jitter) => {
        run(id, 6_000, seed, { 'sim.channel.capacity': capacity, 'sim.channel.jitter': `${jitter} ms` });
      },
    ), { numRuns: 25 });
  });

  it('reports a bad scenario and bad configuration with what is wrong', () => {
    expect(() => Simulation.create({ ...scenario('default'), operators: [] })).toThrow(ScenarioError);
    expect(() => Simulation.create(scenario('default'), { conf: { 'sim.channel.capacity': 'lots' } })).toThrow(/sim.channel.capacity/);
    expect(() => Simulation.create(scenario('default'), { conf: { 'sim.channel.capacity': 'lots' } })).toThrow(ConfigError);
    const unequal = { ...scenario('default'), operators: scenario('default').operators.map((o) => (o.id === 'map' ? { ...o, parallelism: 3 } : o)) };
    expect(() => Simulation.create(unequal)).toThrow(/forward partitioning does not allow a change of parallelism/);
  });
});
