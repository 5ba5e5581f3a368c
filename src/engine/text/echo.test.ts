import { describe, expect, it } from 'vitest';
import { echo, ECHO_MAX_CHARS, quote } from './echo';

describe('echoing a user string in a message', () => {
  it('keeps a short string as it is', () => {
    expect(echo('count')).toBe('count');
    expect(quote('Keyed Count (1/2)')).toBe('"Keyed Count (1/2)"');
    expect(echo(42)).toBe('42');
  });
  it('cuts after 40 characters and says so', () => {
    expect(echo('x'.repeat(ECHO_MAX_CHARS))).toBe('x'.repeat(40));
    expect(echo('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(echo('x'.repeat(5_000_000))).toHaveLength(41);
    expect(echo('abcdef', 3)).toBe('abc…');
  });
  it('escapes control characters, bidirectional overrides and line separators', () => {
    expect(echo('a\nb\tc\rd')).toBe('a\\nb\\tc\\rd');
    expect(echo('\u001b[31mred')).toBe('\\u001b[31mred');
    expect(echo('x\u202ey\u2028z\u0085')).toBe('x\\u202ey\\u2028z\\u0085');
  });
  it('does not split a character made of two UTF-16 units', () => {
    expect(echo('🐑🐑🐑', 2)).toBe('🐑🐑…');
  });
});
