import type { ScenarioSpec } from '../schema';

export const wideScenario: ScenarioSpec = {
  id: 'wide',
  title: 'Thirty-two subtasks',
  description: 'Parallelism 8 at every stage: 8 sources, 8 maps, 8 keyed counters, 8 sinks, with an all-to-all keyBy between maps and counters (64 channels).',
  lesson: 'At scale, keyBy is an all-to-all shuffle: every map subtask has a channel to every counter subtask.',
  seed: 1,
  durationMs: 60_000,
  config: { 'execution.checkpointing.interval': '5 s', 'sim.channel.latency': '1500 ms', 'sim.channel.jitter': '500 ms', 'sim.channel.capacity': 64 },
  operators: [
    { id: 'source', name: 'Source: Clicks', kind: 'source', parallelism: 8, topic: 'clicks', partitions: 16, ratePerPartition: 20, keyCount: 200, distribution: 'skewed', skew: 0.8, costMs: 0.5 },
    { id: 'map', name: 'Map', kind: 'map', parallelism: 8, costMs: 1 },
    { id: 'count', name: 'Keyed Count', kind: 'keyed-count', parallelism: 8, costMs: 1 },
    { id: 'sink', name: 'Sink: Counts', kind: 'sink', parallelism: 8, costMs: 0.5, retain: 200 },
  ],
  edges: [
    { from: 'source', to: 'map', partitioner: 'forward' },
    { from: 'map', to: 'count', partitioner: 'hash' },
    { from: 'count', to: 'sink', partitioner: 'forward' },
  ],
  taskManagers: 4,
};
