import type { SimState } from '../../engine';

// What the graph shows of a subtask, derived from the simulation state and the display time.
// Only primitives, so node components re-render only when something they show changed.

export interface SubtaskView {
  status: string;
  processed: number;
  /** items that arrived on its input channels and wait to be taken */
  queued: number;
  backpressured: boolean;
  /** input gate indices (1-based, as people count) that are blocked for alignment */
  blocked: string;
  /** checkpoint being aligned here */
  aligning: number;
  /** input gate indices (1-based) whose barrier is still awaited */
  /** producers whose barrier the alignment still waits for, by name, and how many */
  waitingFor: string;
  waitingCount: number;
  snapshot: string;
  offsets: string;
  sinkCount: number;
  lastReceived: string;
}

export function arrivedCount(state: SimState, channel: number, displayTime: number): number {
  const ch = state.channels[channel];
  let n = 0;
  for (let i = ch.head; i < ch.items.length && ch.items[i].deliverAt <= displayTime; i++) n++;
  return n;
}

export function subtaskView(state: SimState, sid: number, displayTime: number): SubtaskView {
  const ps = state.plan.subtasks[sid];
  const st = state.subtasks[sid];
  let queued = 0;
  for (const c of ps.inputChannels) queued += arrivedCount(state, c, displayTime);
  const blocked = st.blockedInputs.map((c) => state.plan.channels[c].gateIndex + 1).sort((a, b) => a - b).join(', ');
  const al = st.alignment;
  const aligning = al && !al.triggered ? al.checkpointId : 0;
  // the producers whose barrier has not come yet, by name: "input 3" means nothing to a reader
  const waiting = aligning ? ps.inputChannels.filter((c) => !al!.channels.includes(c) && !st.finishedInputs.includes(c)).map((c) => state.plan.subtasks[state.plan.channels[c].from].name) : [];
  const waitingFor = waiting.join(', ');
  const snap = st.snapshots[st.snapshots.length - 1];
  const snapshot = !snap ? '' : snap.syncEndsAt > displayTime ? `sync snapshot #${snap.checkpointId}` : snap.uploaded ? `persisting channel state #${snap.checkpointId}` : `async upload #${snap.checkpointId}`;
  const offsets = st.source ? st.source.partitions.map((p) => `p${p}@${st.source!.offsets[p]}`).join(' ') : '';
  const last = st.sink?.received[st.sink.received.length - 1];
  return {
    status: st.status, processed: st.processed, queued, backpressured: st.backpressured, blocked, aligning, waitingFor, waitingCount: waiting.length, snapshot, offsets,
    sinkCount: st.sink?.count ?? 0, lastReceived: last ? `${last.key}=${last.value}` : '',
  };
}

/** Number of records in flight or waiting in channels: what the frame-time benchmark reports. */
export function recordsInFlight(state: SimState): number {
  let n = 0;
  for (const ch of state.channels) n += ch.records;
  return n;
}
