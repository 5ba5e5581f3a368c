import { idChanges, type JobChange } from '../../engine';

// What the graph marks after an upgrade, as a function of the upgrade (its mapping, from the
// simulation) and the display time: nothing of its own keeps time. The marks show from the
// Upgrade command until CHANGE_SHOW_MS of display time after the changed job started.

/** Simulated ms the marks stay after the changed job started. */
export const CHANGE_SHOW_MS = 6000;

export type OperatorMark = 'restored' | 'new' | 'new-id' | 'refused';
export interface JobChangeMarks {
  snapshotId: number;
  /** 0 when the changed job starts, 1 when the marks go */
  progress: number;
  /** by the new job's operator id (the scenario's) */
  operators: Map<string, OperatorMark>;
  /** the savepoint's operators no operator of the new job took: dropped (with state) or skipped (none) */
  orphaned: { vertex: string; name: string; hasState: boolean }[];
}

/** The display time while the change is shown, else null: outside that window the overlay has nothing to follow. */
export function jobChangeShownAt(change: JobChange | null, displayTime: number): number | null {
  return change && displayTime >= change.at && displayTime <= change.restoredAt + CHANGE_SHOW_MS ? displayTime : null;
}

export function jobChangeMarks(change: JobChange | null, displayTime: number): JobChangeMarks | null {
  if (!change || jobChangeShownAt(change, displayTime) === null) return null;
  const renamed = idChanges(change.mapping);
  const operators = new Map<string, OperatorMark>();
  const orphaned: JobChangeMarks['orphaned'] = [];
  for (const r of change.mapping.rows) {
    if (r.status === 'matched') operators.set(r.to.vertex, r.refusal === undefined ? 'restored' : 'refused');
    else if (r.status === 'new') operators.set(r.to.vertex, renamed.has(r.to.vertex) ? 'new-id' : 'new');
    else orphaned.push({ vertex: r.from.vertex, name: r.from.name, hasState: r.from.hasState });
  }
  const progress = Math.min(1, Math.max(0, (displayTime - change.restoredAt) / CHANGE_SHOW_MS));
  return { snapshotId: change.snapshotId, progress, operators, orphaned };
}
