import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No import cycles in src/, counting every kind of import: values, `import type`, re-exports,
// import() calls and inline import('…') types. A type-only cycle costs nothing at run time, but it
// means two layers each know the other, which is what the layer rules are there to prevent.
// (import-x/no-cycle in ESLint sees only run-time cycles, and added 20-40 % to lint's CPU time here.)

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

// Cycles that existed when this test was written and are still to be broken, as sorted lists of
// files (one strongly connected component each). Remove an entry when it is gone; never add one.
// Both are type-only back edges (a type import closing a value import) in work that was in progress
// when this list was made.
const KNOWN_CYCLES: string[][] = [
  // limits.ts takes `type ScenarioSpec` from schema.ts, which imports limits.ts's values
  ['src/engine/scenarios/limits.ts', 'src/engine/scenarios/schema.ts'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.ReactJSX };

/** file -> the files in src/ it imports */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && resolved.resolvedFileName.startsWith(SRC)) targets.add(resolved.resolvedFileName);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file, or a file importing itself. */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.map((c) => c.map((f) => relative(ROOT, f).split('\\').join('/')).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

/** One loop through a component, for the failure message: a -> b -> … -> a. */
function loopThrough(component: string[], graph: Map<string, string[]>): string {
  const inside = new Set(component.map((f) => join(ROOT, f)));
  const start = join(ROOT, component[0]);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return [...path, start].map((f) => relative(SRC, f)).join(' -> ');
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.join(', ');
}

describe('import cycles', () => {
  it('finds a cycle when there is one', () => {
    const g = new Map([['/a', ['/b']], ['/b', ['/c']], ['/c', ['/a']], ['/d', ['/a']]]);
    expect(cyclesOf(g)).toHaveLength(1);
    expect(cyclesOf(g)[0]).toHaveLength(3);
    expect(cyclesOf(new Map([['/a', ['/b']], ['/b', []]]))).toEqual([]);
  });

  it('src/ has no import cycles but the known ones', () => {
    const graph = importGraph(sourceFiles(SRC));
    const cycles = cyclesOf(graph);
    const known = new Set(KNOWN_CYCLES.map((c) => c.join(' ')));
    const fresh = cycles.filter((c) => !known.has(c.join(' ')));
    const explain = fresh.map((c) => `${c.join(', ')}\n  for example ${loopThrough(c, graph)}`).join('\n');
    expect(fresh, `import cycles in src/ (files that import each other, directly or not):\n${explain}\n`).toEqual([]);
    const found = new Set(cycles.map((c) => c.join(' ')));
    expect(KNOWN_CYCLES.filter((c) => !found.has(c.join(' '))), 'known cycles that are gone: remove them from KNOWN_CYCLES').toEqual([]);
  });
});
