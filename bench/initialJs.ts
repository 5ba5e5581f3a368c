import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// What the first screen's JavaScript costs to download: the gzip size of every script index.html
// loads (its module scripts and modulepreload links) and, following their static `import`s, every
// chunk those need before the page can run. Dynamic `import()`s (lazy panels, locales) are left out.

export const INITIAL_JS_KB_MAX = 300;

/** The .js paths (as written, relative to the site root) index.html loads or preloads. */
export function entryScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+\.js)"/.exec(m[0]);
    if (href) out.push(href[1]);
  }
  return out;
}

/** The relative chunks a built module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[^\w$.])import\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) out.push(m[1]);
  return out;
}

/** A chunk of a build as the bundler describes it (Rollup's and Rolldown's OutputChunk). */
export interface BuiltChunk { fileName: string; isEntry: boolean; imports: readonly string[] }

/**
 * The chunks a build runs before its first screen: the entry chunks and, following their static
 * imports, everything they need; the same set initialJs weighs, read from the bundle instead of
 * from index.html.
 */
export function initialChunks(chunks: readonly BuiltChunk[]): string[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const out: string[] = [];
  const queue = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (queue.length) {
    const name = queue.shift()!;
    if (out.includes(name) || !byName.has(name)) continue;
    out.push(name);
    queue.push(...byName.get(name)!.imports);
  }
  return out;
}

/**
 * Chromium's explicit compile hint (V8, Chrome 136+): a script starting with this comment has all
 * its functions compiled while it downloads, on a background thread, instead of each on the main
 * thread the first time it runs.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export interface InitialJs { kb: number; files: { path: string; gzipKB: number }[] }

/** The first screen's JavaScript in the built site at `dist`. */
export function initialJs(dist: string): InitialJs {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: build the site first`);
  const seen = new Set<string>();
  const queue = entryScripts(readFileSync(index, 'utf8'))
    .filter((p) => !/^[a-z]+:\/\//i.test(p))
    .map((p) => posix.normalize(p.replace(/^\//, '')));
  const files: InitialJs['files'] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = join(dist, path);
    if (!existsSync(file)) throw new Error(`index.html loads ${path}, which is not in ${dist}`);
    const code = readFileSync(file);
    files.push({ path, gzipKB: gzipSync(code, { level: 9 }).length / 1000 });
    for (const dep of staticImports(code.toString('utf8'))) queue.push(posix.join(dirname(path), dep));
  }
  return { kb: files.reduce((s, f) => s + f.gzipKB, 0), files };
}

// `npx tsx bench/initialJs.ts [dist]`: prints the figure (kB of 1,000 bytes, as Vite prints them); exits 1 over the budget.
if (process.argv[1] && /initialJs\.ts$/.test(process.argv[1])) {
  const { kb, files } = initialJs(process.argv[2] ?? 'dist');
  for (const f of files) console.log(`  ${f.gzipKB.toFixed(1).padStart(7)} kB  ${f.path}`);
  console.log(`initial JavaScript ${kb.toFixed(1)} kB gzip; budget ${INITIAL_JS_KB_MAX} kB: ${kb <= INITIAL_JS_KB_MAX ? 'PASS' : 'FAIL'}`);
  if (kb > INITIAL_JS_KB_MAX) process.exitCode = 1;
}
