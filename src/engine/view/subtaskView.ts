import { stableIdsOf } from '../ids';
import type { OperatorKind, SubtaskStatus } from '../model/types';
import type { SimState } from '../sim/state';
import { gateOptionsFor } from '../runtime/gate';

// What the page shows of a subtask at display time. The engine has run every event up to the
// display time; only what travels (channel items) can be ahead of it.

/**
 * A checkpoint whose barriers the subtask's input gate is collecting. Exactly-once, the gate
 * aligns: it stops reading each input whose barrier came (`blocked`) until the last one is in.
 * At-least-once, Flink's barrier tracker only counts barriers: every input is still read.
 */
export interface BarrierWaitView {
  mode: 'aligning' | 'tracking';
  checkpointId: number;
  /** input channels (stable ids) whose barrier came */
  arrived: string[];
  /** producers (stable subtask ids) whose barrier is still to come, and their names */
  waitingFor: string[];
  waitingForNames: string[];
}

export type SnapshotPhase = 'sync' | 'async' | 'channel-state';

export interface SubtaskView {
  /** stable id: `count/1` */
  id: string;
  subtask: number;
  operatorId: string;
  index: number;
  /** Flink's name: "Keyed Count (2/2)" */
  name: string;
  kind: OperatorKind;
  keyGroupRange: [number, number] | null;
  taskManager: number;
  slowFactor: number;
  status: SubtaskStatus;
  processed: number;
  /** items that arrived on its input channels and wait to be taken */
  queued: number;
  backpressured: boolean;
  /** input channels (stable ids) the task does not read now */
  blocked: string[];
  barrier: BarrierWaitView | null;
  /** the newest snapshot under way here */
  snapshot: { phase: SnapshotPhase; checkpointId: number } | null;
  /** sources: next offset per assigned partition */
  offsets: { partition: number; offset: number }[];
  sink: { count: number; last: { key: string; value: number } | null } | null;
}

/** Items on a channel that have arrived by display time and wait to be taken. */
export function arrivedCount(state: SimState, channel: number, displayTime: number): number {
  const ch = state.channels[channel];
  let n = 0;
  for (let i = ch.head; i < ch.items.length && ch.items[i].deliverAt <= displayTime; i++) n++;
  return n;
}

function barrierWait(state: SimState, sid: number): BarrierWaitView | null {
  const ps = state.plan.subtasks[sid];
  const st = state.subtasks[sid];
  const al = st.alignment;
  if (!al || al.triggered || !st.gate) return null;
  const ids = stableIdsOf(state.plan);
  const waiting = ps.inputChannels.filter((c) => !al.channels.includes(c) && !st.finishedInputs.includes(c)).map((c) => state.plan.channels[c].from);
  return {
    mode: gateOptionsFor(state, ps).mode === 'at-least-once' ? 'tracking' : 'aligning',
    checkpointId: al.checkpointId,
    arrived: al.channels.map((c) => ids.channels[c]),
    waitingFor: waiting.map((s) => ids.subtasks[s]),
    waitingForNames: waiting.map((s) => state.plan.subtasks[s].name),
  };
}

function snapshotOf(state: SimState, sid: number, displayTime: number): SubtaskView['snapshot'] {
  const snaps = state.subtasks[sid].snapshots;
  const snap = snaps[snaps.length - 1];
  if (!snap) return null;
  // uploaded but not acknowledged: an unaligned snapshot still persisting its channel state
  const phase: SnapshotPhase = snap.syncEndsAt > displayTime ? 'sync' : snap.uploaded ? 'channel-state' : 'async';
  return { phase, checkpointId: snap.checkpointId };
}

export function subtaskView(state: SimState, sid: number, displayTime: number): SubtaskView {
  const plan = state.plan;
  const ps = plan.subtasks[sid];
  const op = plan.operators[ps.operator];
  const st = state.subtasks[sid];
  const ids = stableIdsOf(plan);
  let queued = 0;
  for (const c of ps.inputChannels) queued += arrivedCount(state, c, displayTime);
  const last = st.sink?.received[st.sink.received.length - 1];
  return {
    id: ids.subtasks[sid],
    subtask: sid,
    operatorId: op.id,
    index: ps.index,
    name: ps.name,
    kind: op.kind,
    keyGroupRange: ps.keyGroupRange ? [ps.keyGroupRange[0], ps.keyGroupRange[1]] : null,
    taskManager: ps.taskManager,
    slowFactor: ps.slowFactor,
    status: st.status,
    processed: st.processed,
    queued,
    backpressured: st.backpressured,
    blocked: [...st.blockedInputs].sort((a, b) => plan.channels[a].gateIndex - plan.channels[b].gateIndex).map((c) => ids.channels[c]),
    barrier: barrierWait(state, sid),
    snapshot: snapshotOf(state, sid, displayTime),
    offsets: st.source ? st.source.partitions.map((p) => ({ partition: p, offset: st.source!.offsets[p] })) : [],
    sink: st.sink ? { count: st.sink.count, last: last ? { key: last.key, value: last.value } : null } : null,
  };
}

/** Number of records in flight or waiting in channels: what the frame-time benchmark reports. */
export function recordsInFlight(state: SimState): number {
  let n = 0;
  for (const ch of state.channels) n += ch.records;
  return n;
}

/**
 * How the subtask's input gate handles barriers under the configuration in force: aligned,
 * unaligned, or Flink's barrier tracker (at-least-once). Null for a task without inputs.
 */
export function barrierHandlingOf(state: SimState, sid: number): 'aligned' | 'unaligned' | 'at-least-once' | null {
  const ps = state.plan.subtasks[sid];
  return ps.inputChannels.length ? gateOptionsFor(state, ps).mode : null;
}
