import type { EdgeSpec, OperatorSpec, ScenarioSpec } from '../../engine';

// The job editor's edits, as pure functions of a scenario: each returns a new scenario (or the same
// one when the edit does not apply) and leaves checking the result to the engine (parseScenario and
// the plan: a keyed operator without a hash input, a forward edge between different parallelisms).

type Partitioner = EdgeSpec['partitioner'];
export const PARTITIONERS: readonly Partitioner[] = ['hash', 'rebalance', 'forward', 'broadcast'];

/** The kinds of state a single-input keyed operator may keep; a reduce names its function. */
export const STATE_KINDS = ['keyed-count', 'keyed-sum', 'keyed-reduce:sum', 'keyed-reduce:max', 'keyed-reduce:min', 'keyed-last-n', 'keyed-histogram'] as const;
export type StateKindChoice = (typeof STATE_KINDS)[number];
export const SINK_KINDS = ['plain', 'upsert', 'two-phase-commit'] as const;
export type SinkKindChoice = (typeof SINK_KINDS)[number];
/** What may be inserted after an operator. */
export const INSERTABLE = ['map', 'filter', 'keyed-count'] as const;
export type InsertKind = (typeof INSERTABLE)[number];

/** The names the editor gives; an operator still called by its kind's name is renamed with it. */
const DEFAULT_NAMES: ReadonlyMap<string, string> = new Map([
  ['keyed-count', 'Keyed Count'], ['keyed-sum', 'Keyed Sum'], ['keyed-reduce:sum', 'Keyed Reduce (sum)'],
  ['keyed-reduce:max', 'Keyed Reduce (max)'], ['keyed-reduce:min', 'Keyed Reduce (min)'], ['keyed-last-n', 'Keyed Last 5'],
  ['keyed-histogram', 'Keyed Histogram'],
]);

const op = (spec: ScenarioSpec, id: string) => spec.operators.find((o) => o.id === id);
const inputsOf = (spec: ScenarioSpec, id: string) => spec.edges.filter((e) => e.to === id);
const outputsOf = (spec: ScenarioSpec, id: string) => spec.edges.filter((e) => e.from === id);
const replaceOp = (spec: ScenarioSpec, id: string, next: OperatorSpec): ScenarioSpec => ({ ...spec, operators: spec.operators.map((o) => (o.id === id ? next : o)) });

/** The fields every operator kind shares, kept across a change of kind. */
function common(o: OperatorSpec) {
  return {
    id: o.id, name: o.name,
    ...(o.parallelism !== undefined ? { parallelism: o.parallelism } : {}),
    ...(o.maxParallelism !== undefined ? { maxParallelism: o.maxParallelism } : {}),
    ...(o.costMs !== undefined ? { costMs: o.costMs } : {}),
    ...(o.uid !== undefined ? { uid: o.uid } : {}),
  };
}

export function setParallelism(spec: ScenarioSpec, id: string, parallelism: number): ScenarioSpec {
  return { ...spec, operators: spec.operators.map((o) => (o.id === id ? { ...o, parallelism } : o)) };
}

/** A parallelism typed by the user: the number, or null when it is not a whole number from 1 to `max`. */
export function parseParallelism(text: string, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
}

export function setUid(spec: ScenarioSpec, id: string, uid: string): ScenarioSpec {
  return {
    ...spec,
    operators: spec.operators.map((o) => {
      if (o.id !== id) return o;
      const { uid: _old, ...rest } = o;
      return (uid === '' ? rest : { ...rest, uid }) as OperatorSpec;
    }),
  };
}

function freeId(spec: ScenarioSpec, base: string): string {
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!spec.operators.some((o) => o.id === id)) return id;
  }
}

function newOperator(kind: InsertKind, id: string, from: OperatorSpec): OperatorSpec {
  const n = id.slice(id.lastIndexOf('-') + 1);
  const parallelism = from.parallelism !== undefined ? { parallelism: from.parallelism } : {};
  switch (kind) {
    case 'map': return { id, name: `Map ${n}`, kind: 'map', fn: 'identity', ...parallelism };
    case 'filter': return { id, name: `Filter ${n}`, kind: 'filter', minValue: 0, ...parallelism };
    case 'keyed-count': return { id, name: `Keyed Count ${n}`, kind: 'keyed-count', ...parallelism };
  }
}

/**
 * An operator of `kind` inserted on every output edge of `id`, with that operator's parallelism:
 * the edge into it is forward, or hash (keyBy) for a keyed operator; its outputs take the edges `id` had.
 */
export function insertAfter(spec: ScenarioSpec, id: string, kind: InsertKind = 'map'): ScenarioSpec {
  const from = op(spec, id);
  if (!from || from.kind === 'sink') return spec;
  const newId = freeId(spec, kind === 'keyed-count' ? 'count' : kind);
  const inserted = newOperator(kind, newId, from);
  const at = spec.operators.indexOf(from) + 1;
  const edges: EdgeSpec[] = spec.edges.flatMap((e) => (e.from === id ? [{ ...e, from: newId }] : [e]));
  const first = spec.edges.findIndex((e) => e.from === id);
  edges.splice(first < 0 ? edges.length : first, 0, { from: id, to: newId, partitioner: kind === 'keyed-count' ? 'hash' : 'forward' });
  return { ...spec, operators: [...spec.operators.slice(0, at), inserted, ...spec.operators.slice(at)], edges };
}

/** A map inserted after `id` (the editor's first insert). */
export function insertMapAfter(spec: ScenarioSpec, id: string): ScenarioSpec {
  return insertAfter(spec, id, 'map');
}

/** Whether an operator sits on a plain chain: one input, one output, neither a source, a sink nor a two-input operator. */
function inChain(spec: ScenarioSpec, id: string): boolean {
  const o = op(spec, id);
  return !!o && !['source', 'sink', 'union', 'keyed-join'].includes(o.kind) && inputsOf(spec, id).length === 1 && outputsOf(spec, id).length === 1;
}

/** Whether an operator can go without reconnecting more than one edge: one input and one output, not a source or sink. */
export function removable(spec: ScenarioSpec, id: string): boolean {
  return inChain(spec, id);
}

/** The operator taken out, its input joined to its output (the output's partitioner, or the input's where the output was forward). */
export function removeOperator(spec: ScenarioSpec, id: string): ScenarioSpec {
  if (!removable(spec, id)) return spec;
  const input = inputsOf(spec, id)[0];
  const output = outputsOf(spec, id)[0];
  const joined: EdgeSpec = { ...output, from: input.from, partitioner: output.partitioner === 'forward' ? input.partitioner : output.partitioner };
  return {
    ...spec,
    operators: spec.operators.filter((o) => o.id !== id),
    edges: spec.edges.filter((e) => e !== input).map((e) => (e === output ? joined : e)),
    slowSubtasks: spec.slowSubtasks?.filter((s) => s.operator !== id),
  };
}

/** The operator `id` swaps places with: its chain neighbour upstream ('up') or downstream ('down'), if both are on a plain chain. */
function neighbour(spec: ScenarioSpec, id: string, direction: 'up' | 'down'): string | null {
  if (!inChain(spec, id)) return null;
  const other = direction === 'up' ? inputsOf(spec, id)[0].from : outputsOf(spec, id)[0].to;
  return inChain(spec, other) ? other : null;
}

/** Whether `id` can move one place up or down its chain. */
export function movable(spec: ScenarioSpec, id: string, direction: 'up' | 'down'): boolean {
  return neighbour(spec, id, direction) !== null;
}

/**
 * `id` moved one place along its chain: X → A → B → Y becomes X → B → A → Y. Each operator keeps the
 * partitioner of its own input (a keyed operator stays keyed), the last keeps the chain's output edge.
 */
export function moveOperator(spec: ScenarioSpec, id: string, direction: 'up' | 'down'): ScenarioSpec {
  const other = neighbour(spec, id, direction);
  if (other === null) return spec;
  const [a, b] = direction === 'down' ? [id, other] : [other, id];
  const intoA = inputsOf(spec, a)[0];
  const aToB = outputsOf(spec, a)[0];
  const outOfB = outputsOf(spec, b)[0];
  const edges = spec.edges.map((e): EdgeSpec => {
    if (e === intoA) return { ...aToB, from: intoA.from, to: b };
    if (e === aToB) return { ...intoA, from: b, to: a };
    if (e === outOfB) return { ...outOfB, from: a };
    return e;
  });
  const ia = spec.operators.findIndex((o) => o.id === a);
  const ib = spec.operators.findIndex((o) => o.id === b);
  const operators = [...spec.operators];
  [operators[ia], operators[ib]] = [operators[ib], operators[ia]];
  return { ...spec, operators, edges };
}

/** The partitioner of the edge from `from` into `to` (Flink's keyBy is "hash"). */
export function setPartitioner(spec: ScenarioSpec, from: string, to: string, partitioner: Partitioner): ScenarioSpec {
  return { ...spec, edges: spec.edges.map((e) => (e.from === from && e.to === to ? { ...e, partitioner } : e)) };
}

/** A keyed operator's state kind as the editor names it; null for an operator whose kind cannot change here. */
export function stateKindOf(o: OperatorSpec): StateKindChoice | null {
  if (o.kind === 'keyed-reduce') return `keyed-reduce:${o.reduce}`;
  return (STATE_KINDS as readonly string[]).includes(o.kind) ? (o.kind as StateKindChoice) : null;
}

/** A single-input keyed operator given another kind of state (the editor's "state kind"). */
export function setStateKind(spec: ScenarioSpec, id: string, choice: StateKindChoice): ScenarioSpec {
  const o = op(spec, id);
  const was = o && stateKindOf(o);
  if (!o || !was || was === choice) return spec;
  const base = common(o);
  const name = o.name === DEFAULT_NAMES.get(was) ? DEFAULT_NAMES.get(choice)! : o.name;
  const fields = { ...base, name };
  let next: OperatorSpec;
  if (choice.startsWith('keyed-reduce:')) next = { ...fields, kind: 'keyed-reduce', reduce: choice.slice('keyed-reduce:'.length) as 'sum' | 'max' | 'min' };
  else if (choice === 'keyed-last-n') next = { ...fields, kind: 'keyed-last-n', n: 5 };
  else if (choice === 'keyed-histogram') next = { ...fields, kind: 'keyed-histogram', bucketSize: 10 };
  else next = { ...fields, kind: choice as 'keyed-count' | 'keyed-sum' };
  return replaceOp(spec, id, next);
}

/** A sink's kind: plain, upsert or two-phase commit. */
export function setSinkKind(spec: ScenarioSpec, id: string, sinkKind: SinkKindChoice): ScenarioSpec {
  const o = op(spec, id);
  if (!o || o.kind !== 'sink') return spec;
  return replaceOp(spec, id, { ...o, sinkKind });
}
