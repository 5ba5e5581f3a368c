import type { ScenarioSpec } from '../schema';

export const twoInputsScenario: ScenarioSpec = {
  id: 'two-inputs',
  title: 'Joining two streams',
  description: 'Sightings and feedings come from two topics; a two-input Keyed Join keeps the latest value of each side per animal and emits their sum once both are known.',
  lesson: 'The Keyed Join reads three channels. Feedings travel a slower network, so barrier n from the sightings arrives first: those channels are blocked (purple, locked) until the feedings deliver barrier n too. That wait is the alignment time in the Checkpoints panel. In AT_LEAST_ONCE mode nothing is blocked: the task only counts barriers (tracking), and records behind a barrier may get into the snapshot.',
  seed: 1,
  durationMs: 60_000,
  config: { 'execution.checkpointing.interval': '4 s', 'sim.channel.latency': '500 ms', 'sim.channel.jitter': '300 ms' },
  operators: [
    { id: 'sightings', name: 'Source: Sightings', kind: 'source', parallelism: 2, topic: 'sightings', partitions: 2, ratePerPartition: 1, costMs: 20 },
    { id: 'feedings', name: 'Source: Feedings', kind: 'source', parallelism: 1, topic: 'feedings', partitions: 1, ratePerPartition: 1.2, costMs: 20 },
    { id: 'join', name: 'Keyed Join', kind: 'keyed-join', parallelism: 2, costMs: 50 },
    { id: 'sink', name: 'Sink: Joined', kind: 'sink', parallelism: 2, costMs: 20 },
  ],
  edges: [
    { from: 'sightings', to: 'join', partitioner: 'hash', input: 0 },
    { from: 'feedings', to: 'join', partitioner: 'hash', input: 1, latencyMs: 1400 },
    { from: 'join', to: 'sink', partitioner: 'forward' },
  ],
};
