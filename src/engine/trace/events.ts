// Everything that happens in a run, as a typed union. The trace hash is taken over these events,
// listeners (the page's event log, tests' invariant checks) receive them.

export type TraceEvent =
  | { type: 'record-read'; time: number; subtask: number; partition: number; offset: number; key: string }
  | { type: 'record-sent'; time: number; channel: number; seq: number; key: string; deliverAt: number }
  | { type: 'record-processed'; time: number; subtask: number; channel: number; seq: number; key: string }
  | { type: 'state-updated'; time: number; subtask: number; keyGroup: number; key: string; state: string; value: string }
  | { type: 'sink-received'; time: number; subtask: number; key: string; value: number }
  | { type: 'backpressure'; time: number; subtask: number; on: boolean }
  | { type: 'end-of-partition'; time: number; subtask: number }
  | { type: 'subtask-finished'; time: number; subtask: number }
  | { type: 'job-status'; time: number; status: string; reason?: string }
  | { type: 'checkpoint-triggered'; time: number; checkpointId: number; savepoint: boolean; kind: string }
  | { type: 'checkpoint-skipped'; time: number; reason: string; waitMs: number }
  | { type: 'checkpoint-acknowledged'; time: number; checkpointId: number; subtask: number }
  | { type: 'checkpoint-completed'; time: number; checkpointId: number; savepoint: boolean }
  | { type: 'checkpoint-failed'; time: number; checkpointId: number; reason: string }
  | { type: 'barrier-emitted'; time: number; subtask: number; checkpointId: number; unaligned: boolean }
  | { type: 'barrier-received'; time: number; subtask: number; channel: number; checkpointId: number }
  /** an aligned barrier still queued in a producer's output timed out and now overtakes the records ahead of it */
  | { type: 'barrier-timed-out'; time: number; subtask: number; channel: number; checkpointId: number }
  | { type: 'alignment-started'; time: number; subtask: number; checkpointId: number }
  | { type: 'snapshot-started'; time: number; subtask: number; checkpointId: number; unaligned: boolean; syncMs: number; asyncMs: number }
  | { type: 'snapshot-uploaded'; time: number; subtask: number; checkpointId: number }
  | { type: 'checkpoint-declined'; time: number; subtask: number; checkpointId: number; reason: string }
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
  | { type: 'cancel-marker-received'; time: number; subtask: number; channel: number; checkpointId: number };

export type TraceListener = (event: TraceEvent) => void;
