import type { ChannelItem, PlanSubtask, Rec } from '../model/types';
import type { SimState } from '../sim/state';
import { deliveryTime } from './channels';
import { requestWake, type Runtime } from './runtime';

// Barriers and cancellation markers on the output side. An aligned barrier queues behind the
// records already in the channel. An unaligned barrier travels in the channel's priority lane and
// overtakes them. The records it overtakes become that checkpoint's channel state, split as Flink
// splits it: those behind the barrier on the wire (arriving with or after it) are the producer's
// output channel state, those ahead of it are the consumer's input channel state (`overtakenBy`,
// taken when the consumer reads the barrier).

type BarrierItem = Extract<ChannelItem, { kind: 'barrier' }>;

/**
 * Flink checkpoints pointwise (forward) and broadcast exchanges aligned even when unaligned
 * checkpoints are on: a barrier on such a channel never overtakes, and never times out into one
 * that does. Only all-to-all exchanges (keyBy, rebalance) carry unaligned barriers.
 */
export function partitionerCarriesUnalignedBarriers(partitioner: string): boolean {
  return partitioner !== 'forward' && partitioner !== 'broadcast';
}

export function carriesUnalignedBarriers(state: SimState, channel: number): boolean {
  return partitionerCarriesUnalignedBarriers(state.scenario.edges[state.plan.channels[channel].edge].partitioner);
}

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

/** Emits an unaligned barrier on every output channel; returns the output channel state it overtook. */
export function emitUnalignedBarrier(rt: Runtime, ps: PlanSubtask, checkpointId: number, timestamp: number, sentAt: number): { [channel: string]: Rec[] } {
  const state = rt.state;
  const outputState: { [channel: string]: Rec[] } = {};
  for (const out of ps.outputs) {
    for (const c of out.channels) {
      const ch = state.channels[c];
      if (!carriesUnalignedBarriers(state, c)) {
        const at = deliveryTime(state, ch, sentAt);
        ch.items.push({ kind: 'barrier', checkpointId, timestamp, seq: state.seq++, sentAt, deliverAt: at, unaligned: false, savepoint: false });
        ch.sent++;
        requestWake(state, state.plan.channels[c].to, at);
        continue;
      }
      const last = ch.priority[ch.priority.length - 1];
      const deliverAt = Math.max(sentAt + ch.latencyMs, last ? last.deliverAt : 0);
      // The consumer reads the barrier once it arrives, before any record arriving with or after it.
      const pending: Rec[] = [];
      for (let i = ch.head; i < ch.items.length; i++) {
        const item = ch.items[i];
        if (item.kind === 'record' && item.deliverAt >= deliverAt) pending.push(item.rec);
      }
      if (pending.length) outputState[c] = pending;
      pushPriority(state, c, { kind: 'barrier', checkpointId, timestamp, seq: state.seq++, sentAt, deliverAt, unaligned: true, savepoint: false, outputPersistedFrom: deliverAt });
      ch.sent++;
      requestWake(state, state.plan.channels[c].to, deliverAt);
    }
  }
  return outputState;
}

/** A queued aligned barrier of a checkpoint that timed out into unaligned moves to the priority lane. */
export function prioritiseQueuedBarriers(state: SimState, channels: number[], checkpointId: number): void {
  for (const c of channels) {
    if (!carriesUnalignedBarriers(state, c)) continue;
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

/**
 * Output side of aligned-with-timeout (Flink's timeoutable barrier in a subpartition): once the
 * checkpoint has timed out, a barrier still queued behind records in one of this producer's
 * channels moves to the priority lane, so the consumer sees it, and converts, without waiting for
 * the records ahead of it.
 */
export function onOutputBarrierTimeout(rt: Runtime, producer: number, checkpointId: number): void {
  const state = rt.state;
  if (state.subtasks[producer].status !== 'RUNNING') return;
  for (const out of state.plan.subtasks[producer].outputs) {
    for (const c of out.channels) {
      if (!carriesUnalignedBarriers(state, c)) continue;
      const ch = state.channels[c];
      let queued = false;
      for (let i = ch.head; i < ch.items.length && !queued; i++) {
        const item = ch.items[i];
        queued = item.kind === 'barrier' && item.checkpointId === checkpointId;
      }
      if (!queued) continue;
      prioritiseQueuedBarriers(state, [c], checkpointId);
      rt.emit({ type: 'barrier-timed-out', time: state.now, subtask: producer, channel: c, checkpointId });
      const consumer = state.plan.channels[c].to;
      requestWake(state, consumer, Math.max(state.now, state.subtasks[consumer].busyUntil));
    }
  }
}

/** Records still in the channel that this (priority) barrier overtook and the producer did not persist. */
export function overtakenBy(state: SimState, channel: number, barrier: BarrierItem): Rec[] {
  const ch = state.channels[channel];
  const upTo = barrier.outputPersistedFrom ?? Infinity;
  const out: Rec[] = [];
  for (let i = ch.head; i < ch.items.length; i++) {
    const item = ch.items[i];
    if (item.seq > barrier.seq) break;
    if (item.kind === 'record' && item.deliverAt < upTo) out.push(item.rec);
  }
  return out;
}
