import type { ChannelItem, PlanSubtask, Rec, StateValue } from '../model/types';
import type { SimState, SubtaskState } from '../sim/state';
import type { HandlerOutput } from '../kernels/barrierHandler';
import { assignToKeyGroup } from '../kernels/keyGroups';
import { recordBytes } from '../kernels/snapshotSizing';
import { settingsOf } from '../checkpoint/settings';
import { schedule } from '../sim/eventQueue';
import { take } from './channels';
import { plainStateValue, type KeyContext } from './keyedState';
import { processRecord, type Emit } from './operators';
import { overtakenBy, prioritiseQueuedBarriers } from './barriers';
import { channelStateComplete, declineCheckpoint, finishSubtask, performCheckpoint, persistInFlight, runMail } from './checkpointing';
import { gateBlockedChannels, gatePassesRecords, gatePush, gateTick } from './gate';
import { outputsHaveCredit, routeRecord } from './routing';
import { requestWake, type Runtime } from './runtime';
import { sinkWrite } from './sink';
import { sourceNext, sourceNextAt, sourceRead } from './source';
import { traceBackpressure, traceRecordProcessed, traceSinkReceived, traceStateUpdated, traceStateUpdatedNumber } from '../trace/hotEvents';

// A subtask is single-threaded, like a Flink task's mailbox: mails first, then one input at a
// time, from the earliest-arrived item among the channels its gate reads (unaligned barriers in a
// channel's priority lane come before its records), busy for the operator's cost. It only starts
// on a record when every output channel has credit; otherwise it is back-pressured until its
// consumer takes something.

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

// nextInput's answer besides the channel, in module variables: it runs twice per record.
let nextAt = Infinity;
let nextPriority = false;
// ...and the runner-up: the earliest item among the other channels (channel -1: none), when every
// channel read has one lane (`runnerUpKnown`). After a record from the chosen channel, only that
// channel's head moved, so the next choice is between its new head and the runner-up.
let runnerUpKnown = false;
let runnerUp = -1;
let runnerUpAt = Infinity;
let runnerUpSeq = Infinity;

/** The channel to read next (-1: none), with its item's delivery time in `nextAt` and lane in `nextPriority`. */
function nextInput(state: SimState, ps: PlanSubtask, st: SubtaskState): number {
  const now = state.now;
  const blocked = st.blockedInputs;
  const inputs = ps.inputChannels;
  let channel = -1;
  let at = Infinity;
  let seq = Infinity;
  let priority = false;
  let priorityReady = false;
  let oneLane = true;
  let second = -1;
  let secondAt = Infinity;
  let secondSeq = Infinity;
  for (let i = 0; i < inputs.length; i++) {
    const c = inputs[i];
    if (blocked.length && blocked.includes(c)) continue;
    const ch = state.channels[c];
    const items = ch.items;
    const main = ch.head < items.length ? items[ch.head] : undefined;
    if (ch.priority.length === 0) {
      // the usual case, one lane: the earliest delivery, the earliest sent among equals
      if (main === undefined || priorityReady) continue;
      const mainAt = main.deliverAt;
      if (mainAt < at || (mainAt === at && main.seq < seq)) {
        second = channel;
        secondAt = at;
        secondSeq = seq;
        channel = c;
        at = mainAt;
        seq = main.seq;
        priority = false;
      } else if (mainAt < secondAt || (mainAt === secondAt && main.seq < secondSeq)) {
        second = c;
        secondAt = mainAt;
        secondSeq = main.seq;
      }
      continue;
    }
    oneLane = false;
    const prio = ch.priority[0];
    // Of a channel's two lanes, the priority lane goes first once its event is there.
    const usePrio = main === undefined || prio.deliverAt <= Math.max(main.deliverAt, now);
    const item = usePrio ? prio : main;
    if (!item) continue;
    const ready = usePrio && item.deliverAt <= now;
    // A delivered priority event is read before anything else in the gate.
    if (priorityReady && !ready) continue;
    if ((ready && !priorityReady) || item.deliverAt < at || (item.deliverAt === at && item.seq < seq)) {
      channel = c;
      at = item.deliverAt;
      seq = item.seq;
      priority = usePrio;
      priorityReady = ready;
    }
  }
  nextAt = at;
  nextPriority = priority;
  runnerUpKnown = oneLane;
  runnerUp = second;
  runnerUpAt = secondAt;
  runnerUpSeq = secondSeq;
  return channel;
}

/**
 * nextInput after a record was taken from `last`, the channel nextInput chose, and nothing else
 * changed among the inputs: the earlier of that channel's new head and the runner-up. (A record
 * changes neither which channels are blocked nor the priority lanes of the task's inputs.)
 */
function nextInputAfter(state: SimState, last: number): number {
  const ch = state.channels[last];
  if (ch.priority.length !== 0) return -2;
  const items = ch.items;
  const main = ch.head < items.length ? items[ch.head] : undefined;
  nextPriority = false;
  if (main !== undefined && (main.deliverAt < runnerUpAt || (main.deliverAt === runnerUpAt && main.seq < runnerUpSeq))) {
    nextAt = main.deliverAt;
    return last;
  }
  // the runner-up comes first; who comes after it is not known
  runnerUpKnown = false;
  nextAt = runnerUpAt;
  return runnerUp;
}

function setBackpressure(rt: Runtime, id: number, on: boolean): void {
  const st = rt.state.subtasks[id];
  if (st.backpressured === on) return;
  st.backpressured = on;
  traceBackpressure(rt, rt.state.now, id, on);
}

/** A subtask's key context, and the output its operator emits to (one per subtask, not per record). */
interface TaskContext extends KeyContext {
  /** when the record being processed leaves: now plus the operator's cost */
  sentAt: number;
  emit: Emit;
  /** by input channel id: the index of the input (edge) it belongs to */
  inputOf: number[];
}

function taskContextFor(rt: Runtime, ps: PlanSubtask, st: SubtaskState): TaskContext {
  const ctx: TaskContext = {
    table: st.keyed,
    key: null,
    keyGroup: -1,
    onUpdate: (state: string, value: StateValue | undefined) => {
      if (st.rocks) st.rocks.dirty.set(`${ctx.keyGroup}/${ctx.key}`, { keyGroup: ctx.keyGroup, key: ctx.key! });
      if (typeof value === 'number') traceStateUpdatedNumber(rt, rt.state.now, ps.id, ctx.keyGroup, ctx.key!, state, value);
      else traceStateUpdated(rt, rt.state.now, ps.id, ctx.keyGroup, ctx.key!, state, value === undefined ? '' : typeof value === 'object' ? JSON.stringify(plainStateValue(value)) : String(value));
    },
    sentAt: 0,
    emit: (out: Rec) => {
      st.emitted++;
      routeRecord(rt, ps, out, ctx.sentAt);
    },
    inputOf: [],
  };
  const plan = rt.state.plan;
  for (const c of ps.inputChannels) ctx.inputOf[c] = plan.edges[plan.channels[c].edge].inputIndex;
  return ctx;
}

function processRecordItem(rt: Runtime, ps: PlanSubtask, st: SubtaskState, channelId: number, item: Extract<ChannelItem, { kind: 'record' }>, sentAt: number): void {
  const state = rt.state;
  const op = state.plan.operators[ps.operator];
  const rec = item.rec;
  traceRecordProcessed(rt, state.now, ps.id, channelId, item.seq, rec.key);
  st.processed++;
  state.stats.recordsProcessed++;
  state.stats.recordHops++;
  if (st.alignment && !st.alignment.triggered) st.alignment.processedBytes += recordBytes(rec);
  if (st.sink) {
    sinkWrite(st.sink, op, rec, state.now);
    traceSinkReceived(rt, state.now, ps.id, rec.key, rec.value);
    return;
  }
  let ctx = rt.keyContexts[ps.id] as TaskContext | undefined;
  if (!ctx || ctx.table !== st.keyed) ctx = (rt.keyContexts[ps.id] = taskContextFor(rt, ps, st));
  if (op.keyed) {
    const kg = assignToKeyGroup(rec.key, op.maxParallelism);
    const range = ps.keyGroupRange!;
    if (kg < range[0] || kg > range[1]) {
      throw new InvariantViolation(`${ps.name} received key "${rec.key}" of key group ${kg}, outside its range ${range[0]}-${range[1]}`);
    }
    ctx.key = rec.key;
    ctx.keyGroup = kg;
  } else {
    ctx.key = null;
  }
  ctx.sentAt = sentAt;
  processRecord(op, rec, ctx.inputOf[channelId], ctx, ctx.emit);
}

/** Acts on what the barrier handler decided: trigger a snapshot, or give a checkpoint up. */
function actOnGate(rt: Runtime, ps: PlanSubtask, st: SubtaskState, out: HandlerOutput): void {
  const state = rt.state;
  if (out.kind === 'trigger') {
    const al = st.alignment && st.alignment.checkpointId === out.checkpointId ? st.alignment : null;
    const awaiting = ps.inputChannels.filter((c) => !st.finishedInputs.includes(c) && !(al?.channels.includes(c)));
    if (al) al.triggered = true;
    performCheckpoint(rt, ps, st, {
      checkpointId: out.checkpointId,
      timestamp: al?.timestamp ?? state.now,
      unaligned: out.unaligned,
      savepoint: al?.savepoint ?? false,
      alignmentMs: out.alignmentDurationMs,
      startDelayMs: al ? al.firstBarrierAt - al.timestamp : 0,
      processedBytes: al?.processedBytes ?? 0,
      awaitingChannels: awaiting,
    });
    if (out.unaligned) prioritiseQueuedBarriers(state, awaiting, out.checkpointId);
  } else if (out.kind === 'abort') {
    const al = st.alignment;
    if (al && al.checkpointId === out.checkpointId) al.triggered = true;
    declineCheckpoint(rt, ps, st, out.checkpointId, out.reason);
  }
}

function handleItem(rt: Runtime, ps: PlanSubtask, st: SubtaskState, channelId: number, item: ChannelItem, cost: number): void {
  const state = rt.state;
  const gate = st.gate!;
  const gi = state.plan.channels[channelId].gateIndex;
  switch (item.kind) {
    case 'record': {
      if (gatePassesRecords(state, ps, gate)) {
        processRecordItem(rt, ps, st, channelId, item, state.now + cost);
        return; // records never change which channels are blocked
      }
      for (const out of gatePush(state, ps, gate, { kind: 'record', channel: gi, seq: item.seq })) {
        if (out.kind === 'process') {
          if (out.persistedFor !== undefined) persistInFlight(st, out.persistedFor, channelId, item.rec);
          processRecordItem(rt, ps, st, channelId, item, state.now + cost);
        } else actOnGate(rt, ps, st, out);
      }
      st.blockedInputs = gateBlockedChannels(state, ps, gate);
      return;
    }
    case 'barrier': {
      const id = item.checkpointId;
      rt.emit({ type: 'barrier-received', time: state.now, subtask: ps.id, channel: channelId, checkpointId: id });
      if (!st.alignment || st.alignment.checkpointId < id) {
        const al = { checkpointId: id, timestamp: item.timestamp, savepoint: item.savepoint, firstBarrierAt: state.now, processedBytes: 0, channels: [], triggered: id <= st.lastCheckpointId };
        st.alignment = al;
        if (!al.triggered) rt.emit({ type: 'alignment-started', time: state.now, subtask: ps.id, checkpointId: id });
        const s = settingsOf(state);
        if (s.unaligned && s.alignedTimeoutMs > 0 && !item.savepoint) {
          // strictly after the timeout, as Flink's check is `timeout < now - timestamp`
          schedule(state, item.timestamp + s.alignedTimeoutMs + 0.001, { kind: 'alignment-timer', subtask: ps.id });
        }
      }
      const al = st.alignment;
      if (al.checkpointId === id && !al.channels.includes(channelId)) al.channels.push(channelId);
      const overtaken = item.unaligned ? overtakenBy(state, channelId, item) : [];
      for (const out of gatePush(state, ps, gate, { kind: 'barrier', channel: gi, checkpointId: id, timestamp: item.timestamp, savepoint: item.savepoint })) actOnGate(rt, ps, st, out);
      for (const rec of overtaken) persistInFlight(st, id, channelId, rec);
      channelStateComplete(rt, st, channelId, id);
      break;
    }
    case 'cancel': {
      rt.emit({ type: 'cancel-marker-received', time: state.now, subtask: ps.id, channel: channelId, checkpointId: item.checkpointId });
      for (const out of gatePush(state, ps, gate, { kind: 'cancel', channel: gi, checkpointId: item.checkpointId })) actOnGate(rt, ps, st, out);
      break;
    }
    case 'end-of-partition': {
      st.finishedInputs.push(channelId);
      for (const out of gatePush(state, ps, gate, { kind: 'end-of-partition', channel: gi })) actOnGate(rt, ps, st, out);
      channelStateComplete(rt, st, channelId);
      if (st.finishedInputs.length === ps.inputChannels.length) finishSubtask(rt, ps, state.now);
      break;
    }
  }
  st.blockedInputs = gateBlockedChannels(state, ps, gate);
}

/** The aligned-checkpoint timeout fell due: the gate may switch the pending checkpoint to unaligned. */
export function onAlignmentTimer(rt: Runtime, id: number): void {
  const state = rt.state;
  const st = state.subtasks[id];
  const ps = state.plan.subtasks[id];
  if (st.status !== 'RUNNING' || !st.gate) return;
  for (const out of gateTick(state, ps, st.gate)) actOnGate(rt, ps, st, out);
  st.blockedInputs = gateBlockedChannels(state, ps, st.gate);
  requestWake(state, id, Math.max(state.now, st.busyUntil));
}

/** Runs the subtask at the current time for as long as it has work it may do now. */
export function wakeSubtask(rt: Runtime, id: number): void {
  const state = rt.state;
  const st = state.subtasks[id];
  if (st.wakeAt === state.now) st.wakeAt = -1;
  if (st.status !== 'RUNNING') return;
  const ps = state.plan.subtasks[id];
  const op = state.plan.operators[ps.operator];
  const cost = op.costMs * ps.slowFactor;
  // the channel of the record just processed, while nextInput's runner-up still holds (-1: scan)
  let lastRead = -1;
  // whether the gate lets records through (0: not asked yet); only a gate input other than a
  // passing record changes it, and mails are not gate inputs, but asking again after them is cheap
  let passes = 0;
  for (;;) {
    if (st.busyUntil > state.now) {
      requestWake(state, id, st.busyUntil);
      return;
    }
    if (st.mailbox.length) {
      lastRead = -1;
      passes = 0;
      runMail(rt, ps, st, st.mailbox.shift()!);
      if (st.status !== 'RUNNING') return;
      continue;
    }
    if (op.kind === 'source') {
      if (state.stopTheWorld?.paused || st.source!.stopAfter !== undefined) return;
      const partition = sourceNext(rt, ps, st);
      if (partition < 0) {
        finishSubtask(rt, ps, state.now);
        return;
      }
      if (sourceNextAt > state.now) {
        requestWake(state, id, sourceNextAt);
        return;
      }
      if (!outputsHaveCredit(state, ps)) return setBackpressure(rt, id, true);
      setBackpressure(rt, id, false);
      const rec = sourceRead(rt, ps, st, partition);
      st.processed++;
      state.stats.recordsProcessed++;
      st.emitted++;
      routeRecord(rt, ps, rec, state.now + cost);
    } else {
      let channel = lastRead >= 0 ? nextInputAfter(state, lastRead) : -2;
      if (channel === -2) channel = nextInput(state, ps, st);
      lastRead = -1;
      if (channel < 0) return;
      if (nextAt > state.now) {
        requestWake(state, id, nextAt);
        return;
      }
      const priority = nextPriority;
      const runnerUpHolds = runnerUpKnown && !priority;
      const ch = state.channels[channel];
      const item = priority ? ch.priority[0] : ch.items[ch.head];
      if (item.kind !== 'record') {
        setBackpressure(rt, id, false);
        if (priority) {
          ch.priority.shift();
          ch.taken++;
        } else take(ch);
        handleItem(rt, ps, st, channel, item, 0);
        passes = 0;
        if (st.status !== 'RUNNING') return;
        continue;
      }
      if (!outputsHaveCredit(state, ps)) return setBackpressure(rt, id, true);
      setBackpressure(rt, id, false);
      if (priority) {
        ch.priority.shift();
        ch.taken++;
      } else take(ch);
      const producer = state.plan.channels[channel].from;
      if (state.subtasks[producer].backpressured) requestWake(state, producer, state.now);
      if (passes === 0) passes = gatePassesRecords(state, ps, st.gate!) ? 1 : -1;
      if (passes === 1) {
        // a record that passes the gate changes neither which channels are blocked nor whether records pass
        processRecordItem(rt, ps, st, channel, item, state.now + cost);
        if (runnerUpHolds) lastRead = channel;
      } else {
        handleItem(rt, ps, st, channel, item, cost);
        passes = 0;
      }
    }
    if (cost > 0) {
      st.busyUntil = state.now + cost;
      requestWake(state, id, st.busyUntil);
      return;
    }
    if (st.status !== 'RUNNING') return;
  }
}
