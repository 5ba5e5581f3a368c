import type { Mail, PlanSubtask, Rec } from '../model/types';
import type { SimState, SnapshotInProgress, SubtaskState } from '../sim/state';
import { settingsOf } from '../checkpoint/settings';
import { confirmUploads, takeSnapshot } from '../checkpoint/taskSnapshot';
import { recordBytes } from '../kernels/snapshotSizing';
import type { CheckpointFailureReason } from '../checkpoint/failureCounter';
import { schedule } from '../sim/eventQueue';
import { emitAlignedEvent, emitUnalignedBarrier } from './barriers';
import { requestWake, type Runtime } from './runtime';
import { brokerAbortEvent, sinkCommit, sinkFinish, sinkOperatorState, sinkPreCommit } from './sink';
import { commitOffsetsOnCheckpoint } from './committedOffsets';

// A task's side of a checkpoint (Flink's SubtaskCheckpointCoordinatorImpl): emit the barrier
// downstream, take the synchronous snapshot (the task is busy meanwhile), upload asynchronously,
// then acknowledge to the JobManager. Unaligned snapshots wait for their channel state too.

export interface CheckpointStart {
  checkpointId: number;
  timestamp: number;
  /** this task's snapshot is unaligned (channel state, the ack's flag) */
  unaligned: boolean;
  savepoint: boolean;
  alignmentMs: number;
  startDelayMs: number;
  processedBytes: number;
  /** unaligned: input channels whose barrier has not arrived yet */
  awaitingChannels: number[];
}

/**
 * Whether the checkpoint's barriers are unaligned at this moment: unaligned checkpoints on, not a
 * savepoint, and past the aligned-checkpoint timeout if there is one. A task that checkpointed
 * aligned because only forward channels feed it still sends unaligned barriers then.
 */
export function barriersUnalignedAt(state: SimState, timestamp: number, savepoint: boolean): boolean {
  const s = settingsOf(state);
  return s.unaligned && !savepoint && (s.alignedTimeoutMs === 0 || state.now - timestamp > s.alignedTimeoutMs);
}

/**
 * The barrier (unless the world is stopped: then there is none) and the snapshot, in one mailbox
 * action: no record slips between them.
 */
export function performCheckpoint(rt: Runtime, ps: PlanSubtask, st: SubtaskState, start: CheckpointStart, emitBarrier = true): void {
  const state = rt.state;
  const s = settingsOf(state);
  const now = state.now;
  st.lastCheckpointId = Math.max(st.lastCheckpointId, start.checkpointId);
  // prepareSnapshotPreBarrier / snapshotState of a two-phase-commit sink: pre-commit
  if (st.sink) sinkPreCommit(st.sink, start.checkpointId);
  let outputState: { [channel: string]: Rec[] } = {};
  if (emitBarrier) {
    const unalignedBarrier = start.unaligned || barriersUnalignedAt(state, start.timestamp, start.savepoint);
    if (unalignedBarrier) outputState = emitUnalignedBarrier(rt, ps, start.checkpointId, start.timestamp, now);
    else {
      emitAlignedEvent(rt, ps, (seq, sentAt, deliverAt) => ({
        kind: 'barrier', checkpointId: start.checkpointId, timestamp: start.timestamp, seq, sentAt, deliverAt, unaligned: false, savepoint: start.savepoint,
      }), now);
      if (s.unaligned && s.alignedTimeoutMs > 0 && !start.savepoint && ps.outputs.length) {
        // strictly after the timeout, as Flink's check is `timeout < now - timestamp`
        schedule(state, Math.max(now, start.timestamp + s.alignedTimeoutMs + 0.001), { kind: 'output-barrier-timeout', subtask: ps.id, checkpointId: start.checkpointId });
      }
    }
    rt.emit({ type: 'barrier-emitted', time: now, subtask: ps.id, checkpointId: start.checkpointId, unaligned: unalignedBarrier });
  }
  const taken = takeSnapshot(state, ps, st, start.checkpointId, s, start.savepoint);
  if (st.sink) Object.assign(taken.snapshot.operator, sinkOperatorState(st.sink));
  taken.snapshot.outputChannelState = outputState;
  const outputBytes = Object.values(outputState).reduce((n, recs) => recs.reduce((m, r) => m + recordBytes(r), n), 0);
  const syncEndsAt = now + taken.syncMs;
  st.busyUntil = Math.max(st.busyUntil, syncEndsAt);
  requestWake(state, ps.id, st.busyUntil);
  const inProgress: SnapshotInProgress = {
    checkpointId: start.checkpointId,
    snapshot: taken.snapshot,
    ack: {
      subtask: ps.id, ackTime: 0, syncMs: taken.syncMs, asyncMs: taken.asyncMs, alignmentMs: start.alignmentMs,
      startDelayMs: start.startDelayMs, processedBytes: start.processedBytes, persistedBytes: outputBytes, unaligned: start.unaligned,
      checkpointedBytes: taken.checkpointedBytes, stateBytes: taken.stateBytes,
    },
    syncEndsAt,
    uploaded: false,
    awaitingChannels: start.unaligned ? [...start.awaitingChannels] : [],
  };
  st.snapshots.push(inProgress);
  rt.emit({ type: 'snapshot-started', time: now, subtask: ps.id, checkpointId: start.checkpointId, unaligned: start.unaligned, syncMs: taken.syncMs, asyncMs: taken.asyncMs });
  schedule(state, syncEndsAt + taken.asyncMs, { kind: 'snapshot-uploaded', subtask: ps.id, checkpointId: start.checkpointId });
}

function snapshotOf(st: SubtaskState, checkpointId: number): SnapshotInProgress | undefined {
  return st.snapshots.find((x) => x.checkpointId === checkpointId);
}

function maybeAcknowledge(rt: Runtime, st: SubtaskState, snap: SnapshotInProgress): void {
  if (!snap.uploaded || snap.awaitingChannels.length) return;
  const state = rt.state;
  st.snapshots = st.snapshots.filter((x) => x !== snap);
  // For an unaligned snapshot the asynchronous part includes waiting for the channel state.
  snap.ack.asyncMs = state.now - snap.syncEndsAt;
  // channel state is part of the checkpoint: in its checkpointed size and its full size alike
  snap.ack.checkpointedBytes += snap.ack.persistedBytes;
  snap.ack.stateBytes += snap.ack.persistedBytes;
  schedule(state, state.now + settingsOf(state).rpcLatencyMs, { kind: 'cp-ack', checkpointId: snap.checkpointId, ack: snap.ack, snapshot: snap.snapshot });
}

export function onSnapshotUploaded(rt: Runtime, subtask: number, checkpointId: number): void {
  const st = rt.state.subtasks[subtask];
  const snap = snapshotOf(st, checkpointId);
  if (!snap) return; // aborted meanwhile
  if (rt.state.recovery.storageOutageUntil > rt.state.now) {
    // the upload to checkpoint storage failed: the asynchronous part declines the checkpoint
    st.snapshots = st.snapshots.filter((x) => x !== snap);
    rt.emit({ type: 'checkpoint-declined', time: rt.state.now, subtask, checkpointId, reason: 'async-exception' });
    schedule(rt.state, rt.state.now + settingsOf(rt.state).rpcLatencyMs, { kind: 'cp-decline', checkpointId, subtask, reason: 'async-exception' });
    return;
  }
  snap.uploaded = true;
  rt.emit({ type: 'snapshot-uploaded', time: rt.state.now, subtask, checkpointId });
  maybeAcknowledge(rt, st, snap);
}

/** Unaligned: a record from a channel whose barrier is still to come is part of the channel state. */
export function persistInFlight(st: SubtaskState, checkpointId: number, channel: number, rec: Rec): void {
  const snap = snapshotOf(st, checkpointId);
  if (!snap) return;
  (snap.snapshot.inputChannelState[channel] ??= []).push(rec);
  snap.ack.persistedBytes += recordBytes(rec);
}

/** The barrier (or end of partition) of `checkpointId` arrived on `channel`: its channel state is complete. */
export function channelStateComplete(rt: Runtime, st: SubtaskState, channel: number, checkpointId?: number): void {
  for (const snap of [...st.snapshots]) {
    if (checkpointId !== undefined && snap.checkpointId !== checkpointId) continue;
    const i = snap.awaitingChannels.indexOf(channel);
    if (i < 0) continue;
    snap.awaitingChannels.splice(i, 1);
    maybeAcknowledge(rt, st, snap);
  }
}

/** The task gives checkpoint n up: declines it to the JobManager and tells downstream tasks. */
export function declineCheckpoint(rt: Runtime, ps: PlanSubtask, st: SubtaskState, checkpointId: number, reason: CheckpointFailureReason): void {
  const state = rt.state;
  st.lastCheckpointId = Math.max(st.lastCheckpointId, checkpointId);
  st.snapshots = st.snapshots.filter((x) => x.checkpointId !== checkpointId);
  emitAlignedEvent(rt, ps, (seq, sentAt, deliverAt) => ({ kind: 'cancel', checkpointId, seq, sentAt, deliverAt }), state.now);
  rt.emit({ type: 'checkpoint-declined', time: state.now, subtask: ps.id, checkpointId, reason });
  schedule(state, state.now + settingsOf(state).rpcLatencyMs, { kind: 'cp-decline', checkpointId, subtask: ps.id, reason });
}

/**
 * A task that finishes acknowledges the pending checkpoints it has not acknowledged yet with its
 * final state: nothing it holds will change any more, and the checkpoint must not wait for it.
 */
export function acknowledgeOnFinish(rt: Runtime, ps: PlanSubtask, st: SubtaskState): void {
  const state = rt.state;
  const s = settingsOf(state);
  for (const id of state.coordinator.pending) {
    const record = state.coordinator.history.find((h) => h.id === id);
    // a checkpoint the task already took part in (its ack may still be on the way) is not owed
    if (!record || !record.subtasks.includes(ps.id) || id <= st.lastCheckpointId) continue;
    st.lastCheckpointId = id;
    if (st.sink) sinkPreCommit(st.sink, id);
    const taken = takeSnapshot(state, ps, st, id, s, record.isSavepoint);
    if (st.sink) Object.assign(taken.snapshot.operator, sinkOperatorState(st.sink));
    schedule(state, state.now + s.rpcLatencyMs, {
      kind: 'cp-ack', checkpointId: id, snapshot: taken.snapshot,
      ack: { subtask: ps.id, ackTime: 0, syncMs: 0, asyncMs: 0, alignmentMs: 0, startDelayMs: 0, processedBytes: 0, persistedBytes: 0, unaligned: false, checkpointedBytes: taken.checkpointedBytes, stateBytes: taken.stateBytes },
    });
  }
}

/** Mails run between records: checkpoint triggers at sources, completion and abort notifications. */
export function runMail(rt: Runtime, ps: PlanSubtask, st: SubtaskState, mail: Mail): void {
  const state: SimState = rt.state;
  switch (mail.kind) {
    case 'trigger-checkpoint': {
      if (st.status !== 'RUNNING') return;
      if (mail.checkpointId <= st.lastCheckpointId) {
        declineCheckpoint(rt, ps, st, mail.checkpointId, 'subsumed');
        return;
      }
      if (mail.synchronous && st.source) st.source.stopAfter = mail.checkpointId;
      performCheckpoint(rt, ps, st, {
        checkpointId: mail.checkpointId, timestamp: mail.timestamp, savepoint: mail.savepoint,
        unaligned: barriersUnalignedAt(state, mail.timestamp, mail.savepoint),
        alignmentMs: 0, startDelayMs: state.now - mail.timestamp, processedBytes: 0, awaitingChannels: [],
      });
      return;
    }
    case 'notify-complete': {
      if (st.rocks) confirmUploads(st.rocks, mail.checkpointId);
      const op = state.plan.operators[ps.operator];
      const committed = st.sink ? sinkCommit(st.sink, op, mail.checkpointId, state.now, (a) => rt.emit(brokerAbortEvent(ps.id, a, op))) : 0;
      if (st.source) commitOffsetsOnCheckpoint(state, ps, st, mail.checkpointId);
      rt.emit({ type: 'checkpoint-notified', time: state.now, subtask: ps.id, checkpointId: mail.checkpointId, aborted: false, committed });
      // stop-with-savepoint: the savepoint is complete and committed, the source ends its input
      if (st.source?.stopAfter !== undefined && mail.checkpointId >= st.source.stopAfter) finishSubtask(rt, ps, state.now);
      return;
    }
    case 'notify-aborted':
      st.snapshots = st.snapshots.filter((x) => x.checkpointId !== mail.checkpointId);
      rt.emit({ type: 'checkpoint-notified', time: state.now, subtask: ps.id, checkpointId: mail.checkpointId, aborted: true, committed: 0 });
      return;
  }
}

/** A subtask has no more input: it acknowledges what it can, ends its outputs, and may finish the job. */
export function finishSubtask(rt: Runtime, ps: PlanSubtask, at: number): void {
  const state = rt.state;
  const st = state.subtasks[ps.id];
  st.status = 'FINISHED';
  acknowledgeOnFinish(rt, ps, st);
  if (st.sink) sinkFinish(st.sink, state.plan.operators[ps.operator], state.now, (a) => rt.emit(brokerAbortEvent(ps.id, a, state.plan.operators[ps.operator])));
  emitAlignedEvent(rt, ps, (seq, sentAt, deliverAt) => ({ kind: 'end-of-partition', seq, sentAt, deliverAt }), at);
  rt.emit({ type: 'subtask-finished', time: state.now, subtask: ps.id });
  if (state.subtasks.every((s) => s.status === 'FINISHED')) {
    state.job.status = 'FINISHED';
    rt.emit({ type: 'job-status', time: state.now, status: 'FINISHED' });
  }
}
