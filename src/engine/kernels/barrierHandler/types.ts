// CONTRACTS 1.2: barrier handling at one task's input gate.

export interface BarrierHandlerOptions {
  mode: 'aligned' | 'unaligned' | 'at-least-once';
  channels: number;
  /** mode 'unaligned' only: > 0 starts each checkpoint aligned and switches it to unaligned once nowMs - barrier.timestamp > timeout */
  alignedCheckpointTimeoutMs?: number;
  /** default true (Flink's default since 1.15) */
  checkpointsAfterTasksFinish?: boolean;
}

export type GateInput =
  | { kind: 'record'; channel: number; seq: number }
  | { kind: 'barrier'; channel: number; checkpointId: number; timestamp?: number; savepoint?: boolean }
  | { kind: 'cancel'; channel: number; checkpointId: number }
  | { kind: 'end-of-partition'; channel: number };

export type AbortReason = 'subsumed' | 'cancellation-barrier' | 'end-of-input';

export type HandlerOutput =
  | { kind: 'process'; channel: number; seq: number; persistedFor?: number }
  | { kind: 'trigger'; checkpointId: number; unaligned: boolean; alignmentDurationMs: number }
  | { kind: 'abort'; checkpointId: number; reason: AbortReason };

export interface BarrierHandler {
  push(input: GateInput, nowMs: number): HandlerOutput[];
  tick(nowMs: number): HandlerOutput[];
  blockedChannels(): number[];
}

/** One checkpoint the at-least-once tracker follows. */
export interface TrackedCheckpoint {
  id: number;
  channels: number[];
  target: number;
  aborted: boolean;
  firstBarrierAt: number;
}

/** Plain data: the simulator keeps it inside its state and clones it for time travel. */
export interface BarrierHandlerState {
  openChannels: number;
  finished: number[];
  // single-checkpoint handler (aligned, unaligned, aligned with timeout)
  currentCheckpointId: number;
  lastCancelledOrCompletedId: number;
  aligned: number[];
  targetChannelCount: number;
  firstBarrierAt: number;
  barrierTimestamp: number;
  /** the current checkpoint has been triggered (unaligned: at its first barrier, or on timeout) */
  triggered: boolean;
  unaligned: boolean;
  /** the current checkpoint is a savepoint: always aligned, never timed out */
  savepoint: boolean;
  blocked: number[];
  // at-least-once tracker
  tracked: TrackedCheckpoint[];
  latestPendingId: number;
}
