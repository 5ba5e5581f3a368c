import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../engine';
import { decompressLinkText } from './linkText';

describe('reading compressed link text with a bound', () => {
  const samples = [
    '', 'a', 'ab', 'aaaaaaaaaaaaaaaaaaaa', JSON.stringify(builtinScenario('wide')), 'Käse 🐑 ∑ 子 \u0000\uffff',
    Array.from({ length: 3000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 5000))).join(''),
  ];
  it.each(samples.map((s, i) => [i, s]))('reads what lz-string wrote (sample %i)', (_, text) => {
    const link = compressToEncodedURIComponent(text as string);
    expect(decompressLinkText(link, 1_000_000)).toEqual({ text: decompressFromEncodedURIComponent(link) });
    expect(decompressLinkText(link, 1_000_000)).toEqual({ text });
  });
  it('takes spaces for the "+" a URL decoder made of them', () => {
    const text = JSON.stringify(builtinScenario('default'));
    const link = compressToEncodedURIComponent(text);
    expect(link).toContain('+');
    expect(decompressLinkText(link.replace(/\+/g, ' '), 1_000_000)).toEqual({ text });
  });
  it('stops as soon as the text passes the bound', () => {
    // a link of a few hundred characters that unfolds into 50,000 (a longer one grows quadratically)
    const link = compressToEncodedURIComponent('a'.repeat(50_000));
    expect(link.length).toBeLessThan(500);
    expect(decompressLinkText(link, 10_000)).toEqual({ tooLong: true });
    expect(decompressLinkText(link, 50_000)).toEqual({ text: 'a'.repeat(50_000) });
    expect(decompressLinkText(compressToEncodedURIComponent('abc'), 3)).toEqual({ text: 'abc' });
    expect(decompressLinkText(compressToEncodedURIComponent('abcd'), 3)).toEqual({ tooLong: true });
  });
  it('says a cut or damaged link is damaged', () => {
    const link = compressToEncodedURIComponent(JSON.stringify(builtinScenario('default')));
    expect(decompressLinkText(link.slice(0, link.length / 2), 1_000_000)).toEqual({ damaged: true });
    expect(decompressLinkText('%%%garbage', 1_000_000)).toEqual({ damaged: true });
    expect(decompressLinkText('', 1_000_000)).toEqual({ damaged: true });
  });
});
