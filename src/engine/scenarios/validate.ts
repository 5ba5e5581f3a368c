import type { z } from 'zod';
import { Conf, ConfigError, validateConf, type ConfValue } from '../config/conf';
import { echo, quote } from '../text/echo';
import { hasCycle } from './graph';
import { jobSizeDefaults, jobSizeProblems, rawSizeProblems, SCENARIO_LIMITS, simulatorLimit } from './limits';
import { BUILTIN_SCENARIOS } from './builtin';
import { OPERATOR_LEADING_FIELDS, scenarioSpecSchema, type ScenarioSpec } from './schema';

/** The problems a message lists: the first few, then how many more there are. */
export function shownProblems(problems: readonly string[], max: number = SCENARIO_LIMITS.problemsShown, maxChars: number = SCENARIO_LIMITS.problemsShownChars): string[] {
  const shown: string[] = [];
  let chars = 0;
  for (const problem of problems) {
    if (shown.length === max) break;
    if (shown.length > 0 && chars + problem.length > maxChars) break;
    const cut = problem.length > maxChars ? `${problem.slice(0, maxChars - 1)}…` : problem;
    shown.push(cut);
    chars += cut.length;
  }
  const rest = problems.length - shown.length;
  return rest > 0 ? [...shown, `and ${rest.toLocaleString('en-US')} more`] : shown;
}

/**
 * A scenario that cannot run. `problems` each name the place and what is wrong, the first few of
 * them and "and N more" (what to show); `allProblems` keeps every one.
 */
export class ScenarioError extends Error {
  readonly problems: string[];
  constructor(readonly allProblems: string[]) {
    const shown = shownProblems(allProblems);
    super(`invalid scenario: ${shown.join('; ')}`);
    this.problems = shown;
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

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(scenario)';
  return path.map((p) => (typeof p === 'number' ? String(p) : echo(String(p)))).join('.');
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const more = keys.length > 3 ? ` and ${keys.length - 3} more` : '';
    return `${pathText(issue.path)}: unknown field${keys.length > 1 ? 's' : ''} ${keys.slice(0, 3).map((k) => quote(k)).join(', ')}${more}`;
  }
  return `${pathText(issue.path)}: ${echo(issue.message, 300)}`;
}

/** The raw input's own `config` entries: read from the input itself, so "__proto__" is seen. */
function rawConfigEntries(input: unknown): Map<string, ConfValue> {
  const config = (input as { config?: unknown }).config;
  const entries = new Map<string, ConfValue>();
  if (typeof config === 'object' && config !== null && Object.hasOwn(input as object, 'config')) {
    for (const [k, v] of Object.entries(config)) entries.set(k, v as ConfValue);
  }
  return entries;
}

/**
 * A built-in scenario (the object itself) is the engine's own code, not input: its copy is what the
 * schema would return (validate.test.ts checks both agree for every one), the operators' fields in
 * the schema's order, without the schema's work (a first screen's load spent a tenth of its script
 * time on it).
 */
function builtinCopy(input: unknown): ScenarioSpec | null {
  if (!BUILTIN_SCENARIOS.includes(input as ScenarioSpec)) return null;
  const copy = structuredClone(input as ScenarioSpec);
  copy.operators = copy.operators.map((op) => {
    const ordered: Record<string, unknown> = {};
    for (const field of OPERATOR_LEADING_FIELDS) if (Object.hasOwn(op, field)) ordered[field] = op[field as keyof typeof op];
    return Object.assign(ordered, op) as typeof op;
  });
  return copy;
}

/** The size against the simulator's limits, then the shape with the schema. */
function checkedShape(input: unknown): ScenarioSpec {
  const tooBig = rawSizeProblems(input);
  if (tooBig.length) throw new ScenarioError(tooBig);
  const parsed = scenarioSpecSchema().safeParse(input);
  if (!parsed.success) throw new ScenarioError(parsed.error.issues.map(issueText));
  return parsed.data;
}

/**
 * Checks the size against the simulator's limits, the shape with the schema (a built-in scenario is
 * trusted with both), the configuration's keys and values, then the graph: ids, edges, inputs,
 * keyBy, the job's size, cycles.
 */
export function parseScenario(input: unknown): ScenarioSpec {
  const spec = builtinCopy(input) ?? checkedShape(input);
  const problems: string[] = [];

  let conf: Record<string, ConfValue> = {};
  try {
    conf = validateConf(rawConfigEntries(input));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.push(`config: ${e.message}`);
  }

  const ops = new Map<string, (typeof spec.operators)[number]>();
  spec.operators.forEach((op, i) => {
    if (ops.has(op.id)) problems.push(`operators.${i}.id: ${quote(op.id)} is used twice`);
    ops.set(op.id, op);
  });
  // Flink refuses two operators with one uid when it derives the operator ids (UidCollisionError)
  const uids = new Map<string, number>();
  spec.operators.forEach((op, i) => {
    if (op.uid === undefined) return;
    const first = uids.get(op.uid);
    if (first !== undefined) problems.push(`operators.${i}.uid: ${quote(op.uid)} is the uid of operators.${first} too. Hash collision on user-specified ID. Most likely cause is a non-unique ID. Please check that all IDs specified via \`uid(String)\` are unique.`);
    else uids.set(op.uid, i);
  });
  const inputSides = new Map<string, Set<number>>();
  const seenEdges = new Map<string, number>();
  spec.edges.forEach((e, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ops.has(e[end])) problems.push(`edges.${i}.${end}: no operator has id ${quote(e[end])}`);
    }
    const to = ops.get(e.to);
    const from = ops.get(e.from);
    if (from?.kind === 'sink') problems.push(`edges.${i}: a sink (${quote(e.from)}) has no output`);
    if (to?.kind === 'source') problems.push(`edges.${i}: a source (${quote(e.to)}) takes no input`);
    if (to && KEYED.has(to.kind) && e.partitioner !== 'hash') {
      problems.push(`edges.${i}: ${quote(to.name)} keeps keyed state, so its input must be keyed (partitioner "hash"), not "${e.partitioner}"`);
    }
    if (to && e.input === 1 && !TWO_INPUT.has(to.kind)) problems.push(`edges.${i}.input: ${quote(to.name)} has one input only`);
    // ids cannot hold a space, so this key is unambiguous
    const key = `${e.from} ${e.to} ${e.input ?? 0}`;
    const first = seenEdges.get(key);
    if (first !== undefined) problems.push(`edges.${i}: the same edge as edges.${first} (from ${quote(e.from)} to ${quote(e.to)}, input ${e.input ?? 0})`);
    else seenEdges.set(key, i);
    let sides = inputSides.get(e.to);
    if (!sides) inputSides.set(e.to, (sides = new Set()));
    sides.add(e.input ?? 0);
  });
  spec.operators.forEach((op, i) => {
    const sides = inputSides.get(op.id);
    if (op.kind !== 'source' && !sides) problems.push(`operators.${i}: ${quote(op.id)} has no input edge`);
    if (TWO_INPUT.has(op.kind)) {
      for (const side of [0, 1]) {
        if (!sides?.has(side)) problems.push(`operators.${i}: ${quote(op.id)} (${op.kind}) needs an edge into input ${side}`);
      }
    }
  });
  problems.push(...jobSizeProblems(spec, jobSizeDefaults(new Conf(conf))));
  if (problems.length === 0 && hasCycle(spec.operators.map((o) => o.id), spec.edges)) {
    problems.push('edges: the job graph has a cycle; streaming jobs here must be acyclic');
  }
  if (problems.length) throw new ScenarioError(problems);
  return spec;
}

/**
 * A scenario file's text as a scenario: its size bounded before it is parsed, then JSON, then
 * `parseScenario`. Every failure is a ScenarioError.
 */
export function parseScenarioText(text: string): ScenarioSpec {
  const limit = SCENARIO_LIMITS.textChars;
  if (text.length > limit) {
    throw new ScenarioError([`the file has ${text.length.toLocaleString('en-US')} characters; ${simulatorLimit('characters in a scenario file', limit)}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([`it is not JSON (${echo((e as Error).message, 200)})`]);
  }
  return parseScenario(json);
}
