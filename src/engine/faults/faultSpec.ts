import { parseDuration } from '../config/duration';
import type { PhysicalPlan } from '../model/types';

// Faults to inject, and the `--fault` syntax of CONTRACTS §2:
// task:<operatorId>/<subtaskIndex>@<time>, taskmanager:<index>@<time>, jobmanager@<time>,
// storage-outage:<duration>@<time>.

export type Fault =
  | { kind: 'task'; subtask: number }
  | { kind: 'taskmanager'; index: number }
  | { kind: 'jobmanager' }
  | { kind: 'storage-outage'; durationMs: number }
  /** the subtask becomes `factor` times slower */
  | { kind: 'slow'; subtask: number; factor: number }
  /** the network connection of a channel breaks: its consumer fails */
  | { kind: 'channel'; channel: number };

/** A moment in a checkpoint's life, relative to a subtask where it matters. */
export interface CheckpointPhase {
  phase: 'alignment' | 'acknowledged' | 'completed';
  checkpointId: number;
  /** alignment and acknowledged: at which subtask */
  subtask?: number;
}

export interface ScheduledFault { at: number; fault: Fault; when?: CheckpointPhase }

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

export const FAULT_SYNTAX = 'task:<operatorId>/<subtaskIndex>@<when>, taskmanager:<index>@<when>, jobmanager@<when>, storage-outage:<duration>@<when>, slow:<operatorId>/<subtaskIndex>x<factor>@<when> or channel:<operatorId>/<index>-><operatorId>/<index>@<when> (or channel:<channelId>), where <when> is a time ("5 s") or a checkpoint phase: alignment:<n>[:<operatorId>/<index>], acknowledged:<n>[:<operatorId>/<index>], completed:<n>';

function subtaskOf(plan: PhysicalPlan, text: string, ref: string): number {
  const m = /^([a-z][a-z0-9-]*)\/(\d+)$/.exec(ref);
  if (!m) throw new FaultSpecError(`fault "${text}": "${ref}" is not <operatorId>/<subtaskIndex>`);
  const op = plan.operators.find((o) => o.id === m[1]);
  if (!op) throw new FaultSpecError(`fault "${text}": no operator "${m[1]}"; operators are ${plan.operators.map((o) => o.id).join(', ')}`);
  const index = Number(m[2]);
  if (index >= op.parallelism) throw new FaultSpecError(`fault "${text}": "${op.id}" has subtasks 0..${op.parallelism - 1}`);
  return op.subtasks[index];
}

function parseWhen(text: string, plan: PhysicalPlan, when: string, faultSubtask: number | undefined): { at: number; when?: CheckpointPhase } {
  const m = /^(alignment|acknowledged|completed):(\d+)(?::(.+))?$/.exec(when);
  if (m) {
    const phase = m[1] as CheckpointPhase['phase'];
    const subtask = m[3] !== undefined ? subtaskOf(plan, text, m[3]) : faultSubtask;
    if (phase !== 'completed' && subtask === undefined) throw new FaultSpecError(`fault "${text}": ${phase}:<n> needs a subtask, e.g. ${phase}:${m[2]}:<operatorId>/<index>`);
    return { at: 0, when: { phase, checkpointId: Number(m[2]), subtask } };
  }
  const time = parseDuration(when);
  if (time === null) throw new FaultSpecError(`fault "${text}": "${when}" is not a time or a checkpoint phase; use a duration such as "5 s" or alignment:<n>, acknowledged:<n>, completed:<n>`);
  return { at: time };
}

export function parseFaultSpec(text: string, plan: PhysicalPlan): ScheduledFault {
  const at = text.indexOf('@');
  if (at < 0) throw new FaultSpecError(`fault "${text}" has no @<when>; use ${FAULT_SYNTAX}`);
  const what = text.slice(0, at);
  const whenText = text.slice(at + 1);
  const done = (fault: Fault, subtask?: number): ScheduledFault => ({ fault, ...parseWhen(text, plan, whenText, subtask) });
  let m: RegExpExecArray | null;
  if ((m = /^task:(.+)$/.exec(what))) {
    const subtask = subtaskOf(plan, text, m[1]);
    return done({ kind: 'task', subtask }, subtask);
  }
  if ((m = /^slow:(.+)x(\d+(?:\.\d+)?)$/.exec(what))) {
    const subtask = subtaskOf(plan, text, m[1]);
    return done({ kind: 'slow', subtask, factor: Number(m[2]) }, subtask);
  }
  if ((m = /^channel:(\d+)$/.exec(what))) {
    const channel = Number(m[1]);
    if (channel >= plan.channels.length) throw new FaultSpecError(`fault "${text}": channels are 0..${plan.channels.length - 1}`);
    return done({ kind: 'channel', channel }, plan.channels[channel].to);
  }
  if ((m = /^channel:(.+)->(.+)$/.exec(what))) {
    // named by its two ends, as the graph shows them: producer subtask -> consumer subtask
    const from = subtaskOf(plan, text, m[1]);
    const to = subtaskOf(plan, text, m[2]);
    const channel = plan.channels.findIndex((c) => c.from === from && c.to === to);
    if (channel < 0) throw new FaultSpecError(`fault "${text}": no channel runs from ${m[1]} to ${m[2]}; ${plan.subtasks[from].name} sends to ${plan.channels.filter((c) => c.from === from).map((c) => plan.subtasks[c.to].name).join(', ') || 'nobody'}`);
    return done({ kind: 'channel', channel }, to);
  }
  if (what.startsWith('channel:')) throw new FaultSpecError(`fault "${text}": name the channel by its ends, channel:<operatorId>/<index>-><operatorId>/<index> (e.g. channel:map/0->count/1), or by its id 0..${plan.channels.length - 1}`);
  if ((m = /^taskmanager:(\d+)$/.exec(what))) {
    const index = Number(m[1]);
    if (index >= plan.taskManagers) throw new FaultSpecError(`fault "${text}": TaskManagers are 0..${plan.taskManagers - 1}`);
    return done({ kind: 'taskmanager', index });
  }
  if (what === 'jobmanager') return done({ kind: 'jobmanager' });
  if ((m = /^storage-outage:(.+)$/.exec(what))) {
    const d = parseDuration(m[1]);
    if (d === null || d <= 0) throw new FaultSpecError(`fault "${text}": "${m[1]}" is not a duration`);
    return done({ kind: 'storage-outage', durationMs: d });
  }
  throw new FaultSpecError(`fault "${text}" is not understood; use ${FAULT_SYNTAX}`);
}
