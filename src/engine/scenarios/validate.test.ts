import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from './builtin';
import { parseScenario, parseScenarioText, ScenarioError } from './validate';
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
    expect(problemsOf(orphan).join()).toMatch(/operators\.\d+: "map" has no input edge/);
  });
  it('rejects non-JSON-object input with a message', () => {
    expect(problemsOf(42).join()).toMatch(/\(scenario\)/);
  });
});

const errorOf = (run: () => unknown): ScenarioError => {
  try {
    run();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('no ScenarioError');
};

describe('what fuzzing found', () => {
  const src = defaultScenario.operators[0];
  it('refuses a 20,000-edge fan-out before reading it', () => {
    const maps = Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, kind: 'map' }));
    const fan = { ...defaultScenario, operators: [src, ...maps], edges: maps.map((m) => ({ from: src.id, to: m.id, partitioner: 'rebalance' })) };
    expect(errorOf(() => parseScenarioText(JSON.stringify(fan))).problems).toEqual([expect.stringMatching(/^the file has \d,\d{3},\d{3} characters; this simulator runs at most 1,000,000/)]);
    expect(errorOf(() => parseScenario(fan)).allProblems).toEqual([
      'operators: 20,001 operators; this simulator runs at most 64 operators',
      'edges: 20,000 edges; this simulator runs at most 128 edges',
    ]);
  });
  it('refuses a chain of 20,000 operators without deep recursion', () => {
    const ops = [src, ...Array.from({ length: 19_999 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, kind: 'map' }))];
    const chain = { ...defaultScenario, operators: ops, edges: ops.slice(1).map((o, i) => ({ from: ops[i].id, to: o.id, partitioner: 'forward' })) };
    expect(errorOf(() => parseScenario(chain)).problems[0]).toMatch(/^operators: 20,000 operators/);
  });
  it('keeps the message short with 300,000 bad operators', () => {
    const bad = Array.from({ length: 300_000 }, (_, i) => ({ id: `Bad ${i}`, kind: 'teleport' }));
    const e = errorOf(() => parseScenario({ ...defaultScenario, operators: bad }));
    expect(e.message.length).toBeLessThan(2000);
  });
  it('shows the first five problems and how many more; keeps them all', () => {
    const bad = Array.from({ length: 64 }, (_, i) => ({ id: `op-${i}`, name: 'X', kind: 'teleport' }));
    const e = errorOf(() => parseScenario({ ...defaultScenario, operators: bad }));
    expect(e.allProblems).toHaveLength(64);
    expect(e.problems).toHaveLength(6);
    expect(e.problems[5]).toBe('and 59 more');
    expect(e.message).toMatch(/^invalid scenario: operators\.0\.kind: .*; and 59 more$/);
    const many = new ScenarioError(Array.from({ length: 300_000 }, (_, i) => `problem ${i}`));
    expect(many.message).toBe('invalid scenario: problem 0; problem 1; problem 2; problem 3; problem 4; and 299,995 more');
    expect(many.allProblems).toHaveLength(300_000);
  });
  it('lists fewer problems when they are long: a problem with a list of names does not push the message past its bound', () => {
    const long = (i: number) => `steps.${i}.ask.compute.fact: unknown fact name (facts: ${'holds-keyed-state, '.repeat(50)})`;
    const e = new ScenarioError([long(3), long(6), 'short']);
    expect(e.problems).toEqual([long(3), 'and 2 more']);
    expect(e.message.length).toBeLessThan(2000);
    const huge = new ScenarioError(['x'.repeat(10_000)]);
    expect(huge.problems[0]).toHaveLength(1500);
    expect(huge.problems[0].endsWith('…')).toBe(true);
    expect(huge.allProblems[0]).toHaveLength(10_000);
  });
  it('echoes ids and field names cut short, with control characters escaped', () => {
    const longId = `a${'b'.repeat(60)}`;
    const to = problemsOf({ ...defaultScenario, edges: [...defaultScenario.edges, { from: 'map', to: longId, partitioner: 'rebalance' }] }).join();
    expect(to).toContain(`edges.3.to: no operator has id "a${'b'.repeat(39)}…"`);
    const field = `evil\u001b[2J${'z'.repeat(10_000)}`;
    const unknown = problemsOf({ ...defaultScenario, [field]: 1 }).join();
    expect(unknown).toMatch(/^\(scenario\): unknown field "evil\\u001b\[2Jz+…"$/);
    expect(unknown.length).toBeLessThan(100);
  });
  it('refuses hostile configuration keys in the scenario, "__proto__" included', () => {
    const text = JSON.stringify(defaultScenario).replace('"config":{', '"config":{"__proto__":"1",');
    expect(JSON.parse(text).config).toHaveProperty(['__proto__']);
    expect(() => parseScenarioText(text)).toThrow(/config: unknown configuration key "__proto__"/);
    for (const key of ['constructor', 'toString']) {
      expect(problemsOf({ ...defaultScenario, config: { [key]: '1' } }).join()).toMatch(new RegExp(`config: unknown configuration key "${key}"`));
    }
  });
  it('checks the configuration\'s values, with Flink\'s words for the interval', () => {
    expect(problemsOf({ ...defaultScenario, config: { 'execution.checkpointing.interval': '0.001 ms' } }).join())
      .toMatch(/config: execution\.checkpointing\.interval: Checkpoint interval must be larger than or equal to 10 ms/);
  });
  it('reads text: not JSON, or JSON that is no scenario', () => {
    expect(() => parseScenarioText('{ nope')).toThrow(/^invalid scenario: it is not JSON \(/);
    expect(parseScenarioText(JSON.stringify(defaultScenario)).id).toBe('default');
    expect(() => parseScenarioText('[]')).toThrow(/\(scenario\)/);
  });
});

describe('built-in scenarios, trusted', () => {
  it('pass the whole check as input from outside would (a copy is not trusted)', () => {
    for (const s of BUILTIN_SCENARIOS) expect(problemsOf(structuredClone(s))).toEqual([]);
  });
  it('come back as the schema writes them: the same fields, values and order, a copy of their own', () => {
    for (const s of BUILTIN_SCENARIOS) {
      const trusted = parseScenario(s);
      const checked = parseScenario(structuredClone(s));
      expect(JSON.stringify(trusted)).toBe(JSON.stringify(checked));
      expect(trusted).toStrictEqual(checked);
      expect(trusted).not.toBe(s);
      expect(trusted.operators[0]).not.toBe(s.operators[0]);
    }
  });
  it('trust only the built-in object itself: a changed copy is checked', () => {
    const changed = { ...defaultScenario, operators: defaultScenario.operators.map((o, i) => (i === 0 ? { ...o, parallelism: 0 } : o)) };
    expect(problemsOf(changed).join()).toMatch(/operators\.0\.parallelism/);
  });
});
