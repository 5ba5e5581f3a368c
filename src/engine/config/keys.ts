import { DURATION_SYNTAX } from './duration';
import { SCENARIO_LIMITS } from '../scenarios/limits';

// Every configuration key the simulator understands: Flink's own vocabulary, plus `sim.*` keys
// for the simulated world. One table serves the engine, the CLI, the page and the README.

/** A lower bound of a duration and Flink's words when it is not met. */
export interface DurationMin {
  ms: number;
  message: string;
  /** 0 is accepted and means "off" */
  zeroIsOff?: boolean;
}

export type KeyType =
  | { type: 'duration'; min?: DurationMin }
  | { type: 'int'; min?: number; max?: number }
  | { type: 'number'; min?: number; max?: number }
  | { type: 'bool' }
  | { type: 'enum'; values: string[]; aliases?: Record<string, string> };

export interface ConfigKey {
  key: string;
  spec: KeyType;
  /** Flink's default, as text in Flink's syntax; undefined = absent by default */
  default?: string;
  doc: string;
}

const duration: KeyType = { type: 'duration' };

/** CheckpointCoordinatorConfiguration.MINIMAL_CHECKPOINT_TIME: Flink refuses a shorter interval or timeout. */
export const MINIMAL_CHECKPOINT_TIME_MS = 10;

export const CONFIG_KEYS: ConfigKey[] = [
  { key: 'execution.checkpointing.interval', spec: { type: 'duration', min: { ms: MINIMAL_CHECKPOINT_TIME_MS, message: `Checkpoint interval must be larger than or equal to ${MINIMAL_CHECKPOINT_TIME_MS} ms`, zeroIsOff: true } }, doc: 'Base period of periodic checkpoints, at least 10 ms; absent or 0 = checkpointing off.' },
  { key: 'execution.checkpointing.mode', spec: { type: 'enum', values: ['EXACTLY_ONCE', 'AT_LEAST_ONCE'] }, default: 'EXACTLY_ONCE', doc: 'Aligned barriers (exactly-once) or the barrier tracker (at-least-once).' },
  { key: 'execution.checkpointing.unaligned.enabled', spec: { type: 'bool' }, default: 'false', doc: 'Unaligned checkpoints: barriers overtake in-flight records, which are persisted.' },
  { key: 'execution.checkpointing.aligned-checkpoint-timeout', spec: duration, default: '0 s', doc: 'With unaligned on: start aligned, switch to unaligned after this long from the trigger.' },
  { key: 'execution.checkpointing.min-pause', spec: duration, default: '0 ms', doc: 'Minimum time from the last completed checkpoint to the next trigger.' },
  { key: 'execution.checkpointing.timeout', spec: { type: 'duration', min: { ms: MINIMAL_CHECKPOINT_TIME_MS, message: `Checkpoint timeout must be larger than or equal to ${MINIMAL_CHECKPOINT_TIME_MS} ms` } }, default: '10 min', doc: 'A pending checkpoint older than this expires.' },
  { key: 'execution.checkpointing.max-concurrent-checkpoints', spec: { type: 'int', min: 1 }, default: '1', doc: 'Checkpoints in progress at once.' },
  { key: 'execution.checkpointing.tolerable-failed-checkpoints', spec: { type: 'int', min: 0 }, default: '0', doc: 'Consecutive counted checkpoint failures tolerated before the job fails.' },
  { key: 'execution.checkpointing.num-retained', spec: { type: 'int', min: 1 }, default: '1', doc: 'Completed checkpoints kept.' },
  { key: 'execution.checkpointing.incremental', spec: { type: 'bool' }, default: 'false', doc: 'RocksDB uploads only new files.' },
  { key: 'execution.checkpointing.externalized-checkpoint-retention', spec: { type: 'enum', values: ['NO_EXTERNALIZED_CHECKPOINTS', 'DELETE_ON_CANCELLATION', 'RETAIN_ON_CANCELLATION'] }, default: 'NO_EXTERNALIZED_CHECKPOINTS', doc: 'What happens to retained checkpoints when the job is cancelled: deleted, unless RETAIN_ON_CANCELLATION (then they can be restored like a savepoint). Savepoints are never deleted.' },
  { key: 'execution.state-recovery.claim-mode', spec: { type: 'enum', values: ['NO_CLAIM', 'CLAIM'] }, default: 'NO_CLAIM', doc: 'Restoring from a snapshot (`--from-savepoint`): NO_CLAIM leaves it the user\'s (the first checkpoint after is full); CLAIM gives it to Flink, which may delete it once subsumed.' },
  { key: 'execution.checkpointing.storage', spec: { type: 'enum', values: ['jobmanager', 'filesystem'] }, default: 'jobmanager', doc: 'Where checkpoints are kept: JobManager memory (lost with it) or a durable file system.' },
  { key: 'state.backend.type', spec: { type: 'enum', values: ['hashmap', 'rocksdb'] }, default: 'hashmap', doc: 'Heap objects (full snapshots) or RocksDB (sorted files, incremental possible).' },
  { key: 'restart-strategy.type', spec: { type: 'enum', values: ['none', 'fixed-delay', 'exponential-delay', 'failure-rate'], aliases: { off: 'none', disable: 'none', fixeddelay: 'fixed-delay', exponentialdelay: 'exponential-delay', failurerate: 'failure-rate' } }, doc: 'Default: exponential-delay with checkpointing on, none without.' },
  { key: 'restart-strategy.fixed-delay.attempts', spec: { type: 'int', min: 0 }, default: '1', doc: 'Restarts before the job fails.' },
  { key: 'restart-strategy.fixed-delay.delay', spec: duration, default: '1 s', doc: 'Wait before each restart.' },
  { key: 'restart-strategy.failure-rate.max-failures-per-interval', spec: { type: 'int', min: 1 }, default: '1', doc: 'Failures tolerated within the interval.' },
  { key: 'restart-strategy.failure-rate.failure-rate-interval', spec: duration, default: '1 min', doc: 'Window in which failures are counted.' },
  { key: 'restart-strategy.failure-rate.delay', spec: duration, default: '1 s', doc: 'Wait before each restart.' },
  { key: 'restart-strategy.exponential-delay.initial-backoff', spec: duration, default: '1 s', doc: 'First restart delay.' },
  { key: 'restart-strategy.exponential-delay.max-backoff', spec: duration, default: '1 min', doc: 'Largest restart delay.' },
  { key: 'restart-strategy.exponential-delay.backoff-multiplier', spec: { type: 'number', min: 1 }, default: '1.5', doc: 'Growth of the delay per failure.' },
  { key: 'restart-strategy.exponential-delay.reset-backoff-threshold', spec: duration, default: '1 h', doc: 'Failure-free time after which the delay resets.' },
  { key: 'restart-strategy.exponential-delay.jitter-factor', spec: { type: 'number', min: 0, max: 1 }, default: '0.1', doc: 'Random spread of the delay.' },
  { key: 'restart-strategy.exponential-delay.attempts-before-reset-backoff', spec: { type: 'int', min: 1 }, doc: 'Restarts before the job fails; absent = unlimited.' },
  { key: 'jobmanager.execution.failover-strategy', spec: { type: 'enum', values: ['region', 'full'] }, default: 'region', doc: 'Restart the failed pipelined region, or the whole job.' },
  { key: 'parallelism.default', spec: { type: 'int', min: 1, max: 32768 }, default: '1', doc: 'Parallelism of operators that do not set their own.' },
  { key: 'pipeline.max-parallelism', spec: { type: 'int', min: 1, max: 32768 }, doc: 'Max parallelism (number of key groups); default computed from the parallelism.' },
  // The simulated world.
  { key: 'sim.channel.latency', spec: duration, default: '300 ms', doc: 'Network latency of every channel (scenario may set per edge).' },
  { key: 'sim.channel.jitter', spec: duration, default: '100 ms', doc: 'Random extra latency, uniform in [0, jitter]; channels stay FIFO.' },
  { key: 'sim.channel.capacity', spec: { type: 'int', min: 1, max: SCENARIO_LIMITS.channelCapacity }, default: '8', doc: 'Records a channel holds (credits); a full channel back-pressures its producer.' },
  { key: 'sim.source.rate', spec: { type: 'number', min: 0.001, max: SCENARIO_LIMITS.sourceRecordsPerSecond }, doc: 'Records appended per second to each source partition (overrides the scenario).' },
  { key: 'sim.source.kind', spec: { type: 'enum', values: ['replayable', 'non-replayable'] }, default: 'replayable', doc: 'A partitioned log with offsets, or a socket-like source that cannot rewind.' },
  { key: 'sim.source.starting-offsets', spec: { type: 'enum', values: ['earliest', 'latest', 'committed-offsets'] }, default: 'earliest', doc: 'Where a job submitted without a snapshot starts reading, as KafkaSource\'s OffsetsInitializer: earliest(), latest() (the end of the log at the start), committedOffsets() (the consumer group\'s offsets, else the reset strategy). A restore reads from the snapshot\'s offsets instead.' },
  { key: 'sim.source.offset-reset-strategy', spec: { type: 'enum', values: ['earliest', 'latest'] }, default: 'earliest', doc: 'committed-offsets: where a partition without a committed offset starts (OffsetResetStrategy EARLIEST or LATEST).' },
  { key: 'sim.source.commit.offsets.on.checkpoint', spec: { type: 'bool' }, default: 'true', doc: 'KafkaSource\'s commit.offsets.on.checkpoint: when a checkpoint completes, each reader commits the offsets it checkpointed to the consumer group (for monitoring; recovery never uses them).' },
  { key: 'sim.source.skew', spec: { type: 'number', min: 0 }, doc: 'Zipf exponent of the key distribution; 0 = uniform (overrides the scenario).' },
  { key: 'sim.sink.kind', spec: { type: 'enum', values: ['plain', 'upsert', 'two-phase-commit'] }, default: 'plain', doc: 'How every sink writes: at once, idempotent keyed overwrite, or transactions committed on checkpoint completion.' },
  { key: 'sim.sink.transaction-timeout', spec: { type: 'duration', min: { ms: 1, message: 'transaction.timeout.ms must be at least 1 ms' } }, default: '15 min', doc: "The two-phase-commit sink's transaction timeout: the Kafka producer's transaction.timeout.ms. The broker aborts a transaction open longer than this, and a job down that long loses the pre-committed transaction's records. Flink's KafkaSink sets 1 h when none is given, which a broker with the default transaction.max.timeout.ms refuses; the simulator starts at the broker's maximum." },
  { key: 'sim.broker.transaction-max-timeout', spec: { type: 'duration', min: { ms: 1, message: 'transaction.max.timeout.ms must be at least 1 ms' } }, default: '15 min', doc: "The Kafka broker's transaction.max.timeout.ms: a two-phase-commit sink whose sim.sink.transaction-timeout is larger fails at start (InitProducerId: InvalidTxnTimeoutException)." },
  { key: 'sim.checkpointing.algorithm', spec: { type: 'enum', values: ['barriers', 'stop-the-world'] }, default: 'barriers', doc: "Flink's barriers, or the naive algorithm Flink avoids: stop the sources, drain everything in flight, snapshot every task, resume." },
  { key: 'sim.rpc.latency', spec: duration, default: '50 ms', doc: 'Latency of messages between the JobManager and the tasks (trigger, acknowledge, notify).' },
  { key: 'sim.snapshot.sync-base', spec: duration, default: '5 ms', doc: 'Fixed cost of the synchronous part of a snapshot (blocks the task).' },
  { key: 'sim.snapshot.sync-per-kb', spec: duration, default: '2 ms', doc: 'Synchronous snapshot cost per KB of heap state (hashmap backend; RocksDB pays the base only).' },
  { key: 'sim.snapshot.async-base', spec: duration, default: '40 ms', doc: 'Fixed cost of the asynchronous upload to checkpoint storage.' },
  { key: 'sim.snapshot.async-per-kb', spec: duration, default: '10 ms', doc: 'Upload cost per KB written to checkpoint storage.' },
  { key: 'sim.processing.cost', spec: duration, doc: 'Processing time per record for operators whose scenario sets none.' },
];

const BY_KEY = new Map(CONFIG_KEYS.map((k) => [k.key, k]));

export function configKey(key: string): ConfigKey | undefined {
  return BY_KEY.get(key);
}

export function acceptedValues(spec: KeyType): string {
  switch (spec.type) {
    case 'duration': return spec.min ? `${DURATION_SYNTAX}, at least ${spec.min.ms} ms${spec.min.zeroIsOff ? ' (or 0: off)' : ''}` : DURATION_SYNTAX;
    case 'int': return `an integer${spec.min !== undefined ? ` >= ${spec.min}` : ''}${spec.max !== undefined ? ` and <= ${spec.max}` : ''}`;
    case 'number': return `a number${spec.min !== undefined ? ` >= ${spec.min}` : ''}${spec.max !== undefined ? ` and <= ${spec.max}` : ''}`;
    case 'bool': return 'true or false';
    case 'enum': return spec.values.join(', ');
  }
}
