import type { ChannelItem, ChannelState } from '../model/types';
import type { SimState } from '../sim/state';
import { nextRandom } from '../sim/rng';

// A channel is a FIFO from one producer subtask to one consumer subtask with a latency (plus
// seeded jitter) and a capacity in records: Flink's credits. Items carry sentAt and deliverAt, so
// the page can draw each one where it is at any display time.

export function createChannel(latencyMs: number, jitterMs: number, capacity: number): ChannelState {
  return { items: [], head: 0, records: 0, capacity, priority: [], latencyMs, jitterMs, lastDeliverAt: 0, sent: 0, taken: 0 };
}

export function hasCredit(ch: ChannelState): boolean {
  return ch.records < ch.capacity;
}

/** Delivery time of an item sent now: latency plus jitter, never before the previous item (FIFO). */
export function deliveryTime(state: SimState, ch: ChannelState, sentAt: number): number {
  const jitter = ch.jitterMs > 0 ? nextRandom(state) * ch.jitterMs : 0;
  const at = Math.max(sentAt + ch.latencyMs + jitter, ch.lastDeliverAt);
  ch.lastDeliverAt = at;
  return at;
}

export function enqueue(ch: ChannelState, item: ChannelItem): void {
  ch.items.push(item);
  ch.sent++;
  if (item.kind === 'record') ch.records++;
}

export function peek(ch: ChannelState): ChannelItem | undefined {
  return ch.items[ch.head];
}

export function take(ch: ChannelState): ChannelItem {
  const item = ch.items[ch.head++];
  ch.taken++;
  if (item.kind === 'record') ch.records--;
  // Compact now and then so the array does not grow without bound.
  if (ch.head > 32 && ch.head * 2 > ch.items.length) {
    ch.items = ch.items.slice(ch.head);
    ch.head = 0;
  }
  return item;
}

/** Items still in the channel, oldest first. */
export function pending(ch: ChannelState): ChannelItem[] {
  return ch.items.slice(ch.head);
}

export function clearChannel(ch: ChannelState): ChannelItem[] {
  const dropped = pending(ch);
  ch.items = [];
  ch.head = 0;
  ch.records = 0;
  return dropped;
}
