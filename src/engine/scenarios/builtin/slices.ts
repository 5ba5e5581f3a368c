import type { ScenarioSpec } from '../schema';

export const slicesScenario: ScenarioSpec = {
  id: 'slices',
  title: 'Independent slices (region failover)',
  description: 'Three parallel slices joined only by forward edges: source → filter → sink. No keyBy, so each slice is its own pipelined region.',
  lesson: 'Kill one Filter subtask: with failover strategy "region" only its slice restarts while the other two keep running. Set jobmanager.execution.failover-strategy to full and the whole job restarts.',
  seed: 1,
  durationMs: 60_000,
  config: { 'execution.checkpointing.interval': '4 s', 'sim.channel.latency': '500 ms', 'sim.channel.jitter': '150 ms' },
  operators: [
    { id: 'source', name: 'Source: Readings', kind: 'source', parallelism: 3, topic: 'readings', partitions: 3, ratePerPartition: 1, costMs: 20 },
    { id: 'filter', name: 'Filter', kind: 'filter', parallelism: 3, minValue: 3, costMs: 40 },
    { id: 'sink', name: 'Sink: Alerts', kind: 'sink', parallelism: 3, costMs: 20 },
  ],
  edges: [
    { from: 'source', to: 'filter', partitioner: 'forward' },
    { from: 'filter', to: 'sink', partitioner: 'forward' },
  ],
  taskManagers: 3,
};
