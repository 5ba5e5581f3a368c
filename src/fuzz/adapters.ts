import * as engine from '../engine';
import * as limits from '../engine/scenarios/limits';
import * as validate from '../engine/scenarios/validate';
import type { Simulation } from '../engine';
import type { PageParams } from '../store/urlParams';

// The fuzzer drives modules that other people are reshaping while it is written (the store becomes
// slices, scenario text gets its own parser). Everything it needs from them goes through here, so
// a rename is fixed in one place. Each adapter prefers the new face and falls back to the old one.

/** Parses a scenario file's text the way the page and the CLI will: `parseScenarioText` where it exists. */
export function scenarioFromText(text: string): unknown {
  const fromText = (engine as Record<string, unknown>).parseScenarioText ?? (limits as Record<string, unknown>).parseScenarioText ?? (validate as Record<string, unknown>).parseScenarioText;
  if (typeof fromText === 'function') {
    const out = (fromText as (t: string) => unknown)(text);
    // either the spec, or { spec } / { problem } as the store's readScenarioFile answers
    if (out && typeof out === 'object' && 'problem' in out) throw new engine.ScenarioError([String((out as { problem: unknown }).problem)]);
    if (out && typeof out === 'object' && 'spec' in out) return (out as { spec: unknown }).spec;
    return out;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new engine.ScenarioError([`(scenario): the file is not JSON (${(e as Error).message})`]);
  }
  return engine.parseScenario(json);
}

export interface PageInit { scenarioId?: string; scenario?: unknown; seed?: number; conf?: Record<string, string>; notices?: string[]; run?: unknown; at?: number }

/** What the link target needs of a page store, whichever store exists. */
export interface PageStore {
  /** the simulations the page shows (run a, and run b when two are compared) */
  sims(): Simulation[];
  notices(): string[];
  /** the page's Step button */
  step(): void;
  /** lets long work (a link opened far into a run) go on, a piece at a time, for up to `wallMs`; true when none is left */
  pump(wallMs: number): boolean;
  kind: string;
}

type StoreModule = { create: (init: PageInit, pending: (() => void)[]) => { getState(): unknown }; kind: string };

let storeModule: StoreModule | undefined;

function isMissingModule(e: unknown): boolean {
  const text = `${(e as { code?: string }).code ?? ''} ${(e as Error).message ?? ''}`;
  return /ERR_MODULE_NOT_FOUND|Cannot find module|Failed to load|does not exist/i.test(text);
}

/** Modules that could not be loaded as ES modules under Node (see `importModule`), for the report. */
export const cjsFallbacks: string[] = [];

/**
 * Imports a project module. Under tsx (Node's ES module loader), `import { x } from 'lz-string'`
 * fails because lz-string is CommonJS without detectable named exports; Vite and vitest accept
 * it. Rather than stop, such a module is loaded again through tsx's CommonJS loader, and the
 * fallback is recorded so the report can name it.
 */
async function importModule<T>(path: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ path)) as T;
  } catch (e) {
    if (!(e instanceof SyntaxError && /does not provide an export named/.test(e.message))) throw e;
    const { require: tsxRequire } = await import('tsx/cjs/api');
    cjsFallbacks.push(`${path}: ${e.message}`);
    return tsxRequire(`${path}.ts`, import.meta.url) as T;
  }
}

let urlParamsModule: { readPageParams: (search: string) => PageParams } | undefined;

/** src/store/urlParams.ts, loaded once. */
export async function loadUrlParams(): Promise<(search: string) => PageParams> {
  urlParamsModule ??= await importModule<{ readPageParams: (search: string) => PageParams }>('../store/urlParams');
  return urlParamsModule.readPageParams;
}

/** Loads the page store: `createAppStore` (src/store/appStore.ts) or else `createSimStore` (src/store/simStore.ts). */
export async function loadStoreModule(): Promise<StoreModule> {
  if (storeModule) return storeModule;
  const appPath = '../store/appStore';
  const simPath = '../store/simStore';
  try {
    const m = (await importModule(appPath)) as { createAppStore?: (init: PageInit, options: unknown) => { getState(): unknown } };
    if (typeof m.createAppStore === 'function') {
      const create = m.createAppStore;
      storeModule = {
        kind: 'createAppStore',
        // long work waits in `pending` until the fuzzer pumps it, as frames would
        create: (init, pending) => create(init, { scheduler: (next: () => void) => { pending.push(next); return () => { const i = pending.indexOf(next); if (i >= 0) pending.splice(i, 1); }; } }),
      };
      return storeModule;
    }
  } catch (e) {
    if (!isMissingModule(e)) throw e;
  }
  const m = (await importModule(simPath)) as { createSimStore: (init: PageInit) => { getState(): unknown } };
  storeModule = { kind: 'createSimStore', create: (init) => m.createSimStore(init) };
  return storeModule;
}

/** Builds the page's store from a link's parameters (as src/ui/main.tsx does). */
export function buildPageStore(mod: StoreModule, init: PageInit): PageStore {
  const pending: (() => void)[] = [];
  const store = mod.create(init, pending);
  const state = () => store.getState() as Record<string, unknown>;
  return {
    kind: mod.kind,
    sims() {
      const s = state();
      const runs = s.runs as Record<string, { sim?: Simulation } | undefined> | undefined;
      if (runs) return Object.values(runs).flatMap((r) => (r?.sim ? [r.sim] : []));
      return s.sim ? [s.sim as Simulation] : [];
    },
    notices() {
      const n = state().notices;
      return Array.isArray(n) ? n.map(String) : [];
    },
    step() {
      const s = state();
      const clock = s.clockActions as { step?: () => void } | undefined;
      const step = clock?.step ?? (s.step as (() => void) | undefined);
      step?.();
    },
    pump(wallMs) {
      const started = performance.now();
      while (pending.length && performance.now() - started < wallMs) pending.shift()!();
      return pending.length === 0;
    },
  };
}
