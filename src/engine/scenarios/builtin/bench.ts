import type { ScenarioSpec } from '../schema';

/** The throughput benchmark's job: parallelism 4 throughout, 4 stages, 10,000 keys, no waiting. */
export const benchScenario: ScenarioSpec = {
  id: 'bench',
  title: 'Throughput benchmark',
  description: 'Parallelism 4 at four stages over 10,000 keys, with records always available and no processing cost: the engine runs as fast as it can.',
  seed: 1,
  durationMs: 10_000,
  config: { 'sim.channel.latency': '1 ms', 'sim.channel.jitter': '1 ms', 'sim.channel.capacity': 64 },
  operators: [
    { id: 'source', name: 'Source: Events', kind: 'source', parallelism: 4, topic: 'events', partitions: 8, ratePerPartition: 20_000, keyCount: 10_000, costMs: 0 },
    { id: 'map', name: 'Map', kind: 'map', parallelism: 4, fn: 'increment', costMs: 0 },
    { id: 'count', name: 'Keyed Count', kind: 'keyed-count', parallelism: 4, costMs: 0 },
    { id: 'sink', name: 'Sink: Discard', kind: 'sink', parallelism: 4, costMs: 0, retain: 0 },
  ],
  edges: [
    { from: 'source', to: 'map', partitioner: 'rebalance' },
    { from: 'map', to: 'count', partitioner: 'hash' },
    { from: 'count', to: 'sink', partitioner: 'forward' },
  ],
};
