import type { CheckpointFailureReason } from '../checkpoint/failureCounter';
import type { CheckpointType } from '../checkpoint/types';
import type { JobStatus } from '../model/types';

// Everything that happens in a run, as a typed union. The trace hash is taken over these events,
// listeners (the page's event log, tests' invariant checks) receive them. `subtask` and `channel`
// are the plan's numeric ids; eventIds.ts gives the stable ids an event names.

/** Why the coordinator did not trigger a periodic checkpoint. */
export type CheckpointSkipReason = 'min-pause' | 'not-all-tasks-running';

export type TraceEvent =
  | { type: 'record-read'; time: number; subtask: number; partition: number; offset: number; key: string }
  | { type: 'record-sent'; time: number; channel: number; seq: number; key: string; deliverAt: number }
  | { type: 'record-processed'; time: number; subtask: number; channel: number; seq: number; key: string }
  | { type: 'state-updated'; time: number; subtask: number; keyGroup: number; key: string; state: string; value: string }
  | { type: 'sink-received'; time: number; subtask: number; key: string; value: number }
  | { type: 'backpressure'; time: number; subtask: number; on: boolean }
  | { type: 'end-of-partition'; time: number; subtask: number }
  | { type: 'subtask-finished'; time: number; subtask: number }
  | { type: 'job-status'; time: number; status: JobStatus; reason?: string }
  | { type: 'checkpoint-triggered'; time: number; checkpointId: number; savepoint: boolean; kind: CheckpointType }
  | { type: 'checkpoint-skipped'; time: number; reason: CheckpointSkipReason; waitMs: number }
  | { type: 'checkpoint-acknowledged'; time: number; checkpointId: number; subtask: number }
  | { type: 'checkpoint-completed'; time: number; checkpointId: number; savepoint: boolean }
  | { type: 'checkpoint-failed'; time: number; checkpointId: number; reason: CheckpointFailureReason }
  | { type: 'barrier-emitted'; time: number; subtask: number; checkpointId: number; unaligned: boolean }
  | { type: 'barrier-received'; time: number; subtask: number; channel: number; checkpointId: number }
  /** an aligned barrier still queued in a producer's output timed out and now overtakes the records ahead of it */
  | { type: 'barrier-timed-out'; time: number; subtask: number; channel: number; checkpointId: number }
  | { type: 'alignment-started'; time: number; subtask: number; checkpointId: number }
  | { type: 'snapshot-started'; time: number; subtask: number; checkpointId: number; unaligned: boolean; syncMs: number; asyncMs: number }
  | { type: 'snapshot-uploaded'; time: number; subtask: number; checkpointId: number }
  | { type: 'checkpoint-declined'; time: number; subtask: number; checkpointId: number; reason: CheckpointFailureReason }
  | { type: 'checkpoint-notified'; time: number; subtask: number; checkpointId: number; aborted: boolean; committed: number }
  | { type: 'task-failed'; time: number; subtask: number; cause: string }
  | { type: 'channel-cleared'; time: number; channel: number; records: number }
  /** `subtasks` restart: the failed ones and the `canceled` rest of their region */
  | { type: 'tasks-canceled'; time: number; subtasks: number; canceled: number; recordsLost: number }
  | { type: 'job-restored'; time: number; checkpointId: number; subtasks: number; replayed: number }
  | { type: 'jobmanager-failed'; time: number; checkpointsLost: number }
  | { type: 'taskmanager-lost'; time: number; index: number; subtasks: number }
  | { type: 'storage-outage'; time: number; untilMs: number }
  | { type: 'configuration-changed'; time: number; keys: string }
  | { type: 'subtask-slowed'; time: number; subtask: number; factor: number }
  | { type: 'world-stopped'; time: number; checkpointId: number }
  | { type: 'world-resumed'; time: number; checkpointId: number }
  | { type: 'cancel-marker-received'; time: number; subtask: number; channel: number; checkpointId: number }
  /** the sink went to commit a transaction the broker had aborted at `abortedAt` for outliving transaction.timeout.ms: its records are lost */
  | { type: 'transaction-aborted-by-broker'; time: number; subtask: number; checkpointId: number; txn: string; records: number; abortedAt: number; timeoutMs: number };

export type TraceEventType = TraceEvent['type'];
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;

/**
 * Each event's fields in the order the trace hash takes them: the order of the declarations
 * above. The hash follows this table, not the order an event object's keys were written in.
 */
export const TRACE_EVENT_FIELDS = {
  'record-read': ['type', 'time', 'subtask', 'partition', 'offset', 'key'],
  'record-sent': ['type', 'time', 'channel', 'seq', 'key', 'deliverAt'],
  'record-processed': ['type', 'time', 'subtask', 'channel', 'seq', 'key'],
  'state-updated': ['type', 'time', 'subtask', 'keyGroup', 'key', 'state', 'value'],
  'sink-received': ['type', 'time', 'subtask', 'key', 'value'],
  'backpressure': ['type', 'time', 'subtask', 'on'],
  'end-of-partition': ['type', 'time', 'subtask'],
  'subtask-finished': ['type', 'time', 'subtask'],
  'job-status': ['type', 'time', 'status', 'reason'],
  'checkpoint-triggered': ['type', 'time', 'checkpointId', 'savepoint', 'kind'],
  'checkpoint-skipped': ['type', 'time', 'reason', 'waitMs'],
  'checkpoint-acknowledged': ['type', 'time', 'checkpointId', 'subtask'],
  'checkpoint-completed': ['type', 'time', 'checkpointId', 'savepoint'],
  'checkpoint-failed': ['type', 'time', 'checkpointId', 'reason'],
  'barrier-emitted': ['type', 'time', 'subtask', 'checkpointId', 'unaligned'],
  'barrier-received': ['type', 'time', 'subtask', 'channel', 'checkpointId'],
  'barrier-timed-out': ['type', 'time', 'subtask', 'channel', 'checkpointId'],
  'alignment-started': ['type', 'time', 'subtask', 'checkpointId'],
  'snapshot-started': ['type', 'time', 'subtask', 'checkpointId', 'unaligned', 'syncMs', 'asyncMs'],
  'snapshot-uploaded': ['type', 'time', 'subtask', 'checkpointId'],
  'checkpoint-declined': ['type', 'time', 'subtask', 'checkpointId', 'reason'],
  'checkpoint-notified': ['type', 'time', 'subtask', 'checkpointId', 'aborted', 'committed'],
  'task-failed': ['type', 'time', 'subtask', 'cause'],
  'channel-cleared': ['type', 'time', 'channel', 'records'],
  'tasks-canceled': ['type', 'time', 'subtasks', 'canceled', 'recordsLost'],
  'job-restored': ['type', 'time', 'checkpointId', 'subtasks', 'replayed'],
  'jobmanager-failed': ['type', 'time', 'checkpointsLost'],
  'taskmanager-lost': ['type', 'time', 'index', 'subtasks'],
  'storage-outage': ['type', 'time', 'untilMs'],
  'configuration-changed': ['type', 'time', 'keys'],
  'subtask-slowed': ['type', 'time', 'subtask', 'factor'],
  'world-stopped': ['type', 'time', 'checkpointId'],
  'world-resumed': ['type', 'time', 'checkpointId'],
  'cancel-marker-received': ['type', 'time', 'subtask', 'channel', 'checkpointId'],
  'transaction-aborted-by-broker': ['type', 'time', 'subtask', 'checkpointId', 'txn', 'records', 'abortedAt', 'timeoutMs'],
} as const satisfies { readonly [T in TraceEventType]: readonly (keyof TraceEventOf<T>)[] };

/** Fields of an event type that the table above leaves out: `never` for every type (events.test.ts checks). */
export type UnorderedTraceFields = {
  [T in TraceEventType]: Exclude<keyof TraceEventOf<T>, (typeof TRACE_EVENT_FIELDS)[T][number]>;
}[TraceEventType];

export type TraceListener = (event: TraceEvent) => void;
