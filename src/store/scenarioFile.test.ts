import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../engine';
import { createSimStore, currentScenario, readScenarioFile } from './simStore';
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
    const store = createSimStore();
    expect(store.getState().openScenarioFile('bad.json', '[]')).toBe(false);
    expect(store.getState().notices.at(-1)).toMatch(/Could not open bad\.json: .*The current run is kept/);
    expect(store.getState().scenarioId).toBe('default');
    expect(store.getState().openScenarioFile('job.json', JSON.stringify(mine))).toBe(true);
    expect(store.getState().sim.state.plan.operators.find((o) => o.id === 'count')!.parallelism).toBe(3);
    store.getState().reset();
    expect(currentScenario(store.getState()).id).toBe('my-job');
    store.getState().load('two-inputs');
    expect(store.getState().customScenario).toBeNull();
  });

  it('travels in the link, and a reload opens it again', () => {
    const search = pageSearch('my-job', 2, {}, undefined, mine);
    const params = readPageParams(search);
    expect(params.problems).toEqual([]);
    const store = createSimStore({ scenarioId: params.scenarioId, scenario: params.scenario, seed: params.seed });
    expect(store.getState().customScenario).toMatchObject({ id: 'my-job' });
    expect(store.getState().sim.state.plan.operators.find((o) => o.id === 'count')!.parallelism).toBe(3);
    const broken = createSimStore({ scenario: { id: 'x' } });
    expect(broken.getState().notices[0]).toMatch(/The link's scenario is not valid/);
    expect(broken.getState().scenarioId).toBe('default');
  });
});
