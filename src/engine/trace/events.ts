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
  | { type: 'job-status'; time: number; status: string };

export type TraceListener = (event: TraceEvent) => void;
