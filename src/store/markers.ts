import type { CheckpointRecord, SimState } from '../engine';
import type { TimelineMarker } from './appState';

// What the timeline marks, read off the state at the head of the run. The run's store asks after
// every move of the engine (every frame while it plays), while the marks change only when a
// checkpoint starts or ends, a fault strikes or the job is restored: the answer is the same array
// until then, so the timeline draws its marks again only when they changed, and a long run's
// history is not read through every frame.

function recordMarks(h: CheckpointRecord, out: TimelineMarker[]): void {
  out.push({ time: h.triggerTime, kind: h.isSavepoint ? 'savepoint' : 'trigger', label: `${h.isSavepoint ? 'savepoint' : 'checkpoint'} ${h.id} triggered` });
  if (h.status === 'COMPLETED' && h.latestAckTime !== null) out.push({ time: h.latestAckTime, kind: 'completed', label: `checkpoint ${h.id} completed` });
  if (h.status === 'FAILED' && h.failureTime !== null) out.push({ time: h.failureTime, kind: 'failed', label: `checkpoint ${h.id} failed` });
}

/**
 * What is known of one history array (the engine appends to it; a record changes only while it is
 * IN_PROGRESS): the marks of its settled records, the first `settled` of them (none in progress),
 * and the last answer with what it was made of.
 */
interface Known {
  settled: number;
  settledLast: CheckpointRecord | undefined;
  settledMarks: TimelineMarker[];
  key: string;
  restores: SimState['restores'];
  struck: SimState['recovery']['struck'];
  markers: TimelineMarker[];
}

const known = new WeakMap<readonly CheckpointRecord[], Known>();

/** The timeline's marks of a state: checkpoints triggered, completed, failed; restores; faults. The same array while they are the same. */
export function markersOf(state: SimState): TimelineMarker[] {
  const history = state.coordinator.history;
  let k = known.get(history);
  // a history that lost records (or got others in their place) is read afresh
  if (!k || k.settled > history.length || history[k.settled - 1] !== k.settledLast) {
    k = { settled: 0, settledLast: undefined, settledMarks: [], key: '', restores: state.restores, struck: state.recovery.struck, markers: [] };
    known.set(history, k);
  }
  while (k.settled < history.length && history[k.settled].status !== 'IN_PROGRESS') recordMarks(history[k.settled++], k.settledMarks);
  k.settledLast = history[k.settled - 1];
  let key = `${k.settled}/${history.length}/${state.restores.length}/${state.recovery.struck.length}`;
  for (let i = k.settled; i < history.length; i++) key += `/${history[i].id}:${history[i].status}`;
  if (key === k.key && k.restores === state.restores && k.struck === state.recovery.struck) return k.markers;
  const out = k.settledMarks.slice();
  for (let i = k.settled; i < history.length; i++) recordMarks(history[i], out);
  for (const r of state.restores) out.push({ time: r.restore_timestamp, kind: 'restored', label: `restored from checkpoint ${r.id}` });
  for (const f of state.recovery.struck) out.push({ time: f.time, kind: 'fault', label: f.label });
  Object.assign(k, { key, restores: state.restores, struck: state.recovery.struck, markers: out });
  return out;
}

/** The marks of the jobs a restore or an upgrade replaced, then the current job's, joined; `previous` again when made of the same parts. */
export interface JoinedMarkers { parts: readonly (readonly TimelineMarker[])[]; markers: TimelineMarker[] }

export function joinMarkers(parts: readonly (readonly TimelineMarker[])[], previous: JoinedMarkers | null): JoinedMarkers {
  if (previous && previous.parts.length === parts.length && parts.every((p, i) => p === previous.parts[i])) return previous;
  return { parts, markers: parts.length === 1 ? parts[0] as TimelineMarker[] : parts.flat() };
}
