// The whole simulation state is plain data that structuredClone copies exactly (time travel relies
// on it): no classes, no functions. Whatever is indexed by a string that came from outside (record
// keys, state names, MapState fields, the sinks' per-key tables, shared file names) is a Map, so
// "__proto__" or "constructor" is an ordinary entry; plain objects are indexed only by numbers
// (partitions, subtask, channel and checkpoint ids) or by names the engine fixes. The `sim --json`
// document (report.ts) turns the Maps into prototype-free objects.

export type SimKey = string;
export type Primitive = string | number | boolean | null;
/** MapState's value: field -> value. */
export type MapStateValue = Map<string, Primitive>;
/** What one keyed-state entry holds: ValueState/ReducingState a primitive, ListState an array, MapState a Map. */
export type StateValue = Primitive | Primitive[] | MapStateValue;

export type Partitioner = 'forward' | 'rebalance' | 'hash' | 'broadcast';

export type OperatorKind =
  | 'source' | 'map' | 'filter' | 'flat-map'
  | 'keyed-count' | 'keyed-sum' | 'keyed-last-n' | 'keyed-histogram' | 'keyed-reduce'
  | 'union' | 'keyed-join'
  | 'sink';

export type StateKind = 'value' | 'list' | 'map' | 'reducing';
/** `ttl`: the state was registered with a StateTtlConfig (its values carry their last-access timestamp) */
export interface StateDescriptor { name: string; kind: StateKind; ttl?: true }

/** Flink's StateTtlConfig as the job uses it (processing time, the only time characteristic Flink has). */
export interface StateTtlConfig {
  ttlMs: number;
  updateType: 'OnCreateAndWrite' | 'OnReadAndWrite';
  visibility: 'NeverReturnExpired' | 'ReturnExpiredIfNotCleanedUp';
  /** heap backend: entries checked per state access, and per record with runForEveryRecord; null: none */
  incremental: { size: number; runForEveryRecord: boolean } | null;
  /** expired entries are left out of full snapshots */
  fullSnapshot: boolean;
  /** RocksDB backend: FlinkCompactionFilter drops expired entries when files are compacted; null: none */
  rocksdbCompactionFilter: { queryTimeAfterNumEntries: number; periodicCompactionMs: number } | null;
}

/** A record: key and value, and where it came from in the source log (for the exactly-once oracle). */
export interface Rec {
  key: SimKey;
  value: number;
  /** source operator index in the plan, partition and offset of the log record this one derives from */
  src: number;
  part: number;
  off: number;
  /** sub-index for records a flat-map derives from one input */
  sub: number;
  /** append time of the log record (event time) */
  ts: number;
}

export type ChannelItem =
  | { kind: 'record'; rec: Rec; seq: number; sentAt: number; deliverAt: number }
  | { kind: 'barrier'; checkpointId: number; timestamp: number; seq: number; sentAt: number; deliverAt: number;
      unaligned: boolean; savepoint: boolean;
      /** unaligned at the producer: overtaken records arriving at or after this time are the
       * producer's output channel state; the consumer persists only those that arrive earlier */
      outputPersistedFrom?: number }
  | { kind: 'cancel'; checkpointId: number; seq: number; sentAt: number; deliverAt: number }
  | { kind: 'end-of-partition'; seq: number; sentAt: number; deliverAt: number };

// ---------------------------------------------------------------------------------------------
// Physical plan: what the job graph becomes when operators are expanded into subtasks.

export interface PlanOperator {
  index: number;
  id: string;
  name: string;
  kind: OperatorKind;
  parallelism: number;
  maxParallelism: number;
  /** global subtask ids, by subtask index */
  subtasks: number[];
  inputEdges: number[];
  outputEdges: number[];
  keyed: boolean;
  states: StateDescriptor[];
  /** state TTL of every state the operator registers; absent: none */
  ttl?: StateTtlConfig;
  /**
   * State TTL's bookkeeping while the job runs (plain data, so a copied state carries on the same):
   * the backend the task side cleans up for, and by subtask index then state, where the heap
   * backend's incremental-cleanup iterator stands (key group, position in it).
   */
  ttlRuntime?: { backend: 'hashmap' | 'rocksdb'; cursors: { keyGroup: number; index: number }[][] };
  /** cost of processing one record, simulated ms */
  costMs: number;
  params: OperatorParams;
}

export interface OperatorParams {
  /** map */ fn?: 'identity' | 'double' | 'increment' | 'square' | 'negate';
  /** filter */ keepKeys?: SimKey[]; minValue?: number;
  /** flat-map */ copies?: number;
  /** keyed-last-n */ n?: number;
  /** keyed-histogram */ bucketSize?: number;
  /** keyed-reduce */ reduce?: 'max' | 'min' | 'sum';
  /** source */ source?: SourceParams;
  /** sink: how many received records to keep for display and the oracle (-1 = all) */ retain?: number;
  /** sink: how it writes (sim.sink.kind overrides it for every sink) */ sinkKind?: 'plain' | 'upsert' | 'two-phase-commit';
  /** two-phase-commit sink: the producer's transaction.timeout.ms (sim.sink.transaction-timeout) */ transactionTimeoutMs?: number;
}

export interface SourceParams {
  topic: string;
  partitions: number;
  /** records appended per second to each partition */
  ratePerPartition: number;
  /** keys records are drawn from */
  keys: SimKey[];
  distribution: 'uniform' | 'skewed';
  /** Zipf exponent for 'skewed' */
  skew: number;
  /** values are integers in [1, maxValue] */
  maxValue: number;
  /** a bounded source ends after this many records per partition; absent = unbounded */
  recordsPerPartition?: number;
  /** ever-new keys: each session id is the key of this many consecutive records of a partition, then never again */
  recordsPerSession?: number;
  /** nothing is appended to the log from `atMs` for `forMs` (traffic stops for a while) */
  pause?: { atMs: number; forMs: number };
  replayable: boolean;
}

export interface PlanEdge {
  index: number;
  from: number; // operator index
  to: number;   // operator index
  partitioner: Partitioner;
  /** which input of a two-input operator this edge feeds: 0 or 1 */
  inputIndex: number;
  /** channel ids: channels[producerSubtaskIndex][k] */
  channels: number[][];
}

export interface PlanSubtask {
  id: number;
  operator: number;
  index: number;
  /** Flink's name: "Keyed Count (2/4)" */
  name: string;
  /** input channels in gate order (edge order, then producer index) */
  inputChannels: number[];
  /** per output edge, the channels to each consumer subtask, indexed by consumer subtask index (forward: one) */
  outputs: { edge: number; channels: number[] }[];
  /** inclusive key-group range, for keyed operators */
  keyGroupRange: [number, number] | null;
  /** TaskManager hosting the subtask (slot sharing) */
  taskManager: number;
  /** processing cost multiplier (slow subtask) */
  slowFactor: number;
}

export interface PlanChannel {
  id: number;
  edge: number;
  from: number; // subtask id
  to: number;   // subtask id
  /** position in the consumer's input gate */
  gateIndex: number;
}

export interface PhysicalPlan {
  operators: PlanOperator[];
  edges: PlanEdge[];
  subtasks: PlanSubtask[];
  channels: PlanChannel[];
  taskManagers: number;
}

// ---------------------------------------------------------------------------------------------
// Runtime state.

export interface ChannelState {
  /** FIFO; items before `head` are consumed (compacted from time to time) */
  items: ChannelItem[];
  head: number;
  /** records in the channel (barriers and markers take no credit) */
  records: number;
  capacity: number;
  /** unaligned barriers overtake the queue: they travel in this lane, ahead of every record */
  priority: ChannelItem[];
  latencyMs: number;
  jitterMs: number;
  lastDeliverAt: number;
  sent: number;
  taken: number;
}

export type SubtaskStatus = 'CREATED' | 'RUNNING' | 'FINISHED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'INITIALIZING';
export type JobStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'RESTARTING' | 'CANCELED';

/** One key's keyed state: state name -> value. */
export type KeyedStateEntry = Map<string, StateValue>;
/** Keyed state of one subtask: key group -> key -> state name -> value. */
export type KeyedStateTable = Map<number, Map<SimKey, KeyedStateEntry>>;

export interface SourceSubtaskState {
  /** partitions assigned to this reader, ascending */
  partitions: number[];
  /** next offset to read, per assigned partition */
  offsets: { [partition: string]: number };
  /** the oracle's reference run stops each partition here */
  limits?: { [partition: string]: number };
  /** stop-with-savepoint: no more reading after this savepoint's barrier; finish once it completes */
  stopAfter?: number;
  /** a job submitted again (jobs/submitJob.ts): the offsets its reader started from */
  startedFrom?: { [partition: string]: number };
}

export interface SinkSubtaskState {
  kind: 'plain' | 'upsert' | 'two-phase-commit';
  /** every write in order: what a read_uncommitted reader sees */
  received: Rec[];
  count: number;
  /** what a read_committed reader sees */
  committed: Rec[];
  /** two-phase commit: the open transaction and the pre-committed ones, per checkpoint */
  open: Rec[];
  precommitted: SinkTransaction[];
  /** upsert: the latest write per key */
  upserts: Map<SimKey, Rec>;
  /**
   * per key, the last value a read_committed reader saw and when it became visible: the key's
   * final result, however the keys were spread over sink subtasks (a rescale moves them)
   */
  finalValue: Map<SimKey, number>;
  finalAt: Map<SimKey, number>;
  /**
   * end-to-end latency from the log append to the sink: when written, and when a read_committed
   * reader can see it (the two differ for a two-phase-commit sink), in simulated ms
   */
  latency: { written: LatencyStats; visible: LatencyStats };
  /** two-phase commit: ids of the transactions the external system has committed (commits are idempotent) */
  committedTxns: string[];
  /** names this subtask's transactions: job generation and subtask, so no two jobs' ids collide */
  txnPrefix: string;
  /** two-phase commit: when the open transaction got its first record (the broker's timer starts then); -1 while empty */
  openSince: number;
  /** two-phase commit: pre-committed transactions the broker had aborted (transaction.timeout.ms) when the sink went to commit them */
  brokerAborted: BrokerAbortedTransaction[];
}

export interface LatencyStats { count: number; sum: number; max: number }

/** A pre-committed two-phase-commit transaction, named like a transactional id: prefix and checkpoint. */
export interface SinkTransaction {
  checkpointId: number; txn: string; records: Rec[];
  /** when its first record was written: the broker aborts it once older than transaction.timeout.ms (absent: empty, never started) */
  startedAt?: number;
}

/** A transaction the broker aborted because it outlived transaction.timeout.ms: its records are lost. */
export interface BrokerAbortedTransaction {
  txn: string; checkpointId: number; records: Rec[];
  startedAt: number;
  /** when the broker aborted it: startedAt + the timeout */
  abortedAt: number;
  /** when the sink tried to commit it and learned of the abort */
  noticedAt: number;
}

/** Mails run in the task's mailbox between records, never while it processes one. */
export type Mail =
  | { kind: 'trigger-checkpoint'; checkpointId: number; timestamp: number; savepoint: boolean; synchronous: boolean }
  | { kind: 'notify-complete'; checkpointId: number }
  | { kind: 'notify-aborted'; checkpointId: number };

export interface SimConfig {
  /** every configuration key as given (Flink's vocabulary and sim.*), after validation */
  raw: { [key: string]: string };
}

