import type { PhysicalPlan } from './model/types';

// Stable ids: how the page, lessons, log lines and fault specs name the parts of a job. They are
// the fault syntax's names, so they survive a new run of the same scenario, where the plan's
// numeric ids are positions that mean nothing to a reader.
//
//   count/1            subtask 1 of operator "count"
//   map/0->count/1     the channel from map/0 to count/1 ("#1" appended for the second input of a
//                      two-input operator that reads the same producer on both inputs)
//   cp:3               checkpoint (or savepoint) 3
//   op:count           operator "count"

export interface SubtaskRef { operatorId: string; index: number }

export type StableId =
  | { kind: 'subtask'; operatorId: string; index: number }
  | { kind: 'channel'; from: SubtaskRef; to: SubtaskRef; input: number }
  | { kind: 'checkpoint'; checkpointId: number }
  | { kind: 'operator'; operatorId: string };

const OPERATOR_ID = '[a-z][a-z0-9-]*';
const SUBTASK = new RegExp(`^(${OPERATOR_ID})/(0|[1-9]\\d*)$`);
const CHANNEL = new RegExp(`^(${OPERATOR_ID})/(0|[1-9]\\d*)->(${OPERATOR_ID})/(0|[1-9]\\d*)(?:#([1-9]\\d*))?$`);
const CHECKPOINT = /^cp:([1-9]\d*)$/;
const OPERATOR = new RegExp(`^op:(${OPERATOR_ID})$`);

export function formatSubtaskId(operatorId: string, index: number): string {
  return `${operatorId}/${index}`;
}

/** `input` counts only where a consumer reads one producer on two inputs; 0 is left out. */
export function formatChannelId(from: SubtaskRef, to: SubtaskRef, input = 0): string {
  return `${formatSubtaskId(from.operatorId, from.index)}->${formatSubtaskId(to.operatorId, to.index)}${input ? `#${input}` : ''}`;
}

export function formatCheckpointId(checkpointId: number): string {
  return `cp:${checkpointId}`;
}

export function formatOperatorId(operatorId: string): string {
  return `op:${operatorId}`;
}

export function formatStableId(id: StableId): string {
  switch (id.kind) {
    case 'subtask': return formatSubtaskId(id.operatorId, id.index);
    case 'channel': return formatChannelId(id.from, id.to, id.input);
    case 'checkpoint': return formatCheckpointId(id.checkpointId);
    case 'operator': return formatOperatorId(id.operatorId);
  }
}

/** The id's parts, or null when the text is not a stable id. */
export function parseStableId(text: string): StableId | null {
  let m: RegExpExecArray | null;
  if ((m = SUBTASK.exec(text))) return { kind: 'subtask', operatorId: m[1], index: Number(m[2]) };
  if ((m = CHANNEL.exec(text))) {
    return { kind: 'channel', from: { operatorId: m[1], index: Number(m[2]) }, to: { operatorId: m[3], index: Number(m[4]) }, input: m[5] ? Number(m[5]) : 0 };
  }
  if ((m = CHECKPOINT.exec(text))) return { kind: 'checkpoint', checkpointId: Number(m[1]) };
  if ((m = OPERATOR.exec(text))) return { kind: 'operator', operatorId: m[1] };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Between stable ids and a plan's numeric ids.

export function subtaskIdOf(plan: PhysicalPlan, subtask: number): string {
  const ps = plan.subtasks[subtask];
  return formatSubtaskId(plan.operators[ps.operator].id, ps.index);
}

export function operatorIdOf(plan: PhysicalPlan, operator: number): string {
  return formatOperatorId(plan.operators[operator].id);
}

/** The input number a channel's id carries: its edge's input, where another edge joins the same two operators. */
function channelInput(plan: PhysicalPlan, channel: number): number {
  const edge = plan.edges[plan.channels[channel].edge];
  const twin = plan.edges.some((e) => e !== edge && e.from === edge.from && e.to === edge.to);
  return twin ? edge.inputIndex : 0;
}

export function channelIdOf(plan: PhysicalPlan, channel: number): string {
  const c = plan.channels[channel];
  const ref = (sid: number): SubtaskRef => ({ operatorId: plan.operators[plan.subtasks[sid].operator].id, index: plan.subtasks[sid].index });
  return formatChannelId(ref(c.from), ref(c.to), channelInput(plan, channel));
}

/** The plan's subtask id for a stable id, or undefined when the job has no such subtask. */
export function findSubtask(plan: PhysicalPlan, id: string): number | undefined {
  const p = parseStableId(id);
  if (p?.kind !== 'subtask') return undefined;
  return plan.operators.find((o) => o.id === p.operatorId)?.subtasks[p.index];
}

/** The plan's channel id for a stable id, or undefined when the job has no such channel. */
export function findChannel(plan: PhysicalPlan, id: string): number | undefined {
  const p = parseStableId(id);
  if (p?.kind !== 'channel') return undefined;
  const from = findSubtask(plan, formatSubtaskId(p.from.operatorId, p.from.index));
  const to = findSubtask(plan, formatSubtaskId(p.to.operatorId, p.to.index));
  if (from === undefined || to === undefined) return undefined;
  const c = plan.channels.find((ch) => ch.from === from && ch.to === to && channelInput(plan, ch.id) === p.input);
  return c?.id;
}

/** Whether a stable id names a part of this job (a checkpoint id names one whenever it is a valid id). */
export function stableIdExists(plan: PhysicalPlan, id: string): boolean {
  const p = parseStableId(id);
  if (!p) return false;
  switch (p.kind) {
    case 'subtask': return findSubtask(plan, id) !== undefined;
    case 'channel': return findChannel(plan, id) !== undefined;
    case 'operator': return plan.operators.some((o) => o.id === p.operatorId);
    case 'checkpoint': return true;
  }
}

export interface PlanStableIds {
  /** by the plan's subtask id */
  subtasks: readonly string[];
  /** by the plan's channel id */
  channels: readonly string[];
  /** by operator index */
  operators: readonly string[];
}

// A plan's ids never change once built (a restore builds a new plan): worked out once per plan.
const planIdsCache = new WeakMap<PhysicalPlan, PlanStableIds>();

/** Every stable id of a plan, indexed by the plan's numeric ids. */
export function stableIdsOf(plan: PhysicalPlan): PlanStableIds {
  let ids = planIdsCache.get(plan);
  if (!ids) {
    ids = {
      subtasks: plan.subtasks.map((s) => subtaskIdOf(plan, s.id)),
      channels: plan.channels.map((c) => channelIdOf(plan, c.id)),
      operators: plan.operators.map((o) => operatorIdOf(plan, o.index)),
    };
    planIdsCache.set(plan, ids);
  }
  return ids;
}
