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
  it('round-trips', () => {
    const s = pageSearch('two-inputs', 3, { 'sim.channel.capacity': '2' });
    expect(readPageParams(s)).toMatchObject({ scenarioId: 'two-inputs', seed: 3, conf: { 'sim.channel.capacity': '2' } });
  });
});
