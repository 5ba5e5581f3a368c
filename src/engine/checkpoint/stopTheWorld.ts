import type { SimState } from '../sim/state';
import { requestWake, type Runtime } from '../runtime/runtime';
import { performCheckpoint } from '../runtime/checkpointing';

// The naive algorithm Flink avoids, as a teaching mode: stop the sources, wait until nothing is
// in flight anywhere, snapshot every task at once, then let the sources go on. Consistent, but
// the whole job stands still for the drain and the snapshot: its cost shows next to barriers.

export function startStopTheWorld(state: SimState, checkpointId: number): void {
  state.stopTheWorld = { checkpointId, paused: true, phase: 'draining' };
}

function drained(state: SimState): boolean {
  for (const ch of state.channels) if (ch.head < ch.items.length || ch.priority.length) return false;
  for (const st of state.subtasks) {
    if (st.status === 'RUNNING' && (st.busyUntil > state.now || st.mailbox.length)) return false;
  }
  return true;
}

/** Called after every event while the world is stopped: once drained, every task snapshots. */
export function checkStopTheWorld(rt: Runtime): void {
  const state = rt.state;
  const stw = state.stopTheWorld;
  if (!stw || stw.phase !== 'draining' || !drained(state)) return;
  stw.phase = 'snapshotting';
  rt.emit({ type: 'world-stopped', time: state.now, checkpointId: stw.checkpointId });
  for (const ps of state.plan.subtasks) {
    const st = state.subtasks[ps.id];
    if (st.status !== 'RUNNING') continue;
    performCheckpoint(rt, ps, st, {
      checkpointId: stw.checkpointId, timestamp: state.now, unaligned: false, savepoint: false,
      alignmentMs: 0, startDelayMs: 0, processedBytes: 0, awaitingChannels: [],
    }, false);
  }
}

/** The checkpoint completed or failed: the sources go on. */
export function resumeTheWorld(rt: Runtime, checkpointId: number): void {
  const state = rt.state;
  if (state.stopTheWorld?.checkpointId !== checkpointId) return;
  state.stopTheWorld = null;
  rt.emit({ type: 'world-resumed', time: state.now, checkpointId });
  for (const ps of state.plan.subtasks) {
    if (state.plan.operators[ps.operator].kind === 'source') requestWake(state, ps.id, Math.max(state.now, state.subtasks[ps.id].busyUntil));
  }
}
