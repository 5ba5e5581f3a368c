import { describe, expect, it } from 'vitest';
import { Conf, ConfigError, parseConfAssignment } from './conf';
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
