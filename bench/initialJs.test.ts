import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, entryScripts, initialChunks, initialJs, staticImports } from './initialJs';

describe('initial JavaScript of a built site', () => {
  it('reads the module scripts and modulepreload links of index.html, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" href="/assets/index-c.css">`;
    expect(entryScripts(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
  });

  it('follows static imports and leaves dynamic import() out', () => {
    const code = 'import{a as b}from"./vendor-b.js";import"./side.js";const p=()=>import("./Panel-d.js");export{x}from"./re.js"';
    expect(staticImports(code)).toEqual(['./vendor-b.js', './side.js']);
  });

  it('sums the gzip size of the entry and everything it needs before it runs', () => {
    const dist = mkdtempSync(join(tmpdir(), 'initial-js-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/index.js"></script>');
    writeFileSync(join(dist, 'assets/index.js'), 'import{r}from"./vendor.js";const lazy=()=>import("./Panel.js");r(lazy)');
    writeFileSync(join(dist, 'assets/vendor.js'), `export const r=(f)=>f;${'// vendor\n'.repeat(200)}`);
    writeFileSync(join(dist, 'assets/Panel.js'), 'x'.repeat(100_000));
    const { files, kb } = initialJs(dist);
    expect(files.map((f) => f.path)).toEqual(['assets/index.js', 'assets/vendor.js']);
    expect(kb).toBeGreaterThan(0);
    expect(kb).toBeLessThan(1);
  });

  it('says which file index.html loads that is missing', () => {
    const dist = mkdtempSync(join(tmpdir(), 'initial-js-'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/gone.js"></script>');
    expect(() => initialJs(dist)).toThrow(/assets\/gone\.js/);
  });

  it('names the chunks a build runs first from its bundle: the entries and their static imports, each once', () => {
    const chunks = [
      { fileName: 'assets/Panel.js', isEntry: false, imports: ['assets/vendor.js'] },
      { fileName: 'assets/index.js', isEntry: true, imports: ['assets/vendor.js', 'assets/engine.js'] },
      { fileName: 'assets/engine.js', isEntry: false, imports: ['assets/vendor.js'] },
      { fileName: 'assets/vendor.js', isEntry: false, imports: [] },
    ];
    expect(initialChunks(chunks)).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/engine.js']);
    expect(initialChunks(chunks.filter((c) => !c.isEntry))).toEqual([]);
  });

  it('writes the compile hint as a line comment V8 reads at the top of a script', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
    // still a comment: the script after it runs as before
    expect(new Function(`${COMPILE_HINT}return 1 + 1`)()).toBe(2);
  });
});
