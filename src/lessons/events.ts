import type { TraceEvent, TraceEventType } from '../engine';

// The events a lesson may wait for: the engine's trace event types, under the names a lesson uses.
// Most keep the engine's name; `restored` is the engine's `job-restored`. A Map, so that a name read
// from a file never reaches an object's prototype.

const SAME_NAME: readonly TraceEventType[] = [
  'checkpoint-triggered', 'checkpoint-acknowledged', 'checkpoint-completed', 'checkpoint-failed', 'checkpoint-declined',
  'checkpoint-notified', 'checkpoint-skipped', 'barrier-emitted', 'barrier-received', 'barrier-timed-out', 'alignment-started',
  'snapshot-started', 'snapshot-uploaded', 'task-failed', 'tasks-canceled', 'taskmanager-lost', 'jobmanager-failed',
  'storage-outage', 'configuration-changed', 'backpressure', 'world-stopped', 'world-resumed', 'job-status',
  'record-read', 'record-processed', 'state-updated', 'sink-received', 'end-of-partition', 'subtask-finished',
  'transaction-aborted-by-broker',
];

export const LESSON_EVENTS: ReadonlyMap<string, TraceEventType> = new Map<string, TraceEventType>([
  ...SAME_NAME.map((t): [string, TraceEventType] => [t, t]),
  ['restored', 'job-restored'],
]);

/** Record-level events: many per second, so a run keeps none of them among its milestones. */
const BUSY: ReadonlySet<TraceEventType> = new Set<TraceEventType>(['record-read', 'record-sent', 'record-processed', 'state-updated', 'sink-received', 'backpressure']);

export function isMilestone(ev: TraceEvent): boolean {
  return !BUSY.has(ev.type);
}

/** What an event predicate may ask of an event, besides its type (plan ids, worked out from stable ids). */
export interface EventFilter { type: TraceEventType; checkpoint?: number; subtask?: number; channel?: number }

export function matchesEvent(f: EventFilter, ev: TraceEvent): boolean {
  if (ev.type !== f.type) return false;
  if (f.checkpoint !== undefined && (!('checkpointId' in ev) || ev.checkpointId !== f.checkpoint)) return false;
  if (f.subtask !== undefined && (!('subtask' in ev) || ev.subtask !== f.subtask)) return false;
  if (f.channel !== undefined && (!('channel' in ev) || ev.channel !== f.channel)) return false;
  return true;
}
