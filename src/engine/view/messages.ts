import { settingsOf } from '../checkpoint/settings';
import { formatCheckpointId, stableIdsOf } from '../ids';
import type { ChannelItem } from '../model/types';
import type { SimState } from '../sim/state';

// Everything that travels at display time, with when it left and when it arrives: records and
// barriers on channels, the JobManager's RPCs to the tasks and the tasks' answers, snapshot
// uploads to checkpoint storage. The page draws these; it never reads the event queue itself.

interface Travel {
  /** unique among the messages of the moment */
  id: string;
  /** stable ids of what it concerns: its channel or subtask, and its checkpoint */
  ids: readonly string[];
  sentAt: number;
  deliverAt: number;
}

interface OnChannel extends Travel {
  channel: number;
  seq: number;
  /** arrived items ahead of it in its channel, waiting to be taken (-1: not arrived yet) */
  waitingAhead: number;
}

export type ChannelMessage =
  | OnChannel & { kind: 'record'; key: string; /** unaligned: overtaken by a barrier, so part of that checkpoint's channel state */ persisted: boolean }
  | OnChannel & { kind: 'barrier'; checkpointId: number; unaligned: boolean; /** 'priority': overtakes the queued records */ lane: 'aligned' | 'priority' }
  | OnChannel & { kind: 'cancel-marker'; checkpointId: number };

/** JobManager -> task: trigger (sources) and notifications; task -> JobManager: ack, decline; task -> storage: upload. */
export type RpcKind = 'trigger' | 'notify-complete' | 'notify-aborted' | 'ack' | 'decline' | 'upload';

export interface RpcMessage extends Travel {
  kind: RpcKind;
  subtask: number;
  checkpointId: number;
}

export type MessageView = ChannelMessage | RpcMessage;

/**
 * What is on one channel at display time, in channel order (the priority lane first). Without
 * `records`, only the barriers and cancellation markers (what an edge draws itself, records being
 * a canvas's work: see visitChannelRecords).
 */
export function channelMessages(state: SimState, channel: number, displayTime: number, records = true): ChannelMessage[] {
  const ch = state.channels[channel];
  const cid = stableIdsOf(state.plan).channels[channel];
  const onlyChannel = [cid];
  const out: ChannelMessage[] = [];
  // records sent before an unaligned barrier that overtook them are that checkpoint's channel state
  let persistedBelow = -1;
  for (const it of ch.priority) {
    if (it.kind !== 'barrier' || displayTime < it.sentAt) continue;
    if (it.unaligned) persistedBelow = Math.max(persistedBelow, it.seq);
    out.push({ kind: 'barrier', id: `${cid}@${it.seq}`, ids: [cid, formatCheckpointId(it.checkpointId)], sentAt: it.sentAt, deliverAt: it.deliverAt, channel, seq: it.seq, waitingAhead: it.deliverAt <= displayTime ? 0 : -1, checkpointId: it.checkpointId, unaligned: it.unaligned, lane: 'priority' });
  }
  // without records, a main lane holding nothing but records has nothing to tell: the edges of a
  // busy job ask every frame, and walking 6,000 records for no barrier was a frame's selector work
  if (!records && ch.items.length - ch.head === ch.records) return out;
  let waiting = 0;
  for (let i = ch.head; i < ch.items.length; i++) {
    const it: ChannelItem = ch.items[i];
    if (displayTime < it.sentAt) continue;
    const arrived = it.deliverAt <= displayTime;
    if (!records && it.kind === 'record') {
      if (arrived) waiting++;
      continue;
    }
    const base = { id: `${cid}@${it.seq}`, sentAt: it.sentAt, deliverAt: it.deliverAt, channel, seq: it.seq, waitingAhead: arrived ? waiting : -1 };
    if (arrived) waiting++;
    if (it.kind === 'record') out.push({ ...base, kind: 'record', ids: onlyChannel, key: it.rec.key, persisted: it.seq < persistedBelow });
    else if (it.kind === 'barrier') out.push({ ...base, kind: 'barrier', ids: [cid, formatCheckpointId(it.checkpointId)], checkpointId: it.checkpointId, unaligned: it.unaligned, lane: 'aligned' });
    else if (it.kind === 'cancel') out.push({ ...base, kind: 'cancel-marker', ids: [cid, formatCheckpointId(it.checkpointId)], checkpointId: it.checkpointId });
  }
  return out;
}

/** Called per record on a channel at display time: where it is (waitingAhead as in ChannelMessage), whether it is channel state, its seq. */
export type RecordVisitor = (key: string, sentAt: number, deliverAt: number, waitingAhead: number, persisted: boolean, seq: number) => void;

/**
 * The records of channelMessages, told to `visit` in the same order with the same figures, with
 * nothing allocated per record: a page draws thousands of them every frame.
 */
export function visitChannelRecords(state: SimState, channel: number, displayTime: number, visit: RecordVisitor): void {
  const ch = state.channels[channel];
  let persistedBelow = -1;
  for (const it of ch.priority) {
    if (it.kind === 'barrier' && displayTime >= it.sentAt && it.unaligned) persistedBelow = Math.max(persistedBelow, it.seq);
  }
  let waiting = 0;
  const items = ch.items;
  for (let i = ch.head; i < items.length; i++) {
    const it = items[i];
    if (displayTime < it.sentAt) continue;
    const arrived = it.deliverAt <= displayTime;
    if (it.kind === 'record') visit(it.rec.key, it.sentAt, it.deliverAt, arrived ? waiting : -1, it.seq < persistedBelow, it.seq);
    if (arrived) waiting++;
  }
}

/** Messages between the JobManager, the tasks and checkpoint storage, under way at display time. */
export function rpcMessages(state: SimState, displayTime: number): RpcMessage[] {
  const rpc = settingsOf(state).rpcLatencyMs;
  const subtaskIds = stableIdsOf(state.plan).subtasks;
  const out: RpcMessage[] = [];
  const add = (kind: RpcKind, seq: number, subtask: number, checkpointId: number, sentAt: number, deliverAt: number) => {
    if (displayTime <= sentAt || displayTime >= deliverAt || subtaskIds[subtask] === undefined) return;
    out.push({ kind, id: `${kind}@${seq}`, ids: [subtaskIds[subtask], formatCheckpointId(checkpointId)], sentAt, deliverAt, subtask, checkpointId });
  };
  for (const q of state.queue) {
    const ev = q.event;
    switch (ev.kind) {
      case 'mail': {
        const kind = ev.mail.kind === 'trigger-checkpoint' ? 'trigger' : ev.mail.kind;
        add(kind, q.seq, ev.subtask, ev.mail.checkpointId, q.time - rpc, q.time);
        break;
      }
      case 'cp-ack':
        add('ack', q.seq, ev.ack.subtask, ev.checkpointId, q.time - rpc, q.time);
        break;
      case 'cp-decline':
        add('decline', q.seq, ev.subtask, ev.checkpointId, q.time - rpc, q.time);
        break;
      case 'snapshot-uploaded': {
        // the asynchronous part starts when the synchronous one ends
        const snap = state.subtasks[ev.subtask]?.snapshots.find((x) => x.checkpointId === ev.checkpointId);
        if (snap) add('upload', q.seq, ev.subtask, ev.checkpointId, snap.syncEndsAt, q.time);
        break;
      }
    }
  }
  // the queue is a heap: its order means nothing to a reader
  return out.sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id));
}

/** Every message under way at display time: on each channel, then the RPCs. */
export function messagesInFlight(state: SimState, displayTime: number): MessageView[] {
  const out: MessageView[] = [];
  for (const c of state.plan.channels) out.push(...channelMessages(state, c.id, displayTime));
  out.push(...rpcMessages(state, displayTime));
  return out;
}
