import type { PhysicalPlan, PlanEdge, PlanOperator } from '../model/types';

// What a job defines about the stream each operator emits, whatever the timing of the run.
// Two runs of one job on the same input (the run under test and its fault-free reference) agree
// only on what does not depend on how records from different channels interleave: that is all
// the oracle may compare.

/**
 * Where a key's records are: `placed` on the one subtask its key group maps to (`at` names the
 * mapping: max parallelism and parallelism), `everywhere` (broadcast: every subtask sees all of
 * them) or `spread` over subtasks by timing or round robin.
 */
export type KeyPlacement = { kind: 'placed'; at: string } | { kind: 'everywhere' } | { kind: 'spread' };

export interface StreamFacts {
  placement: KeyPlacement;
  /** `exact`: which record ids are emitted, and how often, is defined; `at-most`: some may be dropped by timing */
  ids: 'exact' | 'at-most';
  /** `per-record`: each record's value is; `per-key-bag`: only the multiset of a key's values is */
  values: 'per-record' | 'per-key-bag' | 'none';
  /** per key and subtask, the sequence of records is defined */
  ordered: boolean;
  /** per key and subtask, the value of the last record is defined */
  last: boolean;
  /** in words, for the oracle's reason: why `last` is not defined, why `ids` are only `at-most` */
  lastWhy?: string;
  idsWhy?: string;
}

const placedOn = (op: PlanOperator): KeyPlacement =>
  ({ kind: 'placed', at: op.parallelism === 1 ? 'single' : `${op.maxParallelism}/${op.parallelism}` });

function samePlacement(a: KeyPlacement, b: KeyPlacement): KeyPlacement {
  if (a.kind === 'placed' && b.kind === 'placed' && a.at === b.at) return a;
  if (a.kind === 'everywhere' && b.kind === 'everywhere') return a;
  return { kind: 'spread' };
}

const VALUE_RANK = { 'per-record': 2, 'per-key-bag': 1, none: 0 } as const;

/** What an operator's subtasks receive over one input edge. */
function overEdge(plan: PhysicalPlan, edge: PlanEdge, from: StreamFacts): StreamFacts & { oneChannel: boolean } {
  const producer = plan.operators[edge.from];
  const consumer = plan.operators[edge.to];
  // a key reaches a consumer subtask from one producer subtask only if the producer keeps it on one
  const keyFromOne = producer.parallelism === 1 || from.placement.kind === 'placed';
  const base = { ids: from.ids, values: from.values, idsWhy: from.idsWhy, lastWhy: from.lastWhy };
  switch (edge.partitioner) {
    case 'forward':
      return { ...base, placement: from.placement, ordered: from.ordered, last: from.last, oneChannel: true };
    case 'hash':
      return { ...base, placement: placedOn(consumer), ordered: from.ordered, last: from.last, oneChannel: keyFromOne };
    case 'broadcast':
      return { ...base, placement: consumer.parallelism === 1 ? placedOn(consumer) : { kind: 'everywhere' }, ordered: from.ordered, last: from.last, oneChannel: keyFromOne };
    case 'rebalance':
      if (consumer.parallelism === 1) return { ...base, placement: placedOn(consumer), ordered: from.ordered, last: from.last, oneChannel: keyFromOne };
      return {
        ...base, placement: { kind: 'spread' }, ordered: false, last: false, oneChannel: false,
        lastWhy: from.lastWhy ?? `rebalance into "${consumer.name}" spreads each key over its ${consumer.parallelism} subtasks`,
      };
  }
}

/** What an operator's subtasks receive over all their inputs together. */
function received(plan: PhysicalPlan, op: PlanOperator, facts: StreamFacts[]): StreamFacts {
  const inputs = op.inputEdges.map((e) => overEdge(plan, plan.edges[e], facts[plan.edges[e].from]));
  const ids = inputs.every((i) => i.ids === 'exact') ? 'exact' : 'at-most';
  const idsWhy = inputs.find((i) => i.idsWhy)?.idsWhy;
  const values = inputs.reduce<StreamFacts['values']>((v, i) => (VALUE_RANK[i.values] < VALUE_RANK[v] ? i.values : v), 'per-record');
  const placement = inputs.slice(1).reduce((p, i) => samePlacement(p, i.placement), inputs[0].placement);
  if (inputs.length === 1 && inputs[0].oneChannel) return { ...inputs[0], placement, values };
  const lastWhy = inputs.find((i) => !i.last)?.lastWhy ?? (inputs.length > 1
    ? `"${op.name}" interleaves its ${inputs.length} inputs by timing`
    : `"${op.name}" receives each key over several channels, interleaved by timing`);
  return { placement, ids, idsWhy, values, ordered: false, last: false, lastWhy };
}

/** An operator's output, given what its subtasks receive. */
function emitted(op: PlanOperator, input: StreamFacts): StreamFacts {
  const p = op.params;
  const exact = input.ids === 'exact';
  switch (op.kind) {
    case 'map': case 'union': case 'sink':
      return input;
    case 'filter': {
      if (p.minValue === undefined || input.values === 'per-record') return input;
      const why = `which records "${op.name}" passes depends on values that depend on timing`;
      return { ...input, ids: 'at-most', idsWhy: input.idsWhy ?? why, last: false, lastWhy: input.lastWhy ?? why };
    }
    case 'flat-map':
      // no copies: nothing is emitted, which is defined whatever came in
      return (p.copies ?? 1) === 0 ? { placement: input.placement, ids: 'exact', values: 'per-record', ordered: true, last: true } : input;
    case 'keyed-count':
      return settle(input, input.ordered ? 'per-record' : exact ? 'per-key-bag' : 'none', exact, input.idsWhy);
    case 'keyed-sum': case 'keyed-reduce':
      // sum, max and min do not care in which order a key's values come: the final result is defined
      return settle(input, input.ordered ? 'per-record' : 'none', exact && input.values !== 'none',
        input.lastWhy ?? `what "${op.name}" adds up depends on timing`);
    case 'keyed-last-n': case 'keyed-histogram':
      return settle(input, input.ordered ? 'per-record' : 'none', input.ordered,
        `"${op.name}" depends on the order in which a key's records arrive, which depends on timing`);
    case 'keyed-join': {
      const why = `which records "${op.name}" emits depends on which input reaches it first`;
      return { ...input, ids: 'at-most', idsWhy: input.idsWhy ?? why, values: 'none', ordered: false, last: false, lastWhy: why };
    }
    case 'source':
      return { placement: op.parallelism === 1 ? placedOn(op) : { kind: 'spread' }, ids: 'exact', values: 'per-record', ordered: true, last: true };
  }
}

/** A keyed operator's output: its values and whether its last one is defined. */
function settle(input: StreamFacts, values: StreamFacts['values'], last: boolean, lastWhy?: string): StreamFacts {
  return { ...input, values, last, lastWhy: last ? undefined : lastWhy };
}

const SOURCE_INPUT: StreamFacts = { placement: { kind: 'spread' }, ids: 'exact', values: 'per-record', ordered: true, last: true };

/** The facts of every operator's output stream (for a sink: of what it receives), by operator index. */
export function streamFacts(plan: PhysicalPlan): StreamFacts[] {
  const facts: StreamFacts[] = [];
  const done = new Set<number>();
  // the plan is acyclic: visit producers before consumers
  const visit = (op: PlanOperator): StreamFacts => {
    if (done.has(op.index)) return facts[op.index];
    for (const e of op.inputEdges) visit(plan.operators[plan.edges[e].from]);
    facts[op.index] = emitted(op, op.kind === 'source' ? SOURCE_INPUT : received(plan, op, facts));
    done.add(op.index);
    return facts[op.index];
  };
  plan.operators.forEach(visit);
  return facts;
}

/** Why a sink's final value per key is not defined (its last value is not, or sink subtasks disagree on it); undefined if it is. */
export function whyNoFinalValue(sink: PlanOperator, facts: StreamFacts): string | undefined {
  if (!facts.last) return facts.lastWhy ?? 'the last value of a key depends on timing';
  if (facts.placement.kind === 'spread') return `a key's records reach several subtasks of "${sink.name}", and which writes last depends on timing`;
  return undefined;
}
