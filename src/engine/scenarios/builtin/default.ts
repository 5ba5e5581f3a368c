import type { ScenarioSpec } from '../schema';

export const defaultScenario: ScenarioSpec = {
  id: 'default',
  title: 'Counting animals',
  description: 'Two source subtasks read four partitions of the "animals" topic; a map passes each sighting on; keyBy routes it to the Keyed Count subtask that owns the animal\'s key group; the sink receives the running counts.',
  lesson: 'Follow one colour: every record of the same key goes to the same Keyed Count subtask, because the key decides the key group and the key group decides the subtask. Every 5 s the JobManager starts a checkpoint: watch the numbered barriers flow with the records. Click a subtask to see its state.',
  seed: 1,
  durationMs: 60_000,
  config: { 'execution.checkpointing.interval': '5 s', 'sim.channel.latency': '600 ms', 'sim.channel.jitter': '200 ms', 'sim.channel.capacity': 8 },
  operators: [
    { id: 'source', name: 'Source: Animals', kind: 'source', parallelism: 2, topic: 'animals', partitions: 4, ratePerPartition: 0.8, costMs: 20 },
    { id: 'map', name: 'Map', kind: 'map', parallelism: 2, fn: 'identity', costMs: 40 },
    { id: 'count', name: 'Keyed Count', kind: 'keyed-count', parallelism: 2, costMs: 60 },
    { id: 'sink', name: 'Sink: Counts', kind: 'sink', parallelism: 2, costMs: 20 },
  ],
  edges: [
    { from: 'source', to: 'map', partitioner: 'forward' },
    { from: 'map', to: 'count', partitioner: 'hash' },
    { from: 'count', to: 'sink', partitioner: 'forward' },
  ],
};
