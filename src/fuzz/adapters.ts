import { parseScenarioText, type Simulation } from '../engine';
import { createAppStore, type AppInit } from '../store/appStore';

// What the link target needs of the page: its store, built from a link's parameters as
// src/ui/main.tsx builds it, with long work pumped by hand instead of by animation frames.

/** Parses a scenario file's text as the page and the CLI do. */
export function scenarioFromText(text: string): unknown {
  return parseScenarioText(text);
}

/** What the link target needs of the page's store. */
export interface PageStore {
  /** the simulations the page shows (run a, and run b when two are compared) */
  sims(): Simulation[];
  notices(): string[];
  /** the page's Step button */
  step(): void;
  /** lets long work (a link opened far into a run) go on, a piece at a time, for up to `wallMs`; true when none is left */
  pump(wallMs: number): boolean;
}

/** Builds the page's store from a link's parameters (as src/ui/main.tsx does). */
export function buildPageStore(init: AppInit): PageStore {
  const pending: (() => void)[] = [];
  // long work waits in `pending` until the fuzzer pumps it, as frames would
  const scheduler = (next: () => void) => {
    pending.push(next);
    return () => {
      const i = pending.indexOf(next);
      if (i >= 0) pending.splice(i, 1);
    };
  };
  const store = createAppStore(init, { scheduler });
  return {
    sims() {
      const { runs } = store.getState();
      return [runs.a.sim, ...(runs.b ? [runs.b.sim] : [])];
    },
    notices: () => [...store.getState().notices],
    step: () => store.getState().clockActions.step(),
    pump(wallMs) {
      const started = performance.now();
      while (pending.length && performance.now() - started < wallMs) pending.shift()!();
      return pending.length === 0;
    },
  };
}
