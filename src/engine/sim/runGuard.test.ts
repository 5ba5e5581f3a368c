import { describe, expect, it } from 'vitest';
import { computeOracle } from '../oracle/oracle';
import { BUILTIN_SCENARIOS } from '../scenarios/builtin';
import type { TraceEvent } from '../trace/events';
import { guardMessage, GUARD_EVERY_EVENTS, RUN_LIMITS, runGrowth, runSizes, type RunLimit, type RunLimits } from './runGuard';
import { Simulation } from './simulation';

const HOUR_MS = 3_600_000;
const run = (id: string, until: number) => {
  const sim = Simulation.create(BUILTIN_SCENARIOS.find((s) => s.id === id)!);
  sim.runUntil(until);
  return sim;
};
const only = (limit: RunLimit, bound: number): RunLimits => ({ ...(Object.fromEntries(Object.keys(RUN_LIMITS).map((k) => [k, Infinity])) as RunLimits), [limit]: bound });

describe('the run guard', () => {
  it('leaves room for an hour of the built-in scenarios whose sizes grow', () => {
    // growth between 10 s and 20 s of simulated time, extrapolated to an hour, stays under a tenth of each bound
    for (const id of ['default', 'two-inputs', 'backpressure', 'slices']) {
      const sim = run(id, 10_000);
      const early = runSizes(sim.state);
      sim.runUntil(20_000);
      const late = runSizes(sim.state);
      for (const limit of Object.keys(RUN_LIMITS) as RunLimit[]) {
        const perMs = Math.max(0, late[limit] - early[limit]) / 10_000;
        expect(late[limit] + perMs * HOUR_MS, `${id}: ${limit}`).toBeLessThan(RUN_LIMITS[limit] / 10);
      }
      expect(runGrowth(sim.state)).toBeNull();
    }
  });

  it('says which size grew past which bound; a size at its bound is fine', () => {
    const sim = run('default', 20_000);
    const sizes = runSizes(sim.state);
    expect(sizes.sinkRecords).toBeGreaterThan(0);
    expect(sizes.checkpointAcks).toBe(sim.state.coordinator.history.length * 8);
    for (const limit of Object.keys(RUN_LIMITS) as RunLimit[]) {
      if (sizes[limit] === 0) continue;
      expect(runGrowth(sim.state, only(limit, sizes[limit]))).toBeNull();
      expect(runGrowth(sim.state, only(limit, sizes[limit] - 1))).toEqual({ limit, size: sizes[limit], bound: sizes[limit] - 1 });
    }
    // keyed state is counted only when asked for: it costs a walk over every key
    expect(runGrowth(sim.state, only('keyedStateValues', 0), false)).toBeNull();
    expect(guardMessage({ limit: 'sinkRecords', size: 1_000_001, bound: 1_000_000 })).toBe(
      "stopped by the simulator's run guard, not by Flink: records kept by sinks (written and committed counted apart) grew to 1,000,001, past the 1,000,000 this simulator keeps (give the sinks a retain bound, or lower the source rates or flat-map copies)",
    );
  });

  it('counts a list\'s elements and a map\'s entries in keyed state', () => {
    const scenario = BUILTIN_SCENARIOS.find((s) => s.id === 'default')!;
    const histogram = { ...scenario, operators: scenario.operators.map((o) => (o.id === 'count' ? { id: 'count', name: 'Histogram', kind: 'keyed-histogram' as const, parallelism: 2, bucketSize: 1 } : o)) };
    const sim = Simulation.create(histogram);
    sim.runUntil(20_000);
    let buckets = 0;
    for (const st of sim.state.subtasks) for (const g of st.keyed.values()) for (const e of g.values()) buckets += (e.get('histogram') as Map<string, number>).size;
    expect(buckets).toBeGreaterThan(6);
    expect(runSizes(sim.state).keyedStateValues).toBe(buckets);
  });

  // Three flat-maps of 16 would make 4,096 records of one: the limits refuse that. At the limits
  // (16 × 16, a million records a second, a sink that keeps everything) the job is valid and grows
  // by 256 million kept records a simulated second: the guard stops it.
  const explosive = {
    id: 'explosive', title: 'Explosive', description: 'Every limit at once.',
    config: {
      'sim.channel.capacity': 4096, 'sim.channel.latency': '1 ms', 'sim.channel.jitter': '0 ms',
      'execution.checkpointing.interval': '1 s', 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': 100,
    },
    operators: [
      { id: 's', name: 'Source', kind: 'source', partitions: 1, ratePerPartition: 1_000_000, costMs: 0 },
      { id: 'a', name: 'Copies', kind: 'flat-map', copies: 16, costMs: 0 },
      { id: 'b', name: 'More copies', kind: 'flat-map', copies: 16, costMs: 0 },
      { id: 'k', name: 'Sink: everything', kind: 'sink', retain: -1, costMs: 0 },
    ],
    edges: [{ from: 's', to: 'a', partitioner: 'forward' }, { from: 'a', to: 'b', partitioner: 'forward' }, { from: 'b', to: 'k', partitioner: 'forward' }],
  };

  it('stops an explosive but valid run as failed by the simulator, and the oracle on it returns', { timeout: 180_000 }, () => {
    const sim = Simulation.create(explosive);
    const seen: TraceEvent[] = [];
    sim.subscribe((ev) => {
      if (ev.type === 'job-status' || ev.type === 'tasks-canceled') seen.push(ev);
    });
    const budget = 200_000;
    const ran = sim.runUntil(60_000, budget);
    expect(ran).toBeLessThan(budget);
    expect(ran % GUARD_EVERY_EVENTS).toBe(0);
    const { job } = sim.state;
    expect(job.status).toBe('FAILED');
    expect(job.restarts).toBe(0);
    expect(job.failure).toMatch(/^stopped by the simulator's run guard, not by Flink: records kept by sinks \(written and committed counted apart\) grew to [\d,]+, past the 1,000,000 this simulator keeps/);
    expect(seen.map((e) => e.type)).toEqual(['tasks-canceled', 'job-status']);
    expect(seen[1]).toMatchObject({ status: 'FAILED', reason: job.failure });
    // nothing more happens: no restart, although the restart strategy would allow one
    expect(sim.state.queue).toHaveLength(0);
    expect(sim.step()).toBe(false);
    expect(sim.state.subtasks.every((st) => st.status === 'CANCELED')).toBe(true);
    expect(runSizes(sim.state).channelItems).toBe(0);

    // the clock stays where the guard stopped the run
    expect(sim.now).toBeLessThan(60_000);
    const verdict = computeOracle(sim.state);
    expect(verdict.verdict).toBe('inconclusive');
    expect(verdict.reason).toBe(job.failure);
    expect(verdict.events).toBe(0);
  });
});
