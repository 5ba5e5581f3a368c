// The whole simulation state, above every subsystem: it holds the coordinator's, the barrier
// handlers', the snapshots', RocksDB's, the faults' and the restart strategy's state, so it lives
// here rather than in model/, which the subsystems themselves import. Plain data, as model/types.ts
// explains; index.ts exports these names unchanged.

import type { ChannelState, JobStatus, KeyedStateTable, Mail, PhysicalPlan, SimConfig, SinkSubtaskState, SourceSubtaskState, SubtaskStatus } from '../model/types';
import type { ScenarioSpec } from '../scenarios/schema';
import type { CheckpointFailureReason } from '../checkpoint/failureCounter';
import type { CoordinatorState, RocksDbFiles, SubtaskAck, SubtaskSnapshot } from '../checkpoint/types';
import type { BarrierHandlerState } from '../kernels/barrierHandler';
import type { CheckpointPhase, Fault } from '../faults/faultSpec';
import type { RestartStrategyState } from '../kernels/restartStrategy';

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

export interface QueuedEvent { time: number; seq: number; event: SimEvent }

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
