import { describe, expect, it } from 'vitest';
import { LINK_LIMITS, pageSearch, readPageParams } from './urlParams';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** A link in lz-string's format whose every code repeats the last phrase plus one letter: n codes unfold into n²/2 characters. */
function bombLink(codes: number): string {
  const bits: number[] = [];
  const write = (value: number, width: number) => { for (let i = 0; i < width; i++) bits.push((value >> i) & 1); };
  write(0, 2);
  write(97, 8);
  let next = 4;
  let width = 3;
  let untilWider = 4;
  for (let i = 0; i < codes; i++) {
    write(next++, width);
    if (--untilWider === 0) untilWider = 2 ** width++;
  }
  write(2, width);
  let link = '';
  for (let i = 0; i < bits.length; i += 6) {
    let digit = 0;
    for (let b = 0; b < 6; b++) digit = digit * 2 + (bits[i + b] ?? 0);
    link += ALPHABET[digit];
  }
  return link;
}

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

describe('link bounds', () => {
  it('refuses an oversized spec or run before decompressing it', () => {
    const long = 'A'.repeat(LINK_LIMITS.paramChars + 1);
    const p = readPageParams(`?spec=${long}&run=${long}`);
    expect(p.scenario).toBeUndefined();
    expect(p.run).toBeUndefined();
    expect(p.problems).toEqual([
      "spec: the link's scenario take 200,001 characters; this simulator reads at most 200,000; showing a built-in one.",
      "run: the link's commands take 200,001 characters; this simulator reads at most 200,000; starting without them.",
    ]);
  });
  it('stops a short link that would unfold into gigabytes', () => {
    const link = bombLink(60_000); // 1.8 billion characters if read whole
    expect(link.length).toBeLessThan(LINK_LIMITS.paramChars);
    const p = readPageParams(`?spec=${link}&run=${bombLink(1500)}`);
    expect(p.scenario).toBeUndefined();
    expect(p.run).toBeUndefined();
    expect(p.problems[0]).toBe("spec: the link's scenario unpack to more than the 1,000,000 characters this simulator reads; showing a built-in one.");
    expect(p.problems[1]).toMatch(/^run: the link's commands unpack to more than/);
    // 1,412 codes unfold into 1413 × 1414 / 2 = 998,991 characters: read (and found to be no JSON); 1,413 into 1,000,405
    expect(readPageParams(`?run=${bombLink(1412)}`).problems[0]).toMatch(/^run: the link's commands could not be read/);
    expect(readPageParams(`?run=${bombLink(1413)}`).problems[0]).toMatch(/^run: the link's commands unpack to more than/);
  });
  it('refuses a repeated conf parameter', () => {
    const p = readPageParams('?conf.sim.channel.capacity=3&conf.sim.channel.capacity=4&conf.sim.channel.latency=1 s');
    expect(p.conf).toEqual({ 'sim.channel.latency': '1 s' });
    expect(p.problems).toEqual(['"conf.sim.channel.capacity" is given 2 times; give it once. Ignored.']);
  });
  it('refuses oversized conf keys and values, echoing them cut short', () => {
    const key = `sim.${'k'.repeat(LINK_LIMITS.confKeyChars)}`;
    const p = readPageParams(`?conf.${key}=1&conf.sim.channel.latency=${'9'.repeat(LINK_LIMITS.confValueChars + 1)}`);
    expect(p.conf).toEqual({});
    expect(p.problems[0]).toBe(`"conf.sim.${'k'.repeat(31)}…": a key of 104 characters; configuration keys are at most 100. Ignored.`);
    expect(p.problems[1]).toBe(`sim.channel.latency: "${'9'.repeat(40)}…" is not accepted; values are at most 200 characters. Ignored.`);
  });
  it('reads at most 64 conf parameters', () => {
    const many = Array.from({ length: 70 }, (_, i) => `conf.sim.x${i}=1`).join('&');
    const p = readPageParams(`?${many}`);
    expect(p.problems).toHaveLength(65);
    expect(p.problems[64]).toBe('the link has 70 conf.* parameters; this simulator reads at most 64. The rest are ignored.');
  });
  it('keeps hostile keys out of the configuration object', () => {
    const p = readPageParams('?conf.__proto__=1&conf.constructor=x&conf.toString=y&conf.sim.channel.capacity=2');
    expect(p.conf).toEqual({ 'sim.channel.capacity': '2' });
    expect(Object.keys(p.conf)).toEqual(['sim.channel.capacity']);
    expect(Object.getPrototypeOf(p.conf)).toBe(Object.prototype);
    expect(p.problems).toEqual([
      expect.stringMatching(/^unknown configuration key "__proto__"/),
      expect.stringMatching(/^unknown configuration key "constructor"/),
      expect.stringMatching(/^unknown configuration key "toString"/),
    ]);
  });
  it('echoes a bad scenario id, seed or time cut short and escaped', () => {
    const p = readPageParams(`?scenario=${'s'.repeat(5000)}%0A&seed=${'1x'.repeat(100)}&t=%1B${'t'.repeat(100)}`);
    expect(p.problems[0]).toMatch(/^scenario "s{40}…" does not exist/);
    expect(p.problems[1]).toMatch(/^seed "(1x){20}…" is not an integer/);
    expect(p.problems[2]).toMatch(/^t "\\u001bt{39}…" is not a time/);
  });
});

