import { parseDuration } from '../config/duration';
import type { PhysicalPlan } from '../model/types';

// Faults to inject, and the `--fault` syntax of CONTRACTS §2:
// task:<operatorId>/<subtaskIndex>@<time>, taskmanager:<index>@<time>, jobmanager@<time>,
// storage-outage:<duration>@<time>.

export type Fault =
  | { kind: 'task'; subtask: number }
  | { kind: 'taskmanager'; index: number }
  | { kind: 'jobmanager' }
  | { kind: 'storage-outage'; durationMs: number };

export interface ScheduledFault { at: number; fault: Fault }

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

export const FAULT_SYNTAX = 'task:<operatorId>/<subtaskIndex>@<time>, taskmanager:<index>@<time>, jobmanager@<time> or storage-outage:<duration>@<time>';

export function parseFaultSpec(text: string, plan: PhysicalPlan): ScheduledFault {
  const at = text.lastIndexOf('@');
  if (at < 0) throw new FaultSpecError(`fault "${text}" has no @<time>; use ${FAULT_SYNTAX}`);
  const time = parseDuration(text.slice(at + 1));
  if (time === null) throw new FaultSpecError(`fault "${text}": "${text.slice(at + 1)}" is not a time; use a duration such as "5 s"`);
  const what = text.slice(0, at);
  let m: RegExpExecArray | null;
  if ((m = /^task:([a-z][a-z0-9-]*)\/(\d+)$/.exec(what))) {
    const op = plan.operators.find((o) => o.id === m![1]);
    if (!op) throw new FaultSpecError(`fault "${text}": no operator "${m[1]}"; operators are ${plan.operators.map((o) => o.id).join(', ')}`);
    const index = Number(m[2]);
    if (index >= op.parallelism) throw new FaultSpecError(`fault "${text}": "${op.id}" has subtasks 0..${op.parallelism - 1}`);
    return { at: time, fault: { kind: 'task', subtask: op.subtasks[index] } };
  }
  if ((m = /^taskmanager:(\d+)$/.exec(what))) {
    const index = Number(m[1]);
    if (index >= plan.taskManagers) throw new FaultSpecError(`fault "${text}": TaskManagers are 0..${plan.taskManagers - 1}`);
    return { at: time, fault: { kind: 'taskmanager', index } };
  }
  if (what === 'jobmanager') return { at: time, fault: { kind: 'jobmanager' } };
  if ((m = /^storage-outage:(.+)$/.exec(what))) {
    const d = parseDuration(m[1]);
    if (d === null || d <= 0) throw new FaultSpecError(`fault "${text}": "${m[1]}" is not a duration`);
    return { at: time, fault: { kind: 'storage-outage', durationMs: d } };
  }
  throw new FaultSpecError(`fault "${text}" is not understood; use ${FAULT_SYNTAX}`);
}
