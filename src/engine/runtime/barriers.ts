import type { ChannelItem, PlanSubtask, Rec, SimState } from '../model/types';
import { deliveryTime } from './channels';
import { requestWake, type Runtime } from './runtime';

// Barriers and cancellation markers on the output side. An aligned barrier queues behind the
// records already in the channel. An unaligned barrier travels in the channel's priority lane and
// overtakes them: whatever records sent before it are still in the channel when the consumer
// takes it become that checkpoint's channel state (`overtakenBy`).

type BarrierItem = Extract<ChannelItem, { kind: 'barrier' }>;

export function emitAlignedEvent(rt: Runtime, ps: PlanSubtask, make: (seq: number, sentAt: number, deliverAt: number) => ChannelItem, sentAt: number): void {
  const state = rt.state;
  for (const out of ps.outputs) {
    for (const c of out.channels) {
      const ch = state.channels[c];
      const deliverAt = deliveryTime(state, ch, sentAt);
      ch.items.push(make(state.seq++, sentAt, deliverAt));
      ch.sent++;
      requestWake(state, state.plan.channels[c].to, deliverAt);
    }
  }
}

function pushPriority(state: SimState, channel: number, item: BarrierItem): void {
  const lane = state.channels[channel].priority;
  lane.push(item);
  lane.sort((a, b) => a.deliverAt - b.deliverAt || a.seq - b.seq);
}

export function emitUnalignedBarrier(rt: Runtime, ps: PlanSubtask, checkpointId: number, timestamp: number, sentAt: number): void {
  const state = rt.state;
  for (const out of ps.outputs) {
    for (const c of out.channels) {
      const ch = state.channels[c];
      const last = ch.priority[ch.priority.length - 1];
      const deliverAt = Math.max(sentAt + ch.latencyMs, last ? last.deliverAt : 0);
      pushPriority(state, c, { kind: 'barrier', checkpointId, timestamp, seq: state.seq++, sentAt, deliverAt, unaligned: true, savepoint: false });
      ch.sent++;
      requestWake(state, state.plan.channels[c].to, deliverAt);
    }
  }
}

/** A queued aligned barrier of a checkpoint that timed out into unaligned moves to the priority lane. */
export function prioritiseQueuedBarriers(state: SimState, channels: number[], checkpointId: number): void {
  for (const c of channels) {
    const ch = state.channels[c];
    for (let i = ch.head; i < ch.items.length; i++) {
      const item = ch.items[i];
      if (item.kind === 'barrier' && item.checkpointId === checkpointId) {
        ch.items.splice(i, 1);
        pushPriority(state, c, { ...item, unaligned: true });
        break;
      }
    }
  }
}

/** Records still in the channel that were sent before this (priority) barrier. */
export function overtakenBy(state: SimState, channel: number, barrierSeq: number): Rec[] {
  const ch = state.channels[channel];
  const out: Rec[] = [];
  for (let i = ch.head; i < ch.items.length; i++) {
    const item = ch.items[i];
    if (item.seq > barrierSeq) break;
    if (item.kind === 'record') out.push(item.rec);
  }
  return out;
}
