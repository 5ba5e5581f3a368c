import type { ChannelItem, PlanSubtask, SimState, StateValue, SubtaskState } from '../model/types';
import { assignToKeyGroup } from '../kernels/keyGroups';
import { peek, take } from './channels';
import type { KeyContext } from './keyedState';
import { processRecord } from './operators';
import { broadcastEvent, outputsHaveCredit, routeRecord } from './routing';
import { requestWake, type Runtime } from './runtime';
import { sourceNext, sourceRead } from './source';

// A subtask is single-threaded, like a Flink task's mailbox: it takes one input at a time, from
// the earliest-arrived item among the channels it may read, and is busy for the operator's cost.
// It only starts on a record when every output channel has credit; otherwise it is back-pressured
// until its consumer takes something.

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

/** The input channel to read next, or the time something arrives (Infinity: nothing in sight). */
function nextInput(state: SimState, ps: PlanSubtask, st: SubtaskState): { channel: number; at: number } {
  let best = -1;
  let bestAt = Infinity;
  let bestSeq = Infinity;
  for (const c of ps.inputChannels) {
    if (st.blockedInputs.length && st.blockedInputs.includes(c)) continue;
    const item = peek(state.channels[c]);
    if (!item) continue;
    if (item.deliverAt < bestAt || (item.deliverAt === bestAt && item.seq < bestSeq)) {
      best = c;
      bestAt = item.deliverAt;
      bestSeq = item.seq;
    }
  }
  return { channel: best, at: bestAt };
}

function setBackpressure(rt: Runtime, id: number, on: boolean): void {
  const st = rt.state.subtasks[id];
  if (st.backpressured === on) return;
  st.backpressured = on;
  rt.emit({ type: 'backpressure', time: rt.state.now, subtask: id, on });
}

function keyContextFor(rt: Runtime, ps: PlanSubtask, st: SubtaskState): KeyContext {
  const ctx: KeyContext = {
    table: st.keyed,
    key: null,
    keyGroup: -1,
    onUpdate: (state: string, value: StateValue | undefined) => {
      rt.emit({
        type: 'state-updated', time: rt.state.now, subtask: ps.id, keyGroup: ctx.keyGroup, key: ctx.key!, state,
        value: value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
      });
    },
  };
  return ctx;
}

function finish(rt: Runtime, ps: PlanSubtask, at: number): void {
  const state = rt.state;
  state.subtasks[ps.id].status = 'FINISHED';
  broadcastEvent(rt, ps, (seq, sentAt, deliverAt) => ({ kind: 'end-of-partition', seq, sentAt, deliverAt }), at);
  rt.emit({ type: 'subtask-finished', time: state.now, subtask: ps.id });
  if (state.subtasks.every((s) => s.status === 'FINISHED')) {
    state.job.status = 'FINISHED';
    rt.emit({ type: 'job-status', time: state.now, status: 'FINISHED' });
  }
}

function handleInput(rt: Runtime, ps: PlanSubtask, st: SubtaskState, channelId: number, item: ChannelItem, sentAt: number): void {
  const state = rt.state;
  const op = state.plan.operators[ps.operator];
  switch (item.kind) {
    case 'record': {
      const rec = item.rec;
      rt.emit({ type: 'record-processed', time: state.now, subtask: ps.id, channel: channelId, seq: item.seq, key: rec.key });
      st.processed++;
      state.stats.recordsProcessed++;
      state.stats.recordHops++;
      if (op.kind === 'sink') {
        const sink = st.sink!;
        sink.count++;
        const retain = op.params.retain ?? -1;
        if (retain !== 0) {
          sink.received.push(rec);
          if (retain > 0 && sink.received.length > retain) sink.received.shift();
        }
        rt.emit({ type: 'sink-received', time: state.now, subtask: ps.id, key: rec.key, value: rec.value });
        return;
      }
      let ctx = rt.keyContexts[ps.id];
      if (!ctx || ctx.table !== st.keyed) ctx = rt.keyContexts[ps.id] = keyContextFor(rt, ps, st);
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
      const input = state.plan.edges[state.plan.channels[channelId].edge].inputIndex;
      processRecord(op, rec, input, ctx, (out) => {
        st.emitted++;
        routeRecord(rt, ps, out, sentAt);
      });
      return;
    }
    case 'end-of-partition': {
      st.finishedInputs.push(channelId);
      if (st.finishedInputs.length === ps.inputChannels.length) finish(rt, ps, sentAt);
      return;
    }
    default:
      // Barriers and cancellation markers are handled once checkpointing is wired in.
      return;
  }
}

/** Runs the subtask at the current time for as long as it has work it may do now. */
export function wakeSubtask(rt: Runtime, id: number): void {
  const state = rt.state;
  const st = state.subtasks[id];
  if (st.wakeAt === state.now) st.wakeAt = -1;
  if (st.status !== 'RUNNING') return;
  if (st.busyUntil > state.now) {
    requestWake(state, id, st.busyUntil);
    return;
  }
  const ps = state.plan.subtasks[id];
  const op = state.plan.operators[ps.operator];
  const cost = op.costMs * ps.slowFactor;
  for (;;) {
    if (op.kind === 'source') {
      const next = sourceNext(rt, ps, st);
      if (next.done) {
        finish(rt, ps, state.now);
        return;
      }
      if (next.at > state.now) {
        requestWake(state, id, next.at);
        return;
      }
      if (!outputsHaveCredit(state, ps)) return setBackpressure(rt, id, true);
      setBackpressure(rt, id, false);
      const rec = sourceRead(rt, ps, st, next.partition);
      st.processed++;
      state.stats.recordsProcessed++;
      st.emitted++;
      routeRecord(rt, ps, rec, state.now + cost);
    } else {
      const next = nextInput(state, ps, st);
      if (next.channel < 0) return;
      if (next.at > state.now) {
        requestWake(state, id, next.at);
        return;
      }
      const item = peek(state.channels[next.channel])!;
      if (item.kind === 'record' && !outputsHaveCredit(state, ps)) return setBackpressure(rt, id, true);
      setBackpressure(rt, id, false);
      take(state.channels[next.channel]);
      const producer = state.plan.channels[next.channel].from;
      if (state.subtasks[producer].backpressured) requestWake(state, producer, state.now);
      handleInput(rt, ps, st, next.channel, item, state.now + (item.kind === 'record' ? cost : 0));
      if (item.kind !== 'record') {
        if (st.status !== 'RUNNING') return;
        continue;
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
