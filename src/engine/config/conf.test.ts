import { describe, expect, it } from 'vitest';
import { checkpointSettings } from '../checkpoint/settings';
import { Conf, ConfigError, parseConfAssignment, validateConf } from './conf';
import { parseDuration } from './duration';

describe('durations in Flink syntax', () => {
  it.each([['500 ms', 500], ['10 s', 10_000], ['2 min', 120_000], ['1h', 3_600_000], ['250', 250], [' 3 seconds ', 3000], ['1.5 s', 1500]])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each(['', 'fast', '10 parsecs', '-1 s', '1e3'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('configuration', () => {
  it('fills Flink defaults', () => {
    const c = new Conf({});
    expect(c.text('execution.checkpointing.mode')).toBe('EXACTLY_ONCE');
    expect(c.duration('execution.checkpointing.timeout')).toBe(600_000);
    expect(c.number('execution.checkpointing.max-concurrent-checkpoints')).toBe(1);
    expect(c.duration('execution.checkpointing.interval')).toBeUndefined();
    expect(c.text('state.backend.type')).toBe('hashmap');
  });
  it('parses values in Flink syntax', () => {
    const c = new Conf({ 'execution.checkpointing.interval': '10 s', 'execution.checkpointing.unaligned.enabled': 'true', 'state.backend.type': 'ROCKSDB' });
    expect(c.duration('execution.checkpointing.interval')).toBe(10_000);
    expect(c.bool('execution.checkpointing.unaligned.enabled')).toBe(true);
    expect(c.text('state.backend.type')).toBe('rocksdb');
  });
  it('names an unknown key', () => {
    expect(() => new Conf({ 'execution.checkpointing.intervall': '1 s' })).toThrow(/unknown configuration key "execution.checkpointing.intervall".*execution.checkpointing.interval/);
  });
  it('names the key and the accepted values of a bad value', () => {
    expect(() => new Conf({ 'execution.checkpointing.mode': 'SOMETIMES' })).toThrow(ConfigError);
    expect(() => new Conf({ 'execution.checkpointing.mode': 'SOMETIMES' })).toThrow(/execution.checkpointing.mode: "SOMETIMES" is not accepted; use EXACTLY_ONCE, AT_LEAST_ONCE/);
    expect(() => new Conf({ 'execution.checkpointing.max-concurrent-checkpoints': '0' })).toThrow(/integer >= 1/);
    expect(() => new Conf({ 'sim.channel.latency': 'soon' })).toThrow(/sim.channel.latency: "soon".*duration/);
  });
  it('accepts Flink aliases of restart strategies', () => {
    expect(new Conf({ 'restart-strategy.type': 'fixeddelay' }).text('restart-strategy.type')).toBe('fixed-delay');
  });
  it('splits key=value', () => {
    expect(parseConfAssignment('a.b=1 s')).toEqual(['a.b', '1 s']);
    expect(() => parseConfAssignment('novalue')).toThrow(/key=value/);
  });
});

describe("Flink's 10 ms floor for the checkpoint interval and timeout", () => {
  const interval = 'execution.checkpointing.interval';
  const timeout = 'execution.checkpointing.timeout';
  it('refuses an interval under 10 ms in Flink\'s words', () => {
    for (const v of ['0.001 ms', '9 ms', '9.99']) {
      expect(() => new Conf({ [interval]: v })).toThrow(`execution.checkpointing.interval: Checkpoint interval must be larger than or equal to 10 ms (got "${v}")`);
    }
    expect(() => new Conf({ [interval]: 0.5 })).toThrow(/larger than or equal to 10 ms/);
    expect(new Conf({ [interval]: '10 ms' }).duration(interval)).toBe(10);
  });
  it('keeps an interval of 0 as checkpointing off', () => {
    for (const v of ['0 s', '0', 0]) {
      const c = new Conf({ [interval]: v });
      expect(c.duration(interval)).toBe(0);
      expect(checkpointSettings(c).enabled).toBe(false);
    }
    expect(checkpointSettings(new Conf({})).enabled).toBe(false);
  });
  it('refuses a timeout under 10 ms, 0 included', () => {
    for (const v of ['0 s', '9 ms']) {
      expect(() => new Conf({ [timeout]: v })).toThrow(`execution.checkpointing.timeout: Checkpoint timeout must be larger than or equal to 10 ms (got "${v}")`);
    }
    expect(new Conf({ [timeout]: '10 ms' }).duration(timeout)).toBe(10);
  });
  it('refuses a duration too large to be a number', () => {
    expect(() => new Conf({ 'sim.channel.latency': `${'9'.repeat(190)} ms` })).toThrow(/sim.channel.latency: "9{40}…" is not accepted/);
  });
});

describe('keys and values from outside', () => {
  const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  it.each(hostile)('%s is an unknown key, in an object, a parsed JSON object or a Map', (key) => {
    const message = `unknown configuration key "${key}"`;
    expect(() => validateConf(JSON.parse(`{${JSON.stringify(key)}: "1"}`))).toThrow(message);
    expect(() => validateConf(new Map([[key, '1']]))).toThrow(message);
    expect(() => new Conf(new Map([[key, '1']]))).toThrow(message);
    if (key !== '__proto__') expect(() => new Conf({ [key]: '1' })).toThrow(message);
  });
  it('never answers from the object prototype', () => {
    const c = new Conf({});
    for (const key of hostile) {
      expect(c.has(key)).toBe(false);
      expect(() => c.text(key)).toThrow(/unknown configuration key/);
    }
    expect(Object.getPrototypeOf(validateConf({ 'sim.channel.capacity': '2' }))).toBeNull();
    expect(new Conf({ 'sim.channel.capacity': '2' }).explicit()).toEqual({ 'sim.channel.capacity': 2 });
  });
  it('cuts a long key or value short in the message and escapes control characters', () => {
    const key = `sim.${'k'.repeat(10_000)}`;
    let message = '';
    try {
      validateConf({ [key]: '1' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(new RegExp(`^unknown configuration key "sim\\.k{36}…"; accepted keys: `));
    expect(message.length).toBeLessThan(3000);
    expect(() => new Conf({ 'execution.checkpointing.mode': 'X\n\u001b[0m' })).toThrow('execution.checkpointing.mode: "X\\n\\u001b[0m" is not accepted');
    expect(() => new Conf({ 'execution.checkpointing.mode': 'E'.repeat(201) })).toThrow(/execution.checkpointing.mode: "E{40}…" is not accepted; values are at most 200 characters/);
    expect(() => parseConfAssignment('x'.repeat(1000))).toThrow(/^--conf takes key=value, got "x{40}…"$/);
  });
  it('reads an enum alias only from its own table', () => {
    expect(() => new Conf({ 'restart-strategy.type': 'constructor' })).toThrow(/is not accepted/);
    expect(() => new Conf({ 'restart-strategy.type': '__proto__' })).toThrow(/is not accepted/);
  });
});

