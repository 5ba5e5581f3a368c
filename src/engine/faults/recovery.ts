import type { ChannelItem, Rec, SinkTransaction } from '../model/types';
import type { SimState, SubtaskState } from '../sim/state';
import { Conf } from '../config/conf';
import { failCheckpoint, latestCompleted, startCheckpointScheduler, stopCheckpointScheduler } from '../checkpoint/coordinator';
import { settingsOf } from '../checkpoint/settings';
import { copyKeyedState, emptyRocksDb } from '../checkpoint/taskSnapshot';
import type { CompletedCheckpoint } from '../checkpoint/types';
import { computePipelinedRegions, regionsToRestart } from '../kernels/pipelinedRegions';
import { onFailure } from '../kernels/restartStrategy';
import { clearChannel } from '../runtime/channels';
import { initialGate } from '../runtime/gate';
import { requestWake, type Runtime } from '../runtime/runtime';
import { brokerAbortEvent, sinkRestore } from '../runtime/sink';
import { appendTime, logSeed } from '../runtime/sourceLog';
import { schedule } from '../sim/eventQueue';
import { nextRandom } from '../sim/rng';
import { restartStrategyOf } from './restartConfig';
import { traceRecordSent } from '../trace/hotEvents';
import type { TraceEvent } from '../trace/events';

// Failure and recovery as Flink runs them: the failed task's region (or the whole job) is
// cancelled and its in-flight records vanish, pending checkpoints are aborted, the restart
// strategy decides the delay, then every restarted subtask gets back from the latest completed
// checkpoint its key groups, its operator state (source offsets, sink transactions) and, for
// unaligned checkpoints, its channel state, which is replayed before anything new.

function failoverSet(state: SimState, failed: number[]): number[] {
  const conf = new Conf(state.config.raw);
  if (conf.text('jobmanager.execution.failover-strategy') === 'full') return state.plan.subtasks.map((s) => s.id);
  return regionsToRestart(state.plan, computePipelinedRegions(state.plan), failed, state.plan.channels);
}

/** Tasks failed: cancel what must restart and ask the restart strategy when. */
export function failTasks(rt: Runtime, failed: number[], cause: string, global = false): void {
  const state = rt.state;
  if (state.job.status === 'FAILED' || state.job.status === 'FINISHED' || state.job.status === 'CANCELED') return;
  for (const sid of failed) {
    const st = state.subtasks[sid];
    if (st.status === 'RUNNING' || st.status === 'FINISHED') {
      st.status = 'FAILED';
      rt.emit({ type: 'task-failed', time: state.now, subtask: sid, cause });
    }
  }
  const restart = global ? state.plan.subtasks.map((s) => s.id) : failoverSet(state, failed);
  for (const id of [...state.coordinator.pending]) failCheckpoint(rt, id, global ? 'job-failure' : 'task-failure');
  stopCheckpointScheduler(state);
  state.stopTheWorld = null;
  let vanished = 0;
  for (const ch of state.plan.channels) {
    if (!restart.includes(ch.from) && !restart.includes(ch.to)) continue;
    const lost = clearChannel(state.channels[ch.id]).filter((i) => i.kind === 'record').length;
    state.channels[ch.id].lastDeliverAt = state.now;
    vanished += lost;
    rt.emit({ type: 'channel-cleared', time: state.now, channel: ch.id, records: lost });
  }
  for (const sid of restart) {
    const st = state.subtasks[sid];
    if (st.status !== 'FAILED') st.status = 'CANCELED';
    st.mailbox = [];
    st.snapshots = [];
    st.alignment = null;
    st.blockedInputs = [];
    st.backpressured = false;
  }
  rt.emit({ type: 'tasks-canceled', time: state.now, subtasks: restart.length, canceled: restart.filter((sid) => state.subtasks[sid].status === 'CANCELED').length, recordsLost: vanished });
  const config = restartStrategyOf(new Conf(state.config.raw), settingsOf(state).enabled);
  const decision = onFailure(config, state.recovery.restart, state.now, nextRandom(state));
  if (!decision.restart) {
    state.job.status = 'FAILED';
    state.job.failure = `${cause}. ${decision.reason}`;
    for (const st of state.subtasks) if (st.status === 'RUNNING') st.status = 'CANCELED';
    rt.emit({ type: 'job-status', time: state.now, status: 'FAILED', reason: state.job.failure });
    return;
  }
  state.job.status = 'RESTARTING';
  const attempt = ++state.recovery.pendingAttempt;
  rt.emit({ type: 'job-status', time: state.now, status: 'RESTARTING', reason: `${cause}; restarting ${restart.length} subtasks in ${Math.round(decision.delayMs)} ms (${config.type})` });
  schedule(state, state.now + decision.delayMs, { kind: 'restart', subtasks: restart, attempt });
}

function freshSubtask(state: SimState, sid: number, old: SubtaskState): SubtaskState {
  const ps = state.plan.subtasks[sid];
  return {
    ...old,
    status: 'RUNNING', busyUntil: state.now, wakeAt: -1, backpressured: false, keyed: new Map(),
    finishedInputs: [], blockedInputs: [], gate: initialGate(state, ps), mailbox: [], snapshots: [],
    alignment: null, rocks: old.rocks ? emptyRocksDb() : null,
    source: old.source ? { partitions: old.source.partitions, offsets: Object.fromEntries(old.source.partitions.map((p) => [p, 0])), limits: old.source.limits } : null,
    roundRobin: ps.outputs.map(() => 0),
    sink: old.sink,
    lastCheckpointId: state.coordinator.nextId - 1,
    // a new attempt counts from zero, as Flink's task metrics do
    processed: 0, emitted: 0,
  };
}

/** The first offset a socket-like source can still read: what is appended from now on. */
function livePosition(state: SimState, sid: number, partition: number): number {
  const op = state.plan.operators[state.plan.subtasks[sid].operator];
  const params = op.params.source!;
  const seed = logSeed(state.seed, op.index);
  let off = Math.max(0, Math.floor((state.now * params.ratePerPartition) / 1000) - 2);
  while (appendTime(params, seed, partition, off) < state.now) off++;
  return off;
}

/** The restart delay is over: redeploy, restore the latest completed checkpoint, go on. */
export function restoreTasks(rt: Runtime, subtasks: number[], attempt: number): void {
  const state = rt.state;
  if (attempt !== state.recovery.pendingAttempt || state.job.status !== 'RESTARTING') return;
  restoreSubtasksFrom(rt, latestCompleted(state), subtasks);
  state.recovery.pendingAttempt = 0;
  state.job.restarts++;
}

/** Redeploys these subtasks with the state `cp` holds for them (or empty), then lets them run. */
export function restoreSubtasksFrom(rt: Runtime, cp: CompletedCheckpoint | undefined, subtasks: number[]): void {
  const state = rt.state;
  for (const sid of subtasks) {
    const old = state.subtasks[sid];
    const st = (state.subtasks[sid] = freshSubtask(state, sid, old));
    rt.keyContexts[sid] = undefined;
    const snap = cp?.subtasks[sid];
    if (snap) st.keyed = copyKeyedState(snap.keyed);
    if (st.source) {
      const stored = (snap?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[];
      // the restored splits decide what the reader owns (after rescaling, not the owner formula)
      if (snap) st.source.partitions = stored.map((x) => x.partition).sort((a, b) => a - b);
      const params = state.plan.operators[state.plan.subtasks[sid].operator].params.source!;
      for (const p of st.source.partitions) {
        const restored = stored.find((x) => x.partition === p)?.offset ?? 0;
        // A socket cannot rewind: it goes on with whatever arrives now.
        st.source.offsets[p] = params.replayable ? restored : Math.max(restored, livePosition(state, sid, p));
      }
    }
    if (st.sink) {
      const op = state.plan.operators[state.plan.subtasks[sid].operator];
      const txns = (snap?.operator['pending-commit-transactions'] ?? []) as SinkTransaction[];
      const committed = sinkRestore(st.sink, op, txns, state.now, (a) => rt.emit(brokerAbortEvent(sid, a, op)));
      if (committed) rt.emit({ type: 'checkpoint-notified', time: state.now, subtask: sid, checkpointId: cp!.id, aborted: false, committed });
    }
    if (snap && st.rocks) {
      st.rocks.files = snap.files.map((f) => ({ ...f }));
      st.rocks.confirmed = snap.files.map((f) => f.name);
      st.rocks.nextFile = snap.files.length + 1000 * (state.job.restarts + 1);
    }
  }
  // Unaligned checkpoints: in-flight records of the checkpoint are replayed first, per channel the
  // consumer's input channel state, then the producer's output channel state (the later records).
  const channelState = new Map<number, Rec[]>();
  const add = (c: string, recs: Rec[]) => channelState.set(Number(c), [...(channelState.get(Number(c)) ?? []), ...recs]);
  for (const sid of subtasks) for (const [c, recs] of Object.entries(cp?.subtasks[sid]?.inputChannelState ?? {})) add(c, recs);
  for (const sid of subtasks) for (const [c, recs] of Object.entries(cp?.subtasks[sid]?.outputChannelState ?? {})) add(c, recs);
  let replayed = 0;
  for (const [c, recs] of [...channelState].sort((a, b) => a[0] - b[0])) {
    const ch = state.channels[c];
    const items: ChannelItem[] = recs.map((rec) => {
      const seq = state.seq++;
      traceRecordSent(rt, state.now, c, seq, rec.key, state.now);
      return { kind: 'record', rec, seq, sentAt: state.now, deliverAt: state.now };
    });
    ch.items = [...items, ...ch.items.slice(ch.head)];
    ch.head = 0;
    ch.records += items.length;
    ch.sent += items.length;
    replayed += items.length;
  }
  state.job.status = 'RUNNING';
  if (cp) state.restores.push({ id: cp.id, restore_timestamp: state.now, is_savepoint: cp.isSavepoint, external_path: cp.externalPath });
  rt.emit({ type: 'job-restored', time: state.now, checkpointId: cp?.id ?? 0, subtasks: subtasks.length, replayed });
  startCheckpointScheduler(state);
  for (const sid of subtasks) requestWake(state, sid, state.now);
}

/** The JobManager fails: with `jobmanager` storage its checkpoints are gone; the whole job restarts. */
export function failJobManager(rt: Runtime): void {
  const state = rt.state;
  const lost = settingsOf(state).storage === 'jobmanager' ? state.coordinator.retained.length : 0;
  if (lost) {
    for (const r of state.coordinator.history) if (r.status === 'COMPLETED' && !r.isSavepoint) r.discarded = true;
    state.coordinator.retained = [];
    state.coordinator.sharedFiles = new Map();
  }
  rt.emit({ type: 'jobmanager-failed', time: state.now, checkpointsLost: lost });
  failTasks(rt, [], lost ? 'JobManager failed; its in-memory checkpoints are lost' : 'JobManager failed; checkpoints survive in the file system', true);
}

/** A fault strikes now. */
export function applyFault(rt: Runtime, fault: import('./faultSpec').Fault): void {
  const state = rt.state;
  state.recovery.struck.push({ time: state.now, label: faultLabel(state, fault) });
  switch (fault.kind) {
    case 'task':
      failTasks(rt, [fault.subtask], `${state.plan.subtasks[fault.subtask].name} failed (killed)`);
      return;
    case 'taskmanager': {
      const lost = state.plan.subtasks.filter((s) => s.taskManager === fault.index).map((s) => s.id);
      rt.emit({ type: 'taskmanager-lost', time: state.now, index: fault.index, subtasks: lost.length });
      failTasks(rt, lost, `TaskManager ${fault.index} lost with ${lost.length} subtasks`);
      return;
    }
    case 'jobmanager':
      failJobManager(rt);
      return;
    case 'storage-outage':
      state.recovery.storageOutageUntil = Math.max(state.recovery.storageOutageUntil, state.now + fault.durationMs);
      rt.emit({ type: 'storage-outage', time: state.now, untilMs: state.recovery.storageOutageUntil });
      return;
    case 'slow':
      state.plan.subtasks[fault.subtask].slowFactor = fault.factor;
      rt.emit({ type: 'subtask-slowed', time: state.now, subtask: fault.subtask, factor: fault.factor });
      return;
    case 'channel': {
      const ch = state.plan.channels[fault.channel];
      failTasks(rt, [ch.to], `the connection from ${state.plan.subtasks[ch.from].name} to ${state.plan.subtasks[ch.to].name} broke`);
      return;
    }
  }
}

/** Faults armed for a phase of a checkpoint strike right after the event that reaches it. */
export function armedFaultsFor(state: SimState, ev: TraceEvent): number[] {
  const hits: number[] = [];
  state.recovery.armed.forEach((a, i) => {
    const w = a.when;
    const match = (ev.type === 'alignment-started' && w.phase === 'alignment' && ev.checkpointId === w.checkpointId && ev.subtask === w.subtask)
      || (ev.type === 'checkpoint-acknowledged' && w.phase === 'acknowledged' && ev.checkpointId === w.checkpointId && ev.subtask === w.subtask)
      || (ev.type === 'checkpoint-completed' && w.phase === 'completed' && ev.checkpointId === w.checkpointId);
    if (match) hits.push(i);
  });
  return hits;
}

export function faultLabel(state: SimState, fault: import('./faultSpec').Fault): string {
  switch (fault.kind) {
    case 'task': return `${state.plan.subtasks[fault.subtask].name} killed`;
    case 'taskmanager': return `TaskManager ${fault.index} lost`;
    case 'jobmanager': return 'JobManager failed';
    case 'storage-outage': return `checkpoint storage down for ${Math.round(fault.durationMs / 1000)} s`;
    case 'slow': return `${state.plan.subtasks[fault.subtask].name} ${fault.factor}× slower`;
    case 'channel': return `channel ${fault.channel} broke`;
  }
}

/** Faults of the run that have not struck yet: scheduled for later, or armed for a checkpoint phase not reached. */
export function pendingFaults(state: SimState): string[] {
  const out: string[] = [];
  for (const q of state.queue) if (q.event.kind === 'fault') out.push(`${faultLabel(state, q.event.fault)} at ${q.time} ms`);
  for (const a of state.recovery.armed) {
    const at = a.when.subtask !== undefined ? ` at ${state.plan.subtasks[a.when.subtask].name}` : '';
    out.push(`${faultLabel(state, a.fault)} when checkpoint ${a.when.checkpointId} is ${a.when.phase === 'alignment' ? 'aligning' : a.when.phase}${at}`);
  }
  return out;
}
