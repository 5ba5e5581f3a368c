import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../engine';
import { createAppStore } from './appStore';
import { currentScenario, readScenarioFile } from './scenarioFile';
import { pageSearch, readPageParams } from './urlParams';

const mine = { ...builtinScenario('default')!, id: 'my-job', title: 'My job', operators: builtinScenario('default')!.operators.map((o) => (o.id === 'count' ? { ...o, parallelism: 3 } : o)) };
// the count -> sink edge is forward: the sink must follow
mine.operators = mine.operators.map((o) => (o.id === 'sink' ? { ...o, parallelism: 3 } : o));

describe('a scenario of your own, from a file', () => {
  it('names what is wrong: not JSON, or the schema path', () => {
    expect(readScenarioFile('{ nope')).toMatchObject({ problem: expect.stringMatching(/^it is not JSON \(/) });
    const broken = { ...mine, operators: mine.operators.map((o) => (o.id === 'count' ? { ...o, parallelism: 0 } : o)) };
    expect(readScenarioFile(JSON.stringify(broken))).toMatchObject({ problem: expect.stringMatching(/operators\.2\.parallelism/) });
    expect(readScenarioFile(JSON.stringify(mine))).toMatchObject({ spec: { id: 'my-job' } });
  });

  it('opens it, keeps the current run when it is broken, and resets to it', () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    const run = () => store.getState().runs.a;
    expect(run().actions.openScenarioFile('bad.json', '[]')).toBe(false);
    expect(store.getState().notices.at(-1)).toMatch(/Could not open bad\.json: .*The current run is kept/);
    expect(run().scenarioId).toBe('default');
    expect(run().actions.openScenarioFile('job.json', JSON.stringify(mine))).toBe(true);
    expect(run().sim.state.plan.operators.find((o) => o.id === 'count')!.parallelism).toBe(3);
    run().actions.reset();
    expect(currentScenario(run()).id).toBe('my-job');
    run().actions.load('two-inputs');
    expect(run().customScenario).toBeNull();
  });

  it('travels in the link, and a reload opens it again', () => {
    const search = pageSearch('my-job', 2, {}, undefined, mine);
    const params = readPageParams(search);
    expect(params.problems).toEqual([]);
    const store = createAppStore({ scenarioId: params.scenarioId, scenario: params.scenario, seed: params.seed }, { scheduler: 'sync' });
    expect(store.getState().runs.a.customScenario).toMatchObject({ id: 'my-job' });
    expect(store.getState().runs.a.sim.state.plan.operators.find((o) => o.id === 'count')!.parallelism).toBe(3);
    const broken = createAppStore({ scenario: { id: 'x' } }, { scheduler: 'sync' });
    expect(broken.getState().notices[0]).toMatch(/The link's scenario is not valid/);
    expect(broken.getState().runs.a.scenarioId).toBe('default');
  });
});

describe('a file or a link too big for the simulator', () => {
  it('is refused with a short message naming the limit, and the current run is kept', () => {
    const ops = [mine.operators[0], ...Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, kind: 'map' }))];
    const chain = { ...mine, operators: ops, edges: ops.slice(1).map((o, i) => ({ from: ops[i].id, to: o.id, partitioner: 'forward' })) };
    const read = readScenarioFile(JSON.stringify(chain));
    expect(read).toEqual({ problem: expect.stringMatching(/operators: 20,001 operators; this simulator runs at most 64 operators/) });
    const store = createAppStore({}, { scheduler: 'sync' });
    expect(store.getState().runs.a.actions.openScenarioFile('huge.json', JSON.stringify(chain))).toBe(false);
    expect(store.getState().notices.at(-1)).toMatch(/^Could not open huge\.json: .*at most 64 operators.*The current run is kept/);
    expect(store.getState().runs.a.scenarioId).toBe('default');
  });
  it('says the first problems of a badly broken file and how many more', () => {
    const bad = { ...mine, operators: Array.from({ length: 60 }, (_, i) => ({ id: `Bad ${'x'.repeat(1000)} ${i}`, kind: 'teleport' })) };
    const read = readScenarioFile(JSON.stringify(bad));
    expect('problem' in read && read.problem.length).toBeLessThan(1500);
    expect(read).toEqual({ problem: expect.stringMatching(/; and \d+ more$/) });
  });
  it('a link carrying a long chain of operators opens the default scenario with a notice', () => {
    const chainOf = (n: number) => {
      const ops = [mine.operators[0], ...Array.from({ length: n - 1 }, (_, i) => ({ id: `m${i}`, name: 'M', kind: 'map' }))];
      return { ...mine, operators: ops, edges: ops.slice(1).map((o, i) => ({ from: ops[i].id, to: o.id, partitioner: 'forward' })) } as typeof mine;
    };
    const params = readPageParams(pageSearch('x', undefined, {}, undefined, chainOf(2000)));
    expect(params.problems).toEqual([]);
    const store = createAppStore({ scenarioId: params.scenarioId, scenario: params.scenario }, { scheduler: 'sync' });
    expect(store.getState().notices.at(-1)).toMatch(/^The link's scenario is not valid: operators: 2,000 operators; this simulator runs at most 64 operators/);
    expect(store.getState().runs.a.scenarioId).toBe('default');
    // what fuzzing sent: 20,000 operators (too long for a link, so handed over directly)
    const direct = createAppStore({ scenario: chainOf(20_000) }, { scheduler: 'sync' });
    expect(direct.getState().notices.at(-1)).toMatch(/^The link's scenario is not valid: operators: 20,000 operators/);
  });
});
