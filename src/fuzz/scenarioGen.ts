import fc from 'fast-check';
import { BUILTIN_SCENARIOS } from '../engine';
import { defineOwn, HOSTILE_KEYS, hostileNumber, hostileString, numberAsString, plausibleId, wrongType } from './hostile';
import { confEntry, faultSpec } from './values';

// Mutated scenario files. Each input is a built-in scenario plus a short list of mutations, kept
// as data (not as the mutated text) so fast-check can shrink a failure down to the one mutation
// and the one value that matter. `scenarioText` applies them and gives the file's text.

export const MAX_NEST_DEPTH = 50_000;
export const MAX_GROWN_ARRAY = 3_000;
const GROWN_ARRAY_CHARS = 300_000;

export type Mutation =
  /** `at` picks a node (numbers modulo the number of candidates), so every mutation applies */
  | { op: 'number'; at: number; value: number | string }
  | { op: 'raw-number'; at: number; literal: string }
  | { op: 'string'; at: number; value: string }
  | { op: 'wrong-type'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'rename'; at: number; key: string }
  | { op: 'duplicate'; at: number; times: number }
  | { op: 'grow'; at: number; length: number }
  | { op: 'nest'; at: number; depth: number; kind: 'array' | 'object' }
  | { op: 'config'; key: string; value: string }
  | { op: 'fault'; spec: string }
  | { op: 'swap-ids'; at: number; id: string };

export type TextMutation =
  | { op: 'none' }
  | { op: 'truncate'; keep: number }
  | { op: 'prefix'; text: string }
  | { op: 'suffix'; text: string };

export interface ScenarioInput {
  base: string;
  mutations: Mutation[];
  text: TextMutation;
}

const at = fc.nat({ max: 10_000 });

/** The mutation vocabulary, shared by every generator that mutates a JSON document (lessons, REST documents). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), at, value: fc.oneof(hostileNumber, numberAsString) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('raw-number' as const), at, literal: fc.constantFrom('1e999', '-1e999', '-0', '123456789012345678901234567890', '0.30000000000000000000001', '1E+2', '5e-324') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('string' as const), at, value: hostileString }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wrong-type' as const), at, value: wrongType }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at, key: fc.oneof(fc.constantFrom<string>(...HOSTILE_KEYS), fc.constantFrom('id', 'kind', 'parallelism', 'input', 'uid', 'extra'), hostileString), value: wrongType }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), at, key: fc.oneof(fc.constantFrom<string>(...HOSTILE_KEYS), hostileString) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const), at, length: fc.integer({ min: 100, max: MAX_GROWN_ARRAY }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at, depth: fc.oneof(fc.integer({ min: 2, max: 200 }), fc.constantFrom(5_000, MAX_NEST_DEPTH)), kind: fc.constantFrom('array' as const, 'object' as const) }) },
  { weight: 3, arbitrary: confEntry.map(([key, value]) => ({ op: 'config' as const, key, value })) },
  { weight: 2, arbitrary: faultSpec.map((spec) => ({ op: 'fault' as const, spec })) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-ids' as const), at, id: plausibleId }) },
);

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), keep: fc.nat({ max: 4000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('prefix' as const), text: fc.constantFrom('\ufeff', ' \n', '//', 'null', '[', '\u0000') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('suffix' as const), text: fc.constantFrom('}', ',', ' garbage', '\u0000', '{}', '\n') }) },
);

export const scenarioInput: fc.Arbitrary<ScenarioInput> = fc.record({
  base: fc.constantFrom(...BUILTIN_SCENARIOS.map((s) => s.id)),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 5 }),
  text: textMutation,
});

// --- applying mutations ---

interface Slot { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown }

/** Every place in the document that holds a value, parents before children. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length) {
    const node = stack.pop();
    if (seen.has(node)) continue; // a document is a tree; this only guards against a generator bug
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push({ parent: node, key: i, value: v });
        if (typeof v === 'object' && v !== null) stack.push(v);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const k of Object.keys(node)) {
        const v = (node as Record<string, unknown>)[k];
        out.push({ parent: node as Record<string, unknown>, key: k, value: v });
        if (typeof v === 'object' && v !== null) stack.push(v);
      }
    }
    if (out.length > 20_000) break; // grown arrays: enough candidates
  }
  return out;
}

function pick<T>(list: T[], at: number): T | undefined {
  return list.length ? list[at % list.length] : undefined;
}

function put(slot: Slot, value: unknown): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else defineOwn(slot.parent, slot.key as string, value);
}

/** Markers replaced in the JSON text: values JSON.stringify cannot write (1e999, deep nesting). */
const MARK = '\u0001FUZZ:';

/** Applies one mutation to any JSON document in place (`config` and `fault` write `doc.config` / `doc.faults`). */
export function apply(doc: Record<string, unknown>, mutation: Mutation): void {
  // generated values may be shared objects (fast-check hands out the same constant each time):
  // copy them, or mutations of one document would leak into the next and could make cycles
  const m = structuredClone(mutation);
  const all = slots(doc);
  switch (m.op) {
    case 'number': {
      const s = pick(all.filter((x) => typeof x.value === 'number'), m.at);
      if (s) put(s, m.value);
      break;
    }
    case 'raw-number': {
      const s = pick(all.filter((x) => typeof x.value === 'number'), m.at);
      if (s) put(s, `${MARK}raw:${m.literal}`);
      break;
    }
    case 'string': {
      const s = pick(all.filter((x) => typeof x.value === 'string'), m.at);
      if (s) put(s, m.value);
      break;
    }
    case 'wrong-type': {
      const s = pick(all, m.at);
      if (s) put(s, m.value);
      break;
    }
    case 'delete': {
      const s = pick([{ parent: doc, key: 'operators', value: doc.operators }, ...all].filter((x) => !Array.isArray(x.parent)), m.at);
      if (s) delete (s.parent as Record<string, unknown>)[s.key as string];
      break;
    }
    case 'add': {
      const objects = [doc, ...all.map((x) => x.value).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v))];
      const o = pick(objects, m.at)!;
      defineOwn(o, m.key, m.value);
      break;
    }
    case 'rename': {
      const s = pick(all.filter((x) => !Array.isArray(x.parent)), m.at);
      if (!s) break;
      const parent = s.parent as Record<string, unknown>;
      delete parent[s.key as string];
      defineOwn(parent, m.key, s.value);
      break;
    }
    case 'duplicate': {
      const arrays = all.map((x) => x.value).filter((v): v is unknown[] => Array.isArray(v) && v.length > 0);
      const a = pick(arrays, m.at);
      if (!a) break;
      const item = a[m.at % a.length];
      for (let i = 0; i < m.times; i++) a.push(structuredClone(item));
      break;
    }
    case 'grow': {
      const arrays = all.map((x) => x.value).filter((v): v is unknown[] => Array.isArray(v) && v.length > 0);
      const a = pick(arrays, m.at);
      if (!a) break;
      const n = a.length;
      // bounded by size as well as count: a grown array adds at most GROWN_ARRAY_CHARS to the file
      const itemChars = Math.max(1, (JSON.stringify(a)?.length ?? 1) / n);
      const length = Math.min(m.length, n + Math.floor(GROWN_ARRAY_CHARS / itemChars));
      // copies, not shared references: a later mutation of one item must not reach them all
      for (let i = n; i < length; i++) a.push(structuredClone(a[i % n]));
      break;
    }
    case 'nest': {
      const s = pick(all, m.at);
      if (s) put(s, `${MARK}nest:${m.kind}:${m.depth}`);
      break;
    }
    case 'config': {
      const config = (typeof doc.config === 'object' && doc.config !== null && !Array.isArray(doc.config) ? doc.config : (doc.config = {})) as Record<string, unknown>;
      defineOwn(config, m.key, m.value);
      break;
    }
    case 'fault': {
      const faults = Array.isArray(doc.faults) ? doc.faults : (doc.faults = []) as unknown[];
      faults.push(m.spec);
      break;
    }
    case 'swap-ids': {
      // an id that still passes the id pattern but names something else (or something hostile)
      const s = pick(all.filter((x) => (x.key === 'id' || x.key === 'from' || x.key === 'to' || x.key === 'operator') && typeof x.value === 'string'), m.at);
      if (s) put(s, m.id);
      break;
    }
  }
}

const markerPattern = /"\\u0001FUZZ:(raw|nest):([^"]*)"/g;

/** The JSON text of a mutated document, with raw-number and nesting markers written out. */
export function expandMarkers(text: string): string {
  if (!text.includes('\\u0001FUZZ:')) return text;
  let nests = 0;
  return text.replace(markerPattern, (_, kind: string, arg: string) => {
    if (kind === 'raw') return arg;
    // a nest marker copied by `grow` or `duplicate` is expanded a few times only: the text stays small
    if (++nests > 3) return '[]';
    const [shape, depthText] = arg.split(':');
    const depth = Math.min(Number(depthText), MAX_NEST_DEPTH);
    return shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  });
}

/** The largest text a generated file may have: a little over the limit a scenario file is held to. */
export const MAX_TEXT_CHARS = 1_500_000;

/** The mutated scenario as a file's text. */
export function scenarioText(input: ScenarioInput): string {
  const base = BUILTIN_SCENARIOS.find((s) => s.id === input.base)!;
  const doc = structuredClone(base) as unknown as Record<string, unknown>;
  for (const m of input.mutations) apply(doc, m);
  let text = expandMarkers(JSON.stringify(doc));
  switch (input.text.op) {
    case 'truncate': text = text.slice(0, input.text.keep); break;
    case 'prefix': text = input.text.text + text; break;
    case 'suffix': text = text + input.text.text; break;
  }
  if (text.length > MAX_TEXT_CHARS) throw new Error(`fuzzer bug: a generated scenario has ${text.length} characters: ${JSON.stringify(input).slice(0, 1000)}`);
  return text;
}
