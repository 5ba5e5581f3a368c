import type { KeyedStateTable, Rec, SimKey } from '../model/types';

// What the JobManager's checkpoint coordinator keeps, as plain data inside SimState.

export type CheckpointStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
export type CheckpointType = 'CHECKPOINT' | 'UNALIGNED_CHECKPOINT' | 'SAVEPOINT' | 'SYNC_SAVEPOINT';

/** What one subtask reports with its acknowledgement: Flink's per-subtask checkpoint figures. */
export interface SubtaskAck {
  subtask: number;
  ackTime: number;
  syncMs: number;
  asyncMs: number;
  alignmentMs: number;
  startDelayMs: number;
  /** bytes of records processed between the first and the last barrier */
  processedBytes: number;
  /** bytes of in-flight records persisted (unaligned) */
  persistedBytes: number;
  unaligned: boolean;
  checkpointedBytes: number;
  stateBytes: number;
}

/** The state of one subtask as stored in a checkpoint. */
export interface SubtaskSnapshot {
  /** keyed state by key group: keyGroup -> key -> state -> value (a copy) */
  keyed: KeyedStateTable;
  keyGroupRange: [number, number] | null;
  /** operator state by name: e.g. SourceReaderState as [{partition, offset}] */
  operator: { [name: string]: unknown[] };
  /** unaligned checkpoints: records in flight, per channel id, in channel order */
  inputChannelState: { [channel: string]: Rec[] };
  outputChannelState: { [channel: string]: Rec[] };
  /** RocksDB incremental: the files of this subtask's state that the checkpoint references */
  files: { name: string; bytes: number }[];
}

export interface CheckpointRecord {
  id: number;
  status: CheckpointStatus;
  isSavepoint: boolean;
  type: CheckpointType;
  triggerTime: number;
  latestAckTime: number | null;
  /** subtasks that must acknowledge, all of them at trigger */
  subtasks: number[];
  acks: { [subtask: string]: SubtaskAck };
  failureTime: number | null;
  failureMessage: string | null;
  /** completed: bytes written for this checkpoint (the delta for incremental) and the full state size */
  checkpointedBytes: number;
  stateBytes: number;
  discarded: boolean;
  externalPath: string | null;
}

export interface CompletedCheckpoint {
  id: number;
  isSavepoint: boolean;
  type: CheckpointType;
  triggerTime: number;
  completedAt: number;
  /** its full size, as the history reports it: it stays with the snapshot when a new job restores it */
  stateBytes: number;
  storage: 'jobmanager' | 'filesystem';
  backend: 'hashmap' | 'rocksdb';
  externalPath: string;
  /** per subtask id */
  subtasks: { [subtask: string]: SubtaskSnapshot };
}

export interface TriggerRequest {
  kind: 'periodic' | 'manual' | 'savepoint' | 'sync-savepoint';
  requestedAt: number;
}

export interface FailureCounterState {
  counter: number;
  lastSuccessId: number;
  countedIds: number[];
}

/** An offset a source reader committed to its consumer group when checkpoint `checkpointId` completed. */
export interface CommittedOffset { offset: number; checkpointId: number; at: number }

export interface CoordinatorState {
  nextId: number;
  /** generation of the periodic timer: a re-phased timer ignores ticks of older generations */
  timerGeneration: number;
  queued: TriggerRequest[];
  pending: number[];
  history: CheckpointRecord[];
  retained: CompletedCheckpoint[];
  savepoints: CompletedCheckpoint[];
  lastCompletionTime: number | null;
  failures: FailureCounterState;
  /** RocksDB shared files: file name (it begins with the operator id) -> size, first and last checkpoint using it */
  sharedFiles: Map<string, { bytes: number; createdBy: number; lastUsedBy: number }>;
  /** NO_CLAIM restore: shared files created by checkpoints up to this id are the user's, never deleted (SharedStateRegistry's highestNotClaimedCheckpointID) */
  notClaimedUpTo?: number;
  /** the Kafka consumer groups, outside the job: per source operator id, per partition, the committed offset (runtime/committedOffsets.ts) */
  committedOffsets?: Map<string, Map<number, CommittedOffset>>;
  /** snapshots that arrived with acks, per pending checkpoint id, until it completes or is dropped */
  shipped: { [checkpointId: string]: { [subtask: string]: SubtaskSnapshot } };
}

/** The RocksDB backend's files for one subtask (checkpoint/taskSnapshot.ts flushes and uploads them). */
export interface RocksDbFiles {
  /** live immutable sorted files of this subtask's state */
  files: { name: string; bytes: number }[];
  nextFile: number;
  /** keys written since the last flush, by "keyGroup/key" */
  dirty: Map<string, { keyGroup: number; key: SimKey }>;
  /** files uploaded by a checkpoint that has been confirmed complete */
  confirmed: string[];
  /** files each pending checkpoint uploaded, until confirmed */
  uploadedBy: { [checkpointId: string]: string[] };
  /** state TTL's compaction filter: when the files were last compacted (periodic compaction counts from it) */
  compactedAt?: number;
}
