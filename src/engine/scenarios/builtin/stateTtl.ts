import type { ScenarioSpec } from '../schema';

export const stateTtlScenario: ScenarioSpec = {
  id: 'state-ttl',
  title: 'Sessions that never come back',
  description: 'A source reads session ids that are each seen for four records and never again; traffic stops from 24 s to 54 s. Two Keyed Counts count the same sessions: one without TTL, one whose state has a TTL of 6 s (Flink\'s StateTtlConfig, background cleanup as by default, RocksDB periodic compaction every 10 s).',
  lesson: 'Open the State panel: without TTL the state grows with every new session; with TTL it stops growing. When traffic stops, the heap backend\'s incremental cleanup stops with it (it runs on state access), so expired sessions stay; on RocksDB, compactions drop them.',
  seed: 1,
  durationMs: 80_000,
  config: { 'execution.checkpointing.interval': '2 s', 'sim.channel.latency': '50 ms', 'sim.channel.jitter': '20 ms' },
  operators: [
    { id: 'source', name: 'Source: Sessions', kind: 'source', parallelism: 1, topic: 'sessions', partitions: 2, ratePerPartition: 4, recordsPerSession: 4, pause: { at: '24 s', for: '30 s' }, costMs: 2 },
    { id: 'count-all', name: 'Count (no TTL)', kind: 'keyed-count', parallelism: 1, costMs: 5 },
    { id: 'count-ttl', name: 'Count (TTL 6 s)', kind: 'keyed-count', parallelism: 1, costMs: 5,
      ttl: { ttl: '6 s', cleanup: { rocksdbCompactionFilter: { queryTimeAfterNumEntries: 1000, periodicCompactionTime: '10 s' } } } },
    { id: 'sink-all', name: 'Sink: All', kind: 'sink', parallelism: 1, costMs: 1, retain: 200 },
    { id: 'sink-ttl', name: 'Sink: TTL', kind: 'sink', parallelism: 1, costMs: 1, retain: 200 },
  ],
  edges: [
    { from: 'source', to: 'count-all', partitioner: 'hash' },
    { from: 'source', to: 'count-ttl', partitioner: 'hash' },
    { from: 'count-all', to: 'sink-all', partitioner: 'forward' },
    { from: 'count-ttl', to: 'sink-ttl', partitioner: 'forward' },
  ],
};
