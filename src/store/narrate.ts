import type { SimState, TraceEvent } from '../engine';

// The event log tells what happens in words, with Flink's names for subtasks.

export interface LogLine {
  id: number;
  time: number;
  text: string;
  kind: 'record' | 'state' | 'flow' | 'job';
}

export function narrate(ev: TraceEvent, state: SimState): Omit<LogLine, 'id'> | null {
  const name = (subtask: number) => state.plan.subtasks[subtask].name;
  switch (ev.type) {
    case 'record-read':
      return { time: ev.time, kind: 'record', text: `${name(ev.subtask)} read ${ev.key} at offset ${ev.offset} of partition ${ev.partition}` };
    case 'state-updated':
      return { time: ev.time, kind: 'state', text: `${name(ev.subtask)}: ${ev.state} of ${ev.key} (key group ${ev.keyGroup}) is now ${ev.value || 'cleared'}` };
    case 'sink-received':
      return { time: ev.time, kind: 'record', text: `${name(ev.subtask)} received ${ev.key} = ${ev.value}` };
    case 'backpressure':
      return { time: ev.time, kind: 'flow', text: ev.on ? `${name(ev.subtask)} is back-pressured: an output channel is full` : `${name(ev.subtask)} has credit again` };
    case 'subtask-finished':
      return { time: ev.time, kind: 'job', text: `${name(ev.subtask)} FINISHED (end of partition on every input)` };
    case 'job-status':
      return { time: ev.time, kind: 'job', text: `Job ${ev.status}` };
    default:
      return null;
  }
}
