import { scenarioSpec, type ScenarioSpec } from './schema';

/** A scenario that cannot run; `problems` each name the place and what is wrong. */
export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid scenario: ${problems.join('; ')}`);
    this.name = 'ScenarioError';
  }
}

const KEYED = new Set(['keyed-count', 'keyed-sum', 'keyed-last-n', 'keyed-histogram', 'keyed-reduce', 'keyed-join']);
const TWO_INPUT = new Set(['union', 'keyed-join']);

export function isKeyedKind(kind: string): boolean {
  return KEYED.has(kind);
}
export function isTwoInputKind(kind: string): boolean {
  return TWO_INPUT.has(kind);
}

/** Checks the shape with the schema, then the graph: ids, edges, inputs, keyBy, cycles. */
export function parseScenario(input: unknown): ScenarioSpec {
  const parsed = scenarioSpec.safeParse(input);
  if (!parsed.success) {
    throw new ScenarioError(parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(scenario)'}: ${i.message}`));
  }
  const spec = parsed.data;
  const problems: string[] = [];
  const ops = new Map<string, (typeof spec.operators)[number]>();
  spec.operators.forEach((op, i) => {
    if (ops.has(op.id)) problems.push(`operators.${i}.id: "${op.id}" is used twice`);
    ops.set(op.id, op);
  });
  spec.edges.forEach((e, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ops.has(e[end])) problems.push(`edges.${i}.${end}: no operator has id "${e[end]}"`);
    }
    const to = ops.get(e.to);
    const from = ops.get(e.from);
    if (from?.kind === 'sink') problems.push(`edges.${i}: a sink ("${e.from}") has no output`);
    if (to?.kind === 'source') problems.push(`edges.${i}: a source ("${e.to}") takes no input`);
    if (to && KEYED.has(to.kind) && e.partitioner !== 'hash') {
      problems.push(`edges.${i}: "${to.name}" keeps keyed state, so its input must be keyed (partitioner "hash"), not "${e.partitioner}"`);
    }
    if (to && e.input === 1 && !TWO_INPUT.has(to.kind)) problems.push(`edges.${i}.input: "${to.name}" has one input only`);
  });
  for (const op of spec.operators) {
    const inputs = spec.edges.filter((e) => e.to === op.id);
    if (op.kind !== 'source' && inputs.length === 0) problems.push(`operator "${op.id}" has no input edge`);
    if (TWO_INPUT.has(op.kind)) {
      for (const side of [0, 1]) {
        if (!inputs.some((e) => (e.input ?? 0) === side)) problems.push(`operator "${op.id}" (${op.kind}) needs an edge into input ${side}`);
      }
    }
  }
  if (problems.length === 0) {
    // Kahn's algorithm: anything left over sits on a cycle.
    const indegree = new Map(spec.operators.map((o) => [o.id, 0]));
    for (const e of spec.edges) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    const ready = [...indegree].filter(([, d]) => d === 0).map(([k]) => k);
    let seen = 0;
    while (ready.length) {
      const id = ready.pop()!;
      seen++;
      for (const e of spec.edges.filter((x) => x.from === id)) {
        indegree.set(e.to, indegree.get(e.to)! - 1);
        if (indegree.get(e.to) === 0) ready.push(e.to);
      }
    }
    if (seen !== spec.operators.length) problems.push('edges: the job graph has a cycle; streaming jobs here must be acyclic');
  }
  if (problems.length) throw new ScenarioError(problems);
  return spec;
}
