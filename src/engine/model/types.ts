// The whole simulation state is plain, serialisable data: no classes, no Maps, no functions.
// Time travel (structuredClone of SimState) and the `sim --json` output both rely on that.

import type { ScenarioSpec } from '../scenarios/schema';
import type { CheckpointFailureReason } from '../checkpoint/failureCounter';
import type { CoordinatorState, SubtaskAck, SubtaskSnapshot } from '../checkpoint/types';
import type { BarrierHandlerState } from '../kernels/barrierHandler';
import type { RocksDbFiles } from '../checkpoint/taskSnapshot';
import type { CheckpointPhase, Fault } from '../faults/faultSpec';
import type { RestartStrategyState } from '../kernels/restartStrategy';

export type SimKey = string;
export type Primitive = string | number | boolean | null;
/** What one keyed-state entry holds: ValueState/ReducingState a primitive, ListState an array, MapState an object. */
export type StateValue = Primitive | Primitive[] | { [field: string]: Primitive };

export type Partitioner = 'forward' | 'rebalance' | 'hash' | 'broadcast';

export type OperatorKind =
  | 'source' | 'map' | 'filter' | 'flat-map'
  | 'keyed-count' | 'keyed-sum' | 'keyed-last-n' | 'keyed-histogram' | 'keyed-reduce'
  | 'union' | 'keyed-join'
  | 'sink';

export type StateKind = 'value' | 'list' | 'map' | 'reducing';
export interface StateDescriptor { name: string; kind: StateKind }

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

/** Keyed state of one subtask: keyGroup -> key -> stateName -> value. */
export type KeyedStateTable = { [keyGroup: string]: { [key: string]: { [state: string]: StateValue } } };

export interface SourceSubtaskState {
  /** partitions assigned to this reader, ascending */
  partitions: number[];
  /** next offset to read, per assigned partition */
  offsets: { [partition: string]: number };
  /** the oracle's reference run stops each partition here */
  limits?: { [partition: string]: number };
  /** stop-with-savepoint: no more reading after this savepoint's barrier; finish once it completes */
  stopAfter?: number;
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
  upserts: { [key: string]: Rec };
  /**
   * per key, the last value a read_committed reader saw and when it became visible: the key's
   * final result, however the keys were spread over sink subtasks (a rescale moves them)
   */
  finalValue: { [key: string]: number };
  finalAt: { [key: string]: number };
  /**
   * end-to-end latency from the log append to the sink: when written, and when a read_committed
   * reader can see it (the two differ for a two-phase-commit sink), in simulated ms
   */
  latency: { written: LatencyStats; visible: LatencyStats };
  /** two-phase commit: ids of the transactions the external system has committed (commits are idempotent) */
  committedTxns: string[];
  /** names this subtask's transactions: job generation and subtask, so no two jobs' ids collide */
  txnPrefix: string;
}

export interface LatencyStats { count: number; sum: number; max: number }

/** A pre-committed two-phase-commit transaction, named like a transactional id: prefix and checkpoint. */
export interface SinkTransaction { checkpointId: number; txn: string; records: Rec[] }

export interface SubtaskState {
  status: SubtaskStatus;
  /** the task is processing until this time */
  busyUntil: number;
  /** time of the wake event currently scheduled, -1 if none */
  wakeAt: number;
  backpressured: boolean;
  processed: number;
  emitted: number;
  keyed: KeyedStateTable;
  source: SourceSubtaskState | null;
  sink: SinkSubtaskState | null;
  /** per output edge: next channel for round-robin (rebalance) */
  roundRobin: number[];
  /** input channels closed by end-of-partition */
  finishedInputs: number[];
  /** channels not read (barrier alignment) */
  blockedInputs: number[];
  /** the input gate's barrier handler (tasks with inputs) */
  gate: BarrierHandlerState | null;
  /** mails wait here while the task is busy with a record */
  mailbox: Mail[];
  /** snapshots taken whose asynchronous part (or unaligned channel state) is not done */
  snapshots: SnapshotInProgress[];
  /** the newest checkpoint id this task has taken or given up */
  lastCheckpointId: number;
  /** bytes processed since the first barrier of the pending alignment */
  alignment: {
    checkpointId: number; timestamp: number; savepoint: boolean; firstBarrierAt: number; processedBytes: number;
    /** channels that delivered this checkpoint's barrier */
    channels: number[];
    /** the task has taken (or given up) this checkpoint */
    triggered: boolean;
  } | null;
  /** RocksDB backend: the subtask's sorted files */
  rocks: RocksDbFiles | null;
}

export interface SnapshotInProgress {
  checkpointId: number;
  snapshot: SubtaskSnapshot;
  ack: SubtaskAck;
  syncEndsAt: number;
  uploaded: boolean;
  /** unaligned: input channels (ids) whose barrier has not arrived; their records are channel state */
  awaitingChannels: number[];
}

export interface RestoreRecord {
  id: number;
  restore_timestamp: number;
  is_savepoint: boolean;
  external_path: string;
}

export type SimEvent =
  | { kind: 'wake'; subtask: number }
  /** the coordinator's periodic timer; ticks of an older generation were re-phased away */
  | { kind: 'cp-periodic'; generation: number }
  /** a message reaches a task's mailbox */
  | { kind: 'mail'; subtask: number; mail: Mail }
  /** a task's message reaches the JobManager */
  | { kind: 'cp-ack'; checkpointId: number; ack: SubtaskAck; snapshot: SubtaskSnapshot }
  | { kind: 'cp-decline'; checkpointId: number; subtask: number; reason: CheckpointFailureReason }
  | { kind: 'cp-timeout'; checkpointId: number }
  /** the asynchronous part of a subtask's snapshot is done */
  | { kind: 'snapshot-uploaded'; subtask: number; checkpointId: number }
  /** aligned-checkpoint timeout of a pending alignment falls due */
  | { kind: 'alignment-timer'; subtask: number }
  /** an aligned-with-timeout barrier still queued in this producer's outputs times out into unaligned */
  | { kind: 'output-barrier-timeout'; subtask: number; checkpointId: number }
  /** a fault strikes */
  | { kind: 'fault'; fault: Fault }
  /** the restart delay is over: these subtasks are redeployed and restored */
  | { kind: 'restart'; subtasks: number[]; attempt: number };

/** Mails run in the task's mailbox between records, never while it processes one. */
export type Mail =
  | { kind: 'trigger-checkpoint'; checkpointId: number; timestamp: number; savepoint: boolean; synchronous: boolean }
  | { kind: 'notify-complete'; checkpointId: number }
  | { kind: 'notify-aborted'; checkpointId: number };

export interface QueuedEvent { time: number; seq: number; event: SimEvent }

export interface SimConfig {
  /** every configuration key as given (Flink's vocabulary and sim.*), after validation */
  raw: { [key: string]: string };
}

export interface SimState {
  scenarioId: string;
  seed: number;
  now: number;
  /** sequence for the event queue and for channel items */
  seq: number;
  rng: number;
  queue: QueuedEvent[];
  plan: PhysicalPlan;
  config: SimConfig;
  channels: ChannelState[];
  subtasks: SubtaskState[];
  traceHash: number;
  stats: { events: number; recordsProcessed: number; recordHops: number };
  /** generation counts jobs restored from a snapshot of an earlier one (0: the first job) */
  job: { status: JobStatus; restarts: number; failure: string | null; generation: number };
  scenario: ScenarioSpec;
  /** the JobManager's checkpoint coordinator */
  coordinator: CoordinatorState;
  restores: RestoreRecord[];
  recovery: {
    restart: RestartStrategyState;
    /** attempt number of the restart that is pending, 0 if none */
    pendingAttempt: number;
    /** checkpoint uploads fail until then (storage outage) */
    storageOutageUntil: number;
    /** faults waiting for a phase of a checkpoint */
    armed: { fault: Fault; when: CheckpointPhase }[];
    /** every fault that struck, for the timeline */
    struck: { time: number; label: string }[];
  };
  /** the naive stop-the-world algorithm, while a checkpoint drains the job */
  stopTheWorld: { checkpointId: number; paused: boolean; phase: 'draining' | 'snapshotting' } | null;
}
