import { MAX_DURATION_TEXT, parseDuration } from '../config/duration';
import type { PhysicalPlan } from '../model/types';
import { SCENARIO_LIMITS } from '../scenarios/limits';
import { quote } from '../text/echo';

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

/** The largest `x<factor>` of a slow fault. */
export const MAX_SLOW_FACTOR = 1000;
/** The largest checkpoint id a phase may name; ids start at 1. */
export const MAX_PHASE_CHECKPOINT_ID = 1_000_000_000;

const SLOW_FACTOR_RULE = `<factor> is a number > 0 and <= ${MAX_SLOW_FACTOR}, e.g. x10`;
const PHASE_ID_RULE = `<n> is a checkpoint id from 1 to ${MAX_PHASE_CHECKPOINT_ID} (ids start at 1)`;
const TIME_RULE = `a duration such as "5 s" (up to ${MAX_DURATION_TEXT}) or a checkpoint phase alignment:<n>, acknowledged:<n>, completed:<n>`;

export const FAULT_SYNTAX = `task:<operatorId>/<subtaskIndex>@<when>, taskmanager:<index>@<when>, jobmanager@<when>, storage-outage:<duration>@<when>, slow:<operatorId>/<subtaskIndex>x<factor>@<when> or channel:<operatorId>/<index>-><operatorId>/<index>@<when> (or channel:<channelId>), where <when> is a time ("5 s") or a checkpoint phase: alignment:<n>[:<operatorId>/<index>], acknowledged:<n>[:<operatorId>/<index>], completed:<n>; times and durations up to ${MAX_DURATION_TEXT}, <n> from 1, <factor> > 0 and <= ${MAX_SLOW_FACTOR}`;

function subtaskOf(plan: PhysicalPlan, spec: string, ref: string): number {
  const m = /^([a-z][a-z0-9-]*)\/(\d+)$/.exec(ref);
  if (!m) throw new FaultSpecError(`fault ${spec}: ${quote(ref)} is not <operatorId>/<subtaskIndex>, e.g. count/1`);
  const op = plan.operators.find((o) => o.id === m[1]);
  if (!op) throw new FaultSpecError(`fault ${spec}: no operator ${quote(m[1])}; operators are ${plan.operators.map((o) => o.id).join(', ')}`);
  const index = Number(m[2]);
  if (index >= op.parallelism) throw new FaultSpecError(`fault ${spec}: "${op.id}" has subtasks 0..${op.parallelism - 1}`);
  return op.subtasks[index];
}

function parseWhen(spec: string, plan: PhysicalPlan, when: string, faultSubtask: number | undefined): { at: number; when?: CheckpointPhase } {
  const m = /^(alignment|acknowledged|completed):(\d+)(?::(.+))?$/.exec(when);
  if (m) {
    const phase = m[1] as CheckpointPhase['phase'];
    const checkpointId = Number(m[2]);
    if (checkpointId < 1 || checkpointId > MAX_PHASE_CHECKPOINT_ID) throw new FaultSpecError(`fault ${spec}: in ${phase}:<n>, ${PHASE_ID_RULE}`);
    const subtask = m[3] !== undefined ? subtaskOf(plan, spec, m[3]) : faultSubtask;
    if (phase !== 'completed' && subtask === undefined) throw new FaultSpecError(`fault ${spec}: ${phase}:<n> needs a subtask, e.g. ${phase}:${checkpointId}:<operatorId>/<index>`);
    return { at: 0, when: { phase, checkpointId, subtask } };
  }
  if (/^(alignment|acknowledged|completed):/.test(when)) throw new FaultSpecError(`fault ${spec}: ${quote(when)} is not a checkpoint phase; ${PHASE_ID_RULE}`);
  const time = parseDuration(when);
  if (time === null) throw new FaultSpecError(`fault ${spec}: ${quote(when)} is not a time or a checkpoint phase; use ${TIME_RULE}`);
  return { at: time };
}

function slowFactor(spec: string, text: string): number {
  const factor = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(factor > 0 && factor <= MAX_SLOW_FACTOR)) throw new FaultSpecError(`fault ${spec}: ${quote(text)} is not a slow-down factor; ${SLOW_FACTOR_RULE}`);
  return factor;
}

export function parseFaultSpec(text: string, plan: PhysicalPlan): ScheduledFault {
  const spec = quote(text);
  if (text.length > SCENARIO_LIMITS.faultChars) throw new FaultSpecError(`fault ${spec} has ${text.length.toLocaleString('en-US')} characters; a fault spec has at most ${SCENARIO_LIMITS.faultChars}`);
  const at = text.indexOf('@');
  if (at < 0) throw new FaultSpecError(`fault ${spec} has no @<when>; use ${FAULT_SYNTAX}`);
  const what = text.slice(0, at);
  const whenText = text.slice(at + 1);
  const done = (fault: Fault, subtask?: number): ScheduledFault => ({ fault, ...parseWhen(spec, plan, whenText, subtask) });
  let m: RegExpExecArray | null;
  if ((m = /^task:(.+)$/.exec(what))) {
    const subtask = subtaskOf(plan, spec, m[1]);
    return done({ kind: 'task', subtask }, subtask);
  }
  if ((m = /^slow:([a-z][a-z0-9-]*\/\d+)x(.*)$/.exec(what))) {
    const subtask = subtaskOf(plan, spec, m[1]);
    return done({ kind: 'slow', subtask, factor: slowFactor(spec, m[2]) }, subtask);
  }
  if (what.startsWith('slow:')) throw new FaultSpecError(`fault ${spec}: use slow:<operatorId>/<subtaskIndex>x<factor>, e.g. slow:map/1x10, where ${SLOW_FACTOR_RULE}`);
  if ((m = /^channel:(\d+)$/.exec(what))) {
    const channel = Number(m[1]);
    if (channel >= plan.channels.length) throw new FaultSpecError(`fault ${spec}: channels are 0..${plan.channels.length - 1}`);
    return done({ kind: 'channel', channel }, plan.channels[channel].to);
  }
  if ((m = /^channel:(.+)->(.+)$/.exec(what))) {
    // named by its two ends, as the graph shows them: producer subtask -> consumer subtask
    const from = subtaskOf(plan, spec, m[1]);
    const to = subtaskOf(plan, spec, m[2]);
    const channel = plan.channels.findIndex((c) => c.from === from && c.to === to);
    if (channel < 0) throw new FaultSpecError(`fault ${spec}: no channel runs from ${m[1]} to ${m[2]}; ${plan.subtasks[from].name} sends to ${plan.channels.filter((c) => c.from === from).map((c) => plan.subtasks[c.to].name).join(', ') || 'nobody'}`);
    return done({ kind: 'channel', channel }, to);
  }
  if (what.startsWith('channel:')) throw new FaultSpecError(`fault ${spec}: name the channel by its ends, channel:<operatorId>/<index>-><operatorId>/<index> (e.g. channel:map/0->count/1), or by its id 0..${plan.channels.length - 1}`);
  if ((m = /^taskmanager:(\d+)$/.exec(what))) {
    const index = Number(m[1]);
    if (index >= plan.taskManagers) throw new FaultSpecError(`fault ${spec}: TaskManagers are 0..${plan.taskManagers - 1}`);
    return done({ kind: 'taskmanager', index });
  }
  if (what.startsWith('taskmanager:')) throw new FaultSpecError(`fault ${spec}: use taskmanager:<index>, where TaskManagers are 0..${plan.taskManagers - 1}`);
  if (what === 'jobmanager') return done({ kind: 'jobmanager' });
  if ((m = /^storage-outage:(.+)$/.exec(what))) {
    const d = parseDuration(m[1]);
    if (d === null || d <= 0) throw new FaultSpecError(`fault ${spec}: ${quote(m[1])} is not an outage duration; use a duration > 0 such as "10 s", up to ${MAX_DURATION_TEXT}`);
    return done({ kind: 'storage-outage', durationMs: d });
  }
  throw new FaultSpecError(`fault ${spec} is not understood; use ${FAULT_SYNTAX}`);
}
