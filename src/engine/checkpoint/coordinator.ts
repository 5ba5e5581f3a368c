import type { SimState } from '../sim/state';
import type { Runtime } from '../runtime/runtime';
import { schedule } from '../sim/eventQueue';
import { nextRandom } from '../sim/rng';
import {
  checkpointFailureOutcome, checkpointSuccess, type CheckpointFailureReason,
} from './failureCounter';
import { settingsOf } from './settings';
import type { CheckpointRecord, CompletedCheckpoint, CoordinatorState, SubtaskAck, SubtaskSnapshot, TriggerRequest } from './types';
import { releaseSharedFiles, registerSharedFiles } from './sharedState';
import { resumeTheWorld, startStopTheWorld } from './stopTheWorld';

// The JobManager's CheckpointCoordinator: periodic triggering with Flink's rules (first tick after a
// random delay in [min-pause, interval], min-pause from the last completion, early periodic
// requests dropped and the timer re-phased, max concurrent with a queue), acknowledgements,
// completion, subsumption, expiry, retention and the tolerable-failure counter.

const MAX_QUEUED_REQUESTS = 1000;

export function initialCoordinator(): CoordinatorState {
  return {
    nextId: 1, timerGeneration: 0, queued: [], pending: [], history: [], retained: [], savepoints: [],
    lastCompletionTime: null, failures: { counter: 0, lastSuccessId: 0, countedIds: [] }, sharedFiles: new Map(), shipped: {},
  };
}

export function recordOf(state: SimState, id: number): CheckpointRecord | undefined {
  const h = state.coordinator.history;
  // ids are increasing in history; search from the end, where the live ones are
  for (let i = h.length - 1; i >= 0; i--) if (h[i].id === id) return h[i];
  return undefined;
}

/** Starts the periodic scheduler: first tick after a seeded random delay in [minPause, interval]. */
export function startCheckpointScheduler(state: SimState): void {
  const s = settingsOf(state);
  if (!s.enabled) return;
  const c = state.coordinator;
  c.timerGeneration++;
  const lo = Math.min(s.minPauseMs, s.intervalMs);
  const delay = Math.round(lo + nextRandom(state) * (s.intervalMs - lo));
  schedule(state, state.now + delay, { kind: 'cp-periodic', generation: c.timerGeneration });
}

export function stopCheckpointScheduler(state: SimState): void {
  state.coordinator.timerGeneration++;
}

export function onPeriodicTick(rt: Runtime, generation: number): void {
  const state = rt.state;
  const c = state.coordinator;
  if (generation !== c.timerGeneration || state.job.status !== 'RUNNING') return;
  schedule(state, state.now + settingsOf(state).intervalMs, { kind: 'cp-periodic', generation });
  requestCheckpoint(rt, 'periodic');
}

const PRIORITY: Record<TriggerRequest['kind'], number> = { 'sync-savepoint': 0, savepoint: 0, manual: 2, periodic: 3 };

export function requestCheckpoint(rt: Runtime, kind: TriggerRequest['kind']): void {
  const c = rt.state.coordinator;
  if (kind === 'sync-savepoint') {
    // Stop with savepoint stops periodic checkpointing first: nothing may follow the final savepoint.
    stopCheckpointScheduler(rt.state);
    c.queued = c.queued.filter((q) => q.kind !== 'periodic');
  }
  c.queued.push({ kind, requestedAt: rt.state.now });
  c.queued.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.requestedAt - b.requestedAt);
  if (c.queued.length > MAX_QUEUED_REQUESTS) c.queued.pop();
  decideNextRequest(rt);
}

/** Flink's CheckpointRequestDecider: which queued request, if any, is triggered now. */
export function decideNextRequest(rt: Runtime): void {
  const state = rt.state;
  const c = state.coordinator;
  const s = settingsOf(state);
  while (c.queued.length) {
    const head = c.queued[0];
    const forced = head.kind === 'savepoint' || head.kind === 'sync-savepoint';
    if (c.pending.length >= s.maxConcurrent && !forced) return;
    if (head.kind === 'periodic' && c.lastCompletionTime !== null) {
      const wait = c.lastCompletionTime + s.minPauseMs - state.now;
      if (wait > 0) {
        c.queued.shift();
        rt.emit({ type: 'checkpoint-skipped', time: state.now, reason: 'min-pause', waitMs: wait });
        // re-phase the periodic timer to fire once the pause is over
        c.timerGeneration++;
        schedule(state, state.now + wait, { kind: 'cp-periodic', generation: c.timerGeneration });
        return;
      }
    }
    c.queued.shift();
    triggerCheckpoint(rt, head);
  }
}

function triggerCheckpoint(rt: Runtime, request: TriggerRequest): void {
  const state = rt.state;
  const c = state.coordinator;
  const s = settingsOf(state);
  const sources = state.plan.subtasks.filter((ps) => state.plan.operators[ps.operator].kind === 'source');
  if (state.job.status !== 'RUNNING' || sources.some((ps) => state.subtasks[ps.id].status !== 'RUNNING' && state.subtasks[ps.id].status !== 'FINISHED')) {
    rt.emit({ type: 'checkpoint-skipped', time: state.now, reason: 'not-all-tasks-running', waitMs: 0 });
    return;
  }
  const savepoint = request.kind === 'savepoint' || request.kind === 'sync-savepoint';
  const id = c.nextId++;
  const subtasks = state.plan.subtasks.filter((ps) => state.subtasks[ps.id].status !== 'FINISHED').map((ps) => ps.id);
  const record: CheckpointRecord = {
    id, status: 'IN_PROGRESS', isSavepoint: savepoint,
    type: request.kind === 'sync-savepoint' ? 'SYNC_SAVEPOINT' : savepoint ? 'SAVEPOINT' : s.unaligned && s.alignedTimeoutMs === 0 ? 'UNALIGNED_CHECKPOINT' : 'CHECKPOINT',
    triggerTime: state.now, latestAckTime: null, subtasks, acks: {},
    failureTime: null, failureMessage: null, checkpointedBytes: 0, stateBytes: 0, discarded: false, externalPath: null,
  };
  c.history.push(record);
  c.pending.push(id);
  rt.emit({ type: 'checkpoint-triggered', time: state.now, checkpointId: id, savepoint, kind: record.type });
  schedule(state, state.now + s.timeoutMs, { kind: 'cp-timeout', checkpointId: id });
  if (s.stopTheWorld && !savepoint) {
    startStopTheWorld(state, id);
    return;
  }
  for (const ps of sources) {
    if (state.subtasks[ps.id].status !== 'RUNNING') continue;
    schedule(state, state.now + s.rpcLatencyMs, {
      kind: 'mail', subtask: ps.id,
      mail: { kind: 'trigger-checkpoint', checkpointId: id, timestamp: state.now, savepoint, synchronous: request.kind === 'sync-savepoint' },
    });
  }
}

export function onAcknowledge(rt: Runtime, id: number, ack: SubtaskAck, snapshot: SubtaskSnapshot): void {
  const state = rt.state;
  const c = state.coordinator;
  const record = recordOf(state, id);
  if (!record || !c.pending.includes(id)) return; // late ack for a removed checkpoint: its state is discarded
  record.acks[ack.subtask] = ack;
  record.latestAckTime = state.now;
  pendingSnapshots(state, id)[ack.subtask] = snapshot;
  rt.emit({ type: 'checkpoint-acknowledged', time: state.now, checkpointId: id, subtask: ack.subtask });
  if (record.subtasks.every((sid) => record.acks[sid])) completeCheckpoint(rt, record);
}

// Snapshots shipped with acks wait in the coordinator until their checkpoint completes or is dropped.
function pendingSnapshots(state: SimState, id: number): { [subtask: string]: SubtaskSnapshot } {
  return (state.coordinator.shipped[id] ??= {});
}
function dropShipped(state: SimState, id: number): void {
  delete state.coordinator.shipped[id];
}

function completeCheckpoint(rt: Runtime, record: CheckpointRecord): void {
  const state = rt.state;
  const c = state.coordinator;
  const s = settingsOf(state);
  const snapshots = pendingSnapshots(state, record.id);
  dropShipped(state, record.id);
  c.pending = c.pending.filter((x) => x !== record.id);
  record.status = 'COMPLETED';
  const acks = Object.values(record.acks);
  record.checkpointedBytes = acks.reduce((n, a) => n + a.checkpointedBytes, 0);
  record.stateBytes = acks.reduce((n, a) => n + a.stateBytes, 0);
  if (acks.some((a) => a.unaligned) && !record.isSavepoint) record.type = 'UNALIGNED_CHECKPOINT';
  record.externalPath = record.isSavepoint ? `savepoint-${record.id}` : s.storage === 'filesystem' ? `file:///checkpoints/job/chk-${record.id}` : '<checkpoint-not-externally-addressable>';
  const completed: CompletedCheckpoint = {
    id: record.id, isSavepoint: record.isSavepoint, type: record.type, triggerTime: record.triggerTime, completedAt: state.now,
    stateBytes: record.stateBytes, storage: s.storage, backend: s.backend, externalPath: record.externalPath, subtasks: snapshots,
  };
  rt.emit({ type: 'checkpoint-completed', time: state.now, checkpointId: record.id, savepoint: record.isSavepoint });
  resumeTheWorld(rt, record.id);
  const notifies = !record.isSavepoint || record.type === 'SYNC_SAVEPOINT';
  if (record.isSavepoint) c.savepoints.push(completed);
  if (notifies) {
    if (!record.isSavepoint) {
      registerSharedFiles(c, completed);
      c.retained.push(completed);
      while (c.retained.length > s.numRetained) {
        const old = c.retained.shift()!;
        const r = recordOf(state, old.id);
        if (r) r.discarded = true;
      }
      releaseSharedFiles(c);
    }
    // Older pending checkpoints are subsumed; savepoints are never subsumed.
    for (const older of c.pending.filter((x) => x < record.id)) {
      const r = recordOf(state, older)!;
      if (!r.isSavepoint) failCheckpoint(rt, older, 'subsumed');
    }
    c.lastCompletionTime = state.now;
    checkpointSuccess(c.failures, record.id);
    for (const sid of record.subtasks) {
      schedule(state, state.now + s.rpcLatencyMs, { kind: 'mail', subtask: sid, mail: { kind: 'notify-complete', checkpointId: record.id } });
    }
  }
  decideNextRequest(rt);
}

const MESSAGES: Record<CheckpointFailureReason, string> = {
  expired: 'Checkpoint expired before completing.',
  declined: 'Checkpoint was declined.',
  'async-exception': 'Asynchronous task checkpoint failed.',
  'io-exception': 'An Exception occurred while triggering the checkpoint (IO-problem detected).',
  subsumed: 'Checkpoint has been subsumed.',
  'task-failure': 'Task has failed.',
  'job-failover-region': 'FailoverRegion is restarting.',
  'job-failure': 'The job has failed.',
  'min-pause': 'The minimum time between checkpoints is still pending.',
  'too-many-concurrent': 'The maximum number of queued checkpoint requests exceeded.',
  'not-all-tasks-running': 'Not all required tasks are currently running.',
  'cancellation-barrier': 'Task received cancellation from one of its inputs.',
  'end-of-input': 'Checkpoint was declined because one input stream is finished.',
  'configuration-changed': 'The checkpointing configuration was changed.',
};

/** Aborts a pending checkpoint; returns what the failure counter says. */
export function failCheckpoint(rt: Runtime, id: number, reason: CheckpointFailureReason): 'fail-job' | 'counted' | 'ignored' {
  const state = rt.state;
  const c = state.coordinator;
  const record = recordOf(state, id);
  if (!record || !c.pending.includes(id)) return 'ignored';
  c.pending = c.pending.filter((x) => x !== id);
  dropShipped(state, id);
  record.status = 'FAILED';
  record.failureTime = state.now;
  record.failureMessage = MESSAGES[reason];
  rt.emit({ type: 'checkpoint-failed', time: state.now, checkpointId: id, reason });
  resumeTheWorld(rt, id);
  for (const sid of record.subtasks) {
    schedule(state, state.now + settingsOf(state).rpcLatencyMs, { kind: 'mail', subtask: sid, mail: { kind: 'notify-aborted', checkpointId: id } });
  }
  if (record.type === 'SYNC_SAVEPOINT') {
    rt.failJob?.(`stop-with-savepoint failed: savepoint ${id}: ${MESSAGES[reason]}`);
    return 'fail-job';
  }
  // Savepoint failures are not counted.
  const outcome = record.isSavepoint ? 'ignored' : checkpointFailureOutcome(c.failures, settingsOf(state).tolerableFailed, id, reason);
  if (outcome === 'fail-job') {
    // a global failover: its job-status event says RESTARTING or FAILED, as the restart strategy decides
    rt.failJob?.(`Exceeded checkpoint tolerable failure threshold. Last failure: checkpoint ${id}: ${MESSAGES[reason]}`);
  }
  return outcome;
}

export function onDecline(rt: Runtime, id: number, reason: CheckpointFailureReason): void {
  failCheckpoint(rt, id, reason);
  decideNextRequest(rt);
}

export function onTimeout(rt: Runtime, id: number): void {
  failCheckpoint(rt, id, 'expired');
  decideNextRequest(rt);
}

/** The latest completed checkpoint, which recovery restores. */
export function latestCompleted(state: SimState): CompletedCheckpoint | undefined {
  return state.coordinator.retained[state.coordinator.retained.length - 1];
}
