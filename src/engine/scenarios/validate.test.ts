import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from './builtin';
import { parseScenario, ScenarioError } from './validate';
import { defaultScenario } from './builtin/default';

const problemsOf = (input: unknown): string[] => {
  try {
    parseScenario(input);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
};

describe('scenario validation', () => {
  it('accepts every built-in scenario', () => {
    for (const s of BUILTIN_SCENARIOS) expect(problemsOf(s)).toEqual([]);
  });
  it('names the path of a schema error', () => {
    const bad = { ...defaultScenario, operators: defaultScenario.operators.map((o, i) => (i === 2 ? { ...o, parallelism: 0 } : o)) };
    expect(problemsOf(bad).join()).toMatch(/operators\.2\.parallelism/);
  });
  it('rejects an unknown field and an unknown kind', () => {
    expect(problemsOf({ ...defaultScenario, colour: 'red' }).join()).toMatch(/colour/);
    const bad = { ...defaultScenario, operators: [...defaultScenario.operators, { id: 'x', name: 'X', kind: 'teleport' }] };
    expect(problemsOf(bad).join()).toMatch(/operators\.4\.kind/);
  });
  it('rejects edges to unknown operators', () => {
    const bad = { ...defaultScenario, edges: [...defaultScenario.edges, { from: 'map', to: 'nowhere', partitioner: 'forward' }] };
    expect(problemsOf(bad).join()).toMatch(/edges\.3\.to: no operator has id "nowhere"/);
  });
  it('requires keyBy into a keyed operator', () => {
    const bad = { ...defaultScenario, edges: defaultScenario.edges.map((e) => (e.to === 'count' ? { ...e, partitioner: 'rebalance' } : e)) };
    expect(problemsOf(bad).join()).toMatch(/Keyed Count.*partitioner "hash"/);
  });
  it('rejects cycles and operators without input', () => {
    const cyclic = { ...defaultScenario, edges: [...defaultScenario.edges.slice(0, 2), { from: 'count', to: 'map', partitioner: 'forward' }, defaultScenario.edges[2]] };
    expect(problemsOf(cyclic).join()).toMatch(/cycle/);
    const orphan = { ...defaultScenario, edges: defaultScenario.edges.slice(1) };
    expect(problemsOf(orphan).join()).toMatch(/"map" has no input edge/);
  });
  it('rejects non-JSON-object input with a message', () => {
    expect(problemsOf(42).join()).toMatch(/\(scenario\)/);
  });
});
