import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario, type ScenarioSpec } from '../engine';
import { createAppStore } from './appStore';
import { pageSearch, readPageParams } from './urlParams';

// A link carries a scenario into someone else's page: names in it are data, never property names.
const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function hostileScenario(): ScenarioSpec {
  const spec = structuredClone(builtinScenario('default')!);
  spec.id = 'hostile-link';
  const source = spec.operators.find((o) => o.kind === 'source')!;
  if (source.kind === 'source') {
    source.keys = HOSTILE;
    delete source.keyCount;
  }
  return spec;
}

describe('a link whose scenario names keys __proto__, constructor, toString…', () => {
  it('opens, runs through a failure like any other job, and leaves Object.prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const search = pageSearch('default', undefined, { 'sim.sink.kind': 'two-phase-commit' }, undefined, hostileScenario());
    const params = readPageParams(search);
    expect(params.problems).toEqual([]);
    const store = createAppStore({ ...params, notices: params.problems }, { scheduler: 'sync' });
    expect(store.getState().notices).toEqual([]);
    const run = () => store.getState().runs.a;
    store.getState().clockActions.play();
    let killed = false;
    while (store.getState().clock.displayTime < 25_000) {
      if (!killed && store.getState().clock.displayTime > 12_000) {
        run().actions.injectFault({ kind: 'task', subtask: run().sim.state.plan.operators.find((o) => o.keyed)!.subtasks[0] });
        killed = true;
      }
      store.getState().clockActions.advance(250);
    }
    const state = run().sim.state;
    expect(state.job.restarts).toBe(1);
    // every hostile key has keyed state somewhere, as an ordinary key
    const keys = new Set<string>();
    for (const st of state.subtasks) for (const group of st.keyed.values()) for (const key of group.keys()) keys.add(key);
    expect([...keys].sort()).toEqual([...HOSTILE].sort());
    run().actions.checkOracle();
    expect(run().oracle?.result.verdict).toBe('exactly-once');
    // nothing reached the shared prototype; the built-in scenarios still validate
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).count).toBeUndefined();
    expect(() => parseScenario(builtinScenario('default'))).not.toThrow();
  });
});
