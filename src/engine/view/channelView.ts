import { stableIdsOf } from '../ids';
import type { SimState } from '../sim/state';

// What the page shows of a channel at display time: how full it is, whether its consumer reads
// it, what travels on it. Its barriers and markers come from messages.ts.

export interface ChannelView {
  /** stable id: `map/0->count/1` */
  id: string;
  channel: number;
  /** stable ids of its producer and consumer subtasks */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** records in the channel (credits used) and its capacity */
  records: number;
  capacity: number;
  fill: number;
  /** the consumer does not read it now: it delivered its barrier and the consumer aligns */
  blocked: boolean;
  /** items sent by display time that have not arrived yet */
  inFlight: number;
  /** items that arrived and wait to be taken */
  arrived: number;
}

/** What channelView tells apart from the counts by display time, which take a walk of every item. */
export type ChannelShape = Omit<ChannelView, 'inFlight' | 'arrived'>;

/** The channel's view without its counts by display time: an edge drawn every frame needs no walk. */
export function channelShape(state: SimState, channel: number): ChannelShape {
  const pc = state.plan.channels[channel];
  const ch = state.channels[channel];
  const ids = stableIdsOf(state.plan);
  return {
    id: ids.channels[channel],
    channel,
    from: ids.subtasks[pc.from],
    to: ids.subtasks[pc.to],
    fromName: state.plan.subtasks[pc.from].name,
    toName: state.plan.subtasks[pc.to].name,
    records: ch.records,
    capacity: ch.capacity,
    fill: ch.capacity > 0 ? ch.records / ch.capacity : 0,
    blocked: state.subtasks[pc.to].blockedInputs.includes(channel),
  };
}

export function channelView(state: SimState, channel: number, displayTime: number): ChannelView {
  const ch = state.channels[channel];
  let inFlight = 0;
  let arrived = 0;
  const count = (items: SimState['channels'][number]['items'], from: number) => {
    for (let i = from; i < items.length; i++) {
      const it = items[i];
      if (it.deliverAt <= displayTime) arrived++;
      else if (it.sentAt <= displayTime) inFlight++;
    }
  };
  count(ch.items, ch.head);
  count(ch.priority, 0);
  return { ...channelShape(state, channel), inFlight, arrived };
}
