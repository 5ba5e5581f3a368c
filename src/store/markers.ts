import type { SimState } from '../engine';
import type { TimelineMarker } from './appState';

/** What the timeline marks, read off the state at the head of the run. */
export function markersOf(state: SimState): TimelineMarker[] {
  const out: TimelineMarker[] = [];
  for (const h of state.coordinator.history) {
    out.push({ time: h.triggerTime, kind: h.isSavepoint ? 'savepoint' : 'trigger', label: `${h.isSavepoint ? 'savepoint' : 'checkpoint'} ${h.id} triggered` });
    if (h.status === 'COMPLETED' && h.latestAckTime !== null) out.push({ time: h.latestAckTime, kind: 'completed', label: `checkpoint ${h.id} completed` });
    if (h.status === 'FAILED' && h.failureTime !== null) out.push({ time: h.failureTime, kind: 'failed', label: `checkpoint ${h.id} failed` });
  }
  for (const r of state.restores) out.push({ time: r.restore_timestamp, kind: 'restored', label: `restored from checkpoint ${r.id}` });
  for (const f of state.recovery.struck) out.push({ time: f.time, kind: 'fault', label: f.label });
  return out;
}
