import { describe, expect, it } from 'vitest';

// A guard until a lint rule does it: the state's types may not index a plain object by arbitrary
// strings, because a string from a scenario file or a link ("__proto__", "constructor") then
// reads or writes a prototype. Such tables are Maps. The allowlist names the few objects whose
// keys are never outside strings, each with the reason.

// The state's types as text (Vite's ?raw import: an engine test imports nothing outside the
// engine). The state types may also live in sim/state.ts and RocksDbFiles in taskSnapshot.ts.
const SOURCES = import.meta.glob<string>(['./model/types.ts', './checkpoint/types.ts', './checkpoint/taskSnapshot.ts', './sim/state.ts'], { query: '?raw', import: 'default', eager: true });
const FILES = Object.fromEntries(Object.entries(SOURCES).map(([path, text]) => [path.slice(2), text]));

// by the property's name, wherever among these files it is declared
const ALLOWED: Record<string, string> = {
  offsets: 'partition numbers of the plan',
  startedFrom: 'partition numbers of the plan (the offsets a submitted job started from)',
  limits: 'partition numbers of the plan',
  raw: 'configuration keys: validated against CONFIG_KEYS, an unknown key (__proto__ too) is refused before the state exists',
  operator: 'operator-state names the engine fixes (SourceReaderState, pending-commit-transactions, pending-transaction)',
  inputChannelState: 'channel ids (numbers)',
  outputChannelState: 'channel ids (numbers)',
  acks: 'subtask ids (numbers)',
  subtasks: 'subtask ids (numbers)',
  shipped: 'checkpoint ids and subtask ids (numbers)',
  uploadedBy: 'checkpoint ids (numbers)',
};

const STRING_INDEX = /\[\s*\w+\s*:\s*string\s*\]\s*:|Record\s*<\s*string\s*,/;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
}

/** Each line that indexes by string, named by the property or type it declares. */
function stringIndexedDeclarations(file: string): { file: string; name: string }[] {
  const source = withoutComments(FILES[file]);
  const found: { file: string; name: string }[] = [];
  for (const line of source.split('\n')) {
    if (!STRING_INDEX.test(line)) continue;
    const name = /^\s*(?:readonly\s+)?(\w+)\??\s*:/.exec(line)?.[1] ?? /^\s*(?:export\s+)?(?:type|interface)\s+(\w+)/.exec(line)?.[1] ?? line.trim();
    found.push({ file, name });
  }
  return found;
}

describe('no plain object in the state is indexed by outside strings', () => {
  const found = Object.keys(FILES).flatMap(stringIndexedDeclarations);

  it('reads the types it guards', () => {
    expect(Object.keys(FILES)).toEqual(expect.arrayContaining(['model/types.ts', 'checkpoint/types.ts']));
  });

  it('finds string index signatures and Record<string, …> only where the allowlist says why', () => {
    expect(found.filter((d) => !Object.hasOwn(ALLOWED, d.name)).map((d) => `${d.file}: ${d.name}`)).toEqual([]);
  });

  it('has no stale allowlist entry', () => {
    expect(Object.keys(ALLOWED).filter((name) => !found.some((d) => d.name === name))).toEqual([]);
  });

  it('recognises what it guards against', () => {
    expect(STRING_INDEX.test('  upserts: { [key: string]: Rec };')).toBe(true);
    expect(STRING_INDEX.test('  finalAt: Record<string, number>;')).toBe(true);
    expect(STRING_INDEX.test('  finalAt: Map<SimKey, number>;')).toBe(false);
    expect(STRING_INDEX.test('  offsets: { [partition: number]: number };')).toBe(false);
  });
});
