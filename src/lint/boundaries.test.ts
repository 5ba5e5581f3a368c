import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The layer rules in eslint.config.js, run through ESLint's Node API on source text placed at paths
// inside src/ (the files need not exist; what they import must, since the rules check where an
// import resolves to). Each forbidden case must fail with the rule's own message; the allowed cases
// must pass.

const ROOT = resolve(import.meta.dirname, '../..');
const LAYER_RULES = new Set([
  'layers/no-restricted-paths', 'import-x/no-nodejs-modules', 'no-restricted-globals',
  'no-restricted-properties', 'no-restricted-syntax', 'no-restricted-imports',
]);

// Loading the config and the TypeScript parser takes seconds on a busy machine: do it once, up front.
vi.setConfig({ testTimeout: 30_000 });
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('export {};', { filePath: join(ROOT, 'src/engine/warmUp.ts') });
}, 120_000);

/** The layer-rule messages for `code` linted as if it were the file at `path` (relative to the root). */
async function layerMessages(path: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, 'the fixture parses').toEqual([]);
  return result.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map(({ ruleId, message }) => ({ ruleId, message }));
}

/** Some existing module in `dir`, as an import path from `fromFile` (both relative to the root). */
function someModuleIn(dir: string, fromFile: string): string {
  const file = readdirSync(join(ROOT, dir)).find((f) => /\.tsx?$/.test(f) && !/\.(test|testkit)\.tsx?$/.test(f));
  if (!file) throw new Error(`no module in ${dir}`);
  const spec = relative(join(ROOT, fromFile, '..'), join(ROOT, dir, file.replace(/\.tsx?$/, ''))).split('\\').join('/');
  return spec.startsWith('.') ? spec : `./${spec}`;
}

const ENGINE_FILE = 'src/engine/kernels/barrierHandler/probe.ts';
const ENGINE_ONLY = /src\/engine imports only src\/engine/;

describe('src/engine imports only src/engine', () => {
  const store = () => someModuleIn('src/store', ENGINE_FILE);
  const ui = () => someModuleIn('src/ui', ENGINE_FILE);
  const cases: [string, () => string][] = [
    ['a static import', () => `import { x } from '${store()}';\nexport const y = x;`],
    ['an import type', () => `import type { X } from '${ui()}';\nexport type Y = X;`],
    ['an import() type query', () => `export type Y = typeof import('${store()}');`],
    ['an inline import() type', () => `export type Y = import('${ui()}').X;`],
    ['a dynamic import', () => `export const load = () => import('${store()}');`],
    ['a re-export', () => `export * from '${ui()}';`],
    ['react', () => `import { useState } from 'react';\nexport const y = useState;`],
    ['zustand', () => `import { createStore } from 'zustand/vanilla';\nexport const y = createStore;`],
    ['motion', () => `import { motion } from 'motion/react';\nexport const y = motion;`],
    ['@xyflow', () => `import type { Node } from '@xyflow/react';\nexport type Y = Node;`],
    ['lz-string', () => `import lz from 'lz-string';\nexport const y = lz;`],
  ];
  it.each(cases)('refuses %s from outside', async (_name, code) => {
    const messages = await layerMessages(ENGINE_FILE, code());
    expect(messages).toHaveLength(1);
    expect(messages[0].ruleId).toBe('layers/no-restricted-paths');
    expect(messages[0].message).toMatch(ENGINE_ONLY);
  });

  it.each([`import { readFileSync } from 'node:fs';\nexport const y = readFileSync;`, `import path from 'path';\nexport const y = path;`])(
    'refuses Node built-ins: %s', async (code) => {
      const messages = await layerMessages(ENGINE_FILE, code);
      expect(messages.map((m) => m.ruleId)).toEqual(['import-x/no-nodejs-modules']);
      expect(messages[0].message).toMatch(/Node\.js builtin module/);
    });

  it('lets a file three folders deep import its siblings, its parents and zod', async () => {
    expect(existsSync(join(ROOT, 'src/engine/kernels/barrierHandler/types.ts'))).toBe(true);
    const code = [
      `import type { BarrierHandlerState } from './types';`,
      `import { assignToKeyGroup } from '../keyGroups';`,
      `import type { SimState } from '../../index';`,
      `import { z } from 'zod';`,
      `export type Y = BarrierHandlerState | SimState | typeof import('./types');`,
      `export const y = [assignToKeyGroup, z, () => import('../keyGroups')];`,
    ].join('\n');
    expect(await layerMessages(ENGINE_FILE, code)).toEqual([]);
  });

  it('lets engine tests use vitest and fast-check', async () => {
    const code = `import { it } from 'vitest';\nimport fc from 'fast-check';\nit('x', () => { fc.assert(fc.property(fc.nat(), () => true)); });`;
    expect(await layerMessages('src/engine/kernels/probe.test.ts', code)).toEqual([]);
  });
});

describe('the engine has no clock and no randomness of its own', () => {
  const cases: [string, RegExp][] = [
    ['export const t = new Date();', /No Date in the engine/],
    ['export const t = Date.now();', /No Date in the engine/],
    ['export const t = performance.now();', /No performance\.now in the engine/],
    ['export const r = Math.random();', /No Math\.random in the engine/],
    [`export const r = Math['random']();`, /No Math\.random in the engine/],
    ['const { random } = Math;\nexport const r = random();', /No Math\.random in the engine/],
    ['const { random: rnd } = Math;\nexport const r = rnd();', /No Math\.random in the engine/],
    ['export const r = globalThis.Math.random();', /No Math\.random in the engine, under any name/],
    ['export const r = window.Math.random();', /No Math\.random in the engine, under any name/],
    [`export const r = globalThis['Math']['random']();`, /No Math\.random in the engine, under any name/],
    ['const M = Math;\nexport const r = M.random();', /Do not alias Math/],
  ];
  it.each(cases)('refuses %s', async (code, message) => {
    const messages = await layerMessages('src/engine/sim/probe.ts', code);
    expect(messages.some((m) => message.test(m.message)), JSON.stringify(messages)).toBe(true);
    expect(messages.every((m) => /engine|Math/.test(m.message))).toBe(true);
  });

  it('lets the engine use the rest of Math', async () => {
    expect(await layerMessages('src/engine/sim/probe.ts', 'export const r = Math.max(1, Math.floor(2.5));')).toEqual([]);
  });

  it('lets the UI read the clock', async () => {
    expect(await layerMessages('src/ui/probe.ts', 'export const t = [Date.now(), performance.now(), Math.random()];')).toEqual([]);
  });
});

describe('the other layers', () => {
  it('src/lessons imports only the engine', async () => {
    const file = 'src/lessons/probe.ts';
    for (const dir of ['src/store', 'src/ui', 'src/cli']) {
      const messages = await layerMessages(file, `import type * as M from '${someModuleIn(dir, file)}';\nexport type Y = typeof M;`);
      expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/src\/lessons imports only the engine/)]);
    }
    expect(await layerMessages(file, `import type { SimState } from '../engine';\nimport { parseDuration } from '../engine/config/duration';\nexport const y: [SimState?, unknown?] = [undefined, parseDuration];`)).toEqual([]);
  });

  it('src/store never imports the UI or the CLI', async () => {
    const file = 'src/store/probe.ts';
    for (const dir of ['src/ui', 'src/cli']) {
      const messages = await layerMessages(file, `import * as M from '${someModuleIn(dir, file)}';\nexport const y = M;`);
      expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/src\/store imports the engine, the lessons and libraries/)]);
    }
    const allowed = `import { Simulation } from '../engine';\nimport { nextRandom } from '../engine/sim/rng';\nimport { createStore } from 'zustand/vanilla';\nimport lz from 'lz-string';\nexport const y = [Simulation, nextRandom, createStore, lz];`;
    expect(await layerMessages(file, allowed)).toEqual([]);
  });

  it('src/ui reads the engine only through its index', async () => {
    const file = 'src/ui/panels/probe.tsx';
    const deep = someModuleIn('src/engine/runtime', file);
    for (const code of [
      `import * as M from '${deep}';\nexport const y = M;`,
      `import type * as M from '${deep}';\nexport type Y = typeof M;`,
      `export type Y = typeof import('${deep}');`,
    ]) {
      const messages = await layerMessages(file, code);
      expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/src\/ui reads the engine through src\/engine\/index\.ts/)]);
    }
    const cli = await layerMessages(file, `import * as M from '${someModuleIn('src/cli', file)}';\nexport const y = M;`);
    expect(cli.map((m) => m.message)).toEqual([expect.stringMatching(/src\/ui reaches the CLI never/)]);
    const run = await layerMessages(file, `import { Simulation } from '../../engine';\nexport const y = Simulation;`);
    expect(run.map((m) => m.message)).toEqual([expect.stringMatching(/src\/ui does not run or change a simulation itself/)]);
  });

  it('src/ui may import the engine index (types and pure functions) and the store', async () => {
    const file = 'src/ui/panels/probe.tsx';
    const code = [
      `import { checkpointingStatistics, type SimState } from '../../engine';`,
      `import type { PhysicalPlan } from '../../engine/index';`,
      `import * as S from '${someModuleIn('src/store', file)}';`,
      `export type Y = SimState | PhysicalPlan | import('../../engine').CheckpointStats;`,
      `export const y = [checkpointingStatistics, S];`,
    ].join('\n');
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it('src/cli never imports the store or the UI', async () => {
    const file = 'src/cli/probe.ts';
    for (const dir of ['src/store', 'src/ui']) {
      const messages = await layerMessages(file, `import * as M from '${someModuleIn(dir, file)}';\nexport const y = M;`);
      expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/src\/cli runs on the engine alone/)]);
    }
    expect(await layerMessages(file, `import { Simulation } from '../engine';\nimport { readFileSync } from 'node:fs';\nexport const y = [Simulation, readFileSync];`)).toEqual([]);
  });
});
