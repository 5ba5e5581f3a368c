import { describe, expect, it } from 'vitest';
import { DURATION_SYNTAX, MAX_DURATION_MS, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['500 ms', 500], ['10 s', 10_000], ['2 min', 120_000], ['1h', 3_600_000], ['3 d', 259_200_000], ['250', 250], ['0', 0],
    [' 3 seconds ', 3000], ['1.5 s', 1500], ['10S', 10_000], ['007 ms', 7], ['3650 d', MAX_DURATION_MS],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '', ' ', 'fast', '10 parsecs', '-1 s', '+1 s', '1e3', '1e400', '1E3 ms', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000',
    '1.', '.5 s', '1 . 5 s', '1,5 s', '5 constructor', '5 toString', '5 __proto__', '10 s s',
    '3651 d', '87601 h', '1'.repeat(400), `${'1'.repeat(400)} ms`, `0.${'0'.repeat(400)}1 s`, `1 ${'s'.repeat(100)}`,
  ])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('takes numbers as milliseconds, finite and in range only', () => {
    expect(parseDuration(1500)).toBe(1500);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration(MAX_DURATION_MS)).toBe(MAX_DURATION_MS);
    for (const n of [-1, NaN, Infinity, -Infinity, MAX_DURATION_MS + 1, Number.MAX_VALUE]) expect(parseDuration(n)).toBeNull();
  });

  it('says its bound in the syntax it shows users', () => {
    expect(MAX_DURATION_MS).toBe(3650 * 86_400_000);
    expect(DURATION_SYNTAX).toMatch(/500 ms.*10 years/);
  });
});
