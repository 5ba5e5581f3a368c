import { describe, expect, it } from 'vitest';
import { pageSearch, readPageParams } from './urlParams';

describe('page URL parameters', () => {
  it('opens the default scenario without parameters', () => {
    expect(readPageParams('')).toEqual({ scenarioId: 'default', seed: undefined, conf: {}, problems: [] });
  });
  it('reads scenario, seed and configuration', () => {
    const p = readPageParams('?scenario=wide&seed=7&conf.sim.channel.capacity=3');
    expect(p).toEqual({ scenarioId: 'wide', seed: 7, conf: { 'sim.channel.capacity': '3' }, problems: [] });
  });
  it('falls back and says why on bad values', () => {
    const p = readPageParams('?scenario=nope&seed=abc&conf.sim.channel.capacity=0&conf.bogus=1');
    expect(p.scenarioId).toBe('default');
    expect(p.seed).toBeUndefined();
    expect(p.conf).toEqual({});
    expect(p.problems).toHaveLength(4);
    expect(p.problems[0]).toMatch(/scenario "nope" does not exist/);
    expect(p.problems[1]).toMatch(/seed "abc"/);
    expect(p.problems[2]).toMatch(/sim.channel.capacity/);
    expect(p.problems[3]).toMatch(/unknown configuration key "bogus"/);
  });
  it('carries a run\'s commands, compressed, and the moment shown', () => {
    const commands = [{ at: 7000, command: { kind: 'fault' as const, fault: { kind: 'task' as const, subtask: 4 } } }, { at: 9000, command: { kind: 'trigger-checkpoint' as const } }];
    const s = pageSearch('default', 1, {}, { commands, at: 12_345.5 });
    expect(s).toMatch(/run=/);
    expect(readPageParams(s)).toMatchObject({ seed: 1, run: commands, at: 12_345.5, problems: [] });
  });
  it('opens a link at an hour at most', () => {
    const p = readPageParams('?t=99999999');
    expect(p.at).toBe(3_600_000);
    expect(p.problems[0]).toMatch(/past the hour/);
  });
  it('says so when the run or the time cannot be read', () => {
    const p = readPageParams('?run=%%%garbage&t=soon');
    expect(p.run).toBeUndefined();
    expect(p.at).toBeUndefined();
    expect(p.problems[0]).toMatch(/^run: /);
    expect(p.problems[1]).toMatch(/t "soon"/);
  });
  it('round-trips', () => {
    const s = pageSearch('two-inputs', 3, { 'sim.channel.capacity': '2' });
    expect(readPageParams(s)).toMatchObject({ scenarioId: 'two-inputs', seed: 3, conf: { 'sim.channel.capacity': '2' } });
  });
});
