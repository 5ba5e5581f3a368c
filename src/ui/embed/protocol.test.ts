import { describe, expect, it } from 'vitest';
import { EMBED_SOURCE, isForUs, parseEmbedMessage } from './protocol';

const msg = (m: Record<string, unknown>) => ({ source: EMBED_SOURCE, ...m });
const errorOf = (m: Record<string, unknown>): string => {
  const r = parseEmbedMessage(msg(m));
  if (!('error' in r)) throw new Error(`accepted ${JSON.stringify(m)}`);
  return r.error;
};

describe('the embed protocol', () => {
  it('takes only objects tagged with our source', () => {
    expect(isForUs(msg({ type: 'play' }))).toBe(true);
    for (const other of [null, 'play', 42, [EMBED_SOURCE], { type: 'play' }, { source: 'someone-else', type: 'play' }, Object.create({ source: EMBED_SOURCE })]) {
      expect(isForUs(other)).toBe(false);
    }
  });

  it('reads every command of CONTRACTS 6', () => {
    for (const type of ['play', 'pause', 'step', 'getState']) expect(parseEmbedMessage(msg({ type }))).toEqual({ command: { type } });
    expect(parseEmbedMessage(msg({ type: 'seek', t: 1500.5 }))).toEqual({ command: { type: 'seek', t: 1500.5 } });
    expect(parseEmbedMessage(msg({ type: 'load', scenario: 'two-inputs', seed: 7, conf: { 'execution.checkpointing.interval': '2 s' } }))).toEqual({
      command: { type: 'load', scenario: 'two-inputs', seed: 7, conf: { 'execution.checkpointing.interval': '2 s' } },
    });
    expect(parseEmbedMessage(msg({ type: 'load', lesson: 'failure-recovery', step: 3 }))).toEqual({ command: { type: 'load', lesson: 'failure-recovery', step: 3 } });
  });

  it('names what is wrong with a bad message', () => {
    expect(errorOf({ type: 'explode' })).toMatch(/type "explode" is not a message this page takes; send one of load, play/);
    expect(errorOf({})).toMatch(/type a undefined/);
    expect(errorOf({ type: 'seek' })).toMatch(/^seek: t: /);
    expect(errorOf({ type: 'seek', t: -1 })).toMatch(/^seek: t: /);
    expect(errorOf({ type: 'seek', t: '100' })).toMatch(/^seek: t: /);
    expect(errorOf({ type: 'seek', t: Infinity })).toMatch(/^seek: t: /);
    expect(errorOf({ type: 'seek', t: 1e12 })).toMatch(/^seek: t: /);
    expect(errorOf({ type: 'load' })).toBe('load: give a scenario or a lesson.');
    expect(errorOf({ type: 'load', scenario: 'nope' })).toMatch(/scenario "nope" does not exist; built-in scenarios are default, two-inputs/);
    expect(errorOf({ type: 'load', scenario: '../../etc' })).toMatch(/^load: scenario: /);
    expect(errorOf({ type: 'load', scenario: 'x'.repeat(65) })).toMatch(/^load: scenario: /);
    expect(errorOf({ type: 'load', scenario: 'default', step: 2 })).toMatch(/step is a lesson step/);
    expect(errorOf({ type: 'load', lesson: 'barriers', step: 0 })).toMatch(/^load: step: /);
    expect(errorOf({ type: 'load', lesson: 'barriers', step: 1.5 })).toMatch(/^load: step: /);
    expect(errorOf({ type: 'load', scenario: 'default', seed: 2 ** 60 })).toMatch(/^load: seed: /);
    expect(errorOf({ type: 'load', scenario: 'default', conf: { 'no.such.key': '1' } })).toMatch(/^load: conf: .*no\.such\.key/);
    expect(errorOf({ type: 'load', scenario: 'default', conf: { 'execution.checkpointing.interval': 'soon' } })).toMatch(/^load: conf: .*interval/);
    expect(errorOf({ type: 'load', scenario: 'default', conf: { 'execution.checkpointing.interval': 5 } })).toMatch(/^load: conf\./);
  });

  it('never lets a key reach an object unchecked', () => {
    const hostile = JSON.parse('{"source":"checkpoint-lab","type":"load","scenario":"default","conf":{"__proto__":"x","constructor":"y"}}') as { source: string };
    expect(errorOf(hostile as unknown as Record<string, unknown>)).toMatch(/^load: conf: /);
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, 'v']));
    expect(errorOf({ type: 'load', scenario: 'default', conf: many })).toMatch(/conf has 500 keys/);
  });
});
