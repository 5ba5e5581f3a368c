import { parseDuration, parseStableId, quote } from '../engine';
import { LESSON_EVENTS } from './events';
import { FACTS, type FactArg, type FactValue } from './facts';
import { LESSON_LIMITS } from './limits';

// The small declarative language of `until` and `goal`: what must have happened, or be true, in a
// run. Checked by hand rather than by a schema union so that each problem names its exact path.
//
//   { "event": "checkpoint-completed", "checkpoint": 1 }   an event (optionally: checkpoint, subtask,
//                                                           channel, and how many `times`)
//   { "atLeast": "3 s" }                                    the step has run at least this long
//   { "fact": "oracle-verdict", "equals": "exactly-once" }  a fact of the engine, compared with
//                                                           `equals`, `min` and/or `max`
//   { "all": [...] }, { "any": [...] }, { "not": p }, { "sequence": [...] } (one after the other)

export type EventPredicate = { event: string; checkpoint?: number; subtask?: string; channel?: string; times?: number };
export type FactRef = { fact: string; channel?: string; operator?: string; key?: string; checkpoint?: number };
export type FactPredicate = FactRef & { equals?: FactValue; min?: number; max?: number };
export type Predicate =
  | EventPredicate
  | { atLeast: string }
  | FactPredicate
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { sequence: Predicate[] }
  | { not: Predicate };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ownKeys = (v: Record<string, unknown>) => Object.keys(v);
const OPERATOR_ID = /^[a-z][a-z0-9-]{0,63}$/;

function scalar(v: unknown): v is FactValue {
  return (typeof v === 'string' && v.length <= LESSON_LIMITS.keyChars) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function unknownKeys(v: Record<string, unknown>, allowed: readonly string[], path: string, problems: string[]): void {
  for (const k of ownKeys(v)) if (!allowed.includes(k)) problems.push(`${path}: unknown field ${quote(k)} (allowed: ${allowed.join(', ')})`);
}

function stableIdOfKind(v: unknown, kind: 'subtask' | 'channel', path: string, problems: string[]): void {
  if (typeof v !== 'string' || v.length > 200 || parseStableId(v)?.kind !== kind) {
    problems.push(`${path}: expected a ${kind} id such as ${kind === 'subtask' ? 'count/1' : 'map/0->count/1'}`);
  }
}

/** A fact's name and arguments, checked: `fact` plus exactly the arguments that fact takes. */
export function checkFactRef(v: Record<string, unknown>, path: string, problems: string[], extra: readonly string[] = []): void {
  const def = typeof v.fact === 'string' ? FACTS.get(v.fact) : undefined;
  if (!def) {
    problems.push(`${path}.fact: unknown fact ${typeof v.fact === 'string' ? quote(v.fact) : 'name'} (facts: ${[...FACTS.keys()].join(', ')})`);
    return;
  }
  const args: readonly FactArg[] = ['channel', 'operator', 'key', 'checkpoint'];
  unknownKeys(v, ['fact', ...args, ...extra], path, problems);
  for (const a of args) {
    const needed = def.args.includes(a);
    if (needed && v[a] === undefined) problems.push(`${path}.${a}: the fact "${v.fact}" needs it`);
    if (!needed && v[a] !== undefined) problems.push(`${path}.${a}: the fact "${v.fact}" takes no ${a}`);
  }
  if (v.channel !== undefined) stableIdOfKind(v.channel, 'channel', `${path}.channel`, problems);
  if (v.operator !== undefined && (typeof v.operator !== 'string' || !OPERATOR_ID.test(v.operator))) problems.push(`${path}.operator: expected an operator id such as count`);
  if (v.checkpoint !== undefined && !(Number.isInteger(v.checkpoint) && (v.checkpoint as number) >= 1 && (v.checkpoint as number) <= 1_000_000)) problems.push(`${path}.checkpoint: expected a checkpoint id from 1`);
  if (v.key !== undefined && (typeof v.key !== 'string' || v.key.length > LESSON_LIMITS.keyChars)) problems.push(`${path}.key: expected a key of at most ${LESSON_LIMITS.keyChars} characters`);
}

function checkDuration(v: unknown, path: string, problems: string[]): void {
  const ms = typeof v === 'string' ? parseDuration(v) : null;
  if (ms === null || ms > LESSON_LIMITS.stepMs) problems.push(`${path}: expected a duration such as "3 s", at most ${LESSON_LIMITS.stepMs / 1000} s`);
}

/** Problems of a predicate read from a file; none means it is a Predicate. */
export function predicateProblems(v: unknown, path: string, depth = 0): string[] {
  const problems: string[] = [];
  if (!isObject(v)) return [`${path}: expected a predicate object ({ "event": … }, { "atLeast": … }, { "fact": … }, { "all" | "any" | "sequence": [...] } or { "not": … })`];
  if (depth > LESSON_LIMITS.predicateDepth) return [`${path}: predicates nest deeper than ${LESSON_LIMITS.predicateDepth} levels`];
  const list = (key: 'all' | 'any' | 'sequence') => {
    unknownKeys(v, [key], path, problems);
    const items = v[key];
    if (!Array.isArray(items) || items.length < 1 || items.length > LESSON_LIMITS.predicateChildren) {
      problems.push(`${path}.${key}: expected 1 to ${LESSON_LIMITS.predicateChildren} predicates`);
      return;
    }
    items.forEach((c, i) => problems.push(...predicateProblems(c, `${path}.${key}.${i}`, depth + 1)));
  };
  if ('event' in v) {
    unknownKeys(v, ['event', 'checkpoint', 'subtask', 'channel', 'times'], path, problems);
    if (typeof v.event !== 'string' || !LESSON_EVENTS.has(v.event)) problems.push(`${path}.event: unknown event ${typeof v.event === 'string' ? quote(v.event) : ''} (events: ${[...LESSON_EVENTS.keys()].join(', ')})`);
    if (v.checkpoint !== undefined && !(Number.isInteger(v.checkpoint) && (v.checkpoint as number) >= 1 && (v.checkpoint as number) <= 1_000_000)) problems.push(`${path}.checkpoint: expected a checkpoint id from 1`);
    if (v.times !== undefined && !(Number.isInteger(v.times) && (v.times as number) >= 1 && (v.times as number) <= 10_000)) problems.push(`${path}.times: expected a whole number from 1 to 10000`);
    if (v.subtask !== undefined) stableIdOfKind(v.subtask, 'subtask', `${path}.subtask`, problems);
    if (v.channel !== undefined) stableIdOfKind(v.channel, 'channel', `${path}.channel`, problems);
  } else if ('atLeast' in v) {
    unknownKeys(v, ['atLeast'], path, problems);
    checkDuration(v.atLeast, `${path}.atLeast`, problems);
  } else if ('fact' in v) {
    checkFactRef(v, path, problems, ['equals', 'min', 'max']);
    if (v.equals === undefined && v.min === undefined && v.max === undefined) problems.push(`${path}: a fact predicate compares with "equals", "min" or "max"`);
    if (v.equals !== undefined && !scalar(v.equals)) problems.push(`${path}.equals: expected a string, number or boolean`);
    for (const k of ['min', 'max'] as const) if (v[k] !== undefined && !(typeof v[k] === 'number' && Number.isFinite(v[k]))) problems.push(`${path}.${k}: expected a number`);
  } else if ('all' in v) list('all');
  else if ('any' in v) list('any');
  else if ('sequence' in v) list('sequence');
  else if ('not' in v) {
    unknownKeys(v, ['not'], path, problems);
    problems.push(...predicateProblems(v.not, `${path}.not`, depth + 1));
  } else problems.push(`${path}: expected one of "event", "atLeast", "fact", "all", "any", "sequence", "not"`);
  return problems;
}

/** Every fact a predicate names (to refuse oracle facts where a step waits). */
export function factsIn(p: Predicate): FactRef[] {
  if ('fact' in p) return [p];
  if ('all' in p) return p.all.flatMap(factsIn);
  if ('any' in p) return p.any.flatMap(factsIn);
  if ('sequence' in p) return p.sequence.flatMap(factsIn);
  if ('not' in p) return factsIn(p.not);
  return [];
}

/** Every stable id a predicate names. */
export function stableIdsIn(p: Predicate): string[] {
  if ('event' in p) return [p.subtask, p.channel].filter((x): x is string => x !== undefined);
  if ('fact' in p) return p.channel !== undefined ? [p.channel] : [];
  if ('all' in p) return p.all.flatMap(stableIdsIn);
  if ('any' in p) return p.any.flatMap(stableIdsIn);
  if ('sequence' in p) return p.sequence.flatMap(stableIdsIn);
  if ('not' in p) return stableIdsIn(p.not);
  return [];
}
