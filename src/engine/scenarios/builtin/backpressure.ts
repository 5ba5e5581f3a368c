import type { ScenarioSpec } from '../schema';

export const backpressureScenario: ScenarioSpec = {
  id: 'backpressure',
  title: 'One slow subtask',
  description: 'Keyed Sum (2/3) is ten times slower than its siblings. Its input channels fill up, the Map subtasks run out of credit and stop, and the pressure reaches the sources.',
  lesson: 'Keyed Sum (2/3) is ten times slower (marked 10× in red). Watch the channels into it fill to capacity: a Map subtask with a full channel to it turns back-pressured although its other consumers are idle (a full channel blocks its producer entirely), and the pressure climbs to the sources.',
  seed: 1,
  durationMs: 60_000,
  config: { 'execution.checkpointing.interval': '4 s', 'sim.channel.latency': '400 ms', 'sim.channel.jitter': '100 ms', 'sim.channel.capacity': 4 },
  operators: [
    { id: 'source', name: 'Source: Payments', kind: 'source', parallelism: 2, topic: 'payments', partitions: 2, ratePerPartition: 4, costMs: 10 },
    { id: 'map', name: 'Map', kind: 'map', parallelism: 2, fn: 'double', costMs: 20 },
    { id: 'sum', name: 'Keyed Sum', kind: 'keyed-sum', parallelism: 3, costMs: 40 },
    { id: 'sink', name: 'Sink: Totals', kind: 'sink', parallelism: 3, costMs: 10 },
  ],
  edges: [
    { from: 'source', to: 'map', partitioner: 'forward' },
    { from: 'map', to: 'sum', partitioner: 'hash' },
    { from: 'sum', to: 'sink', partitioner: 'forward' },
  ],
  slowSubtasks: [{ operator: 'sum', subtask: 1, factor: 10 }],
};
