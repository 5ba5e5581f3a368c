import { describe, expect, it } from 'vitest';
import { formatNumber, interpolate, LANGS } from './format';

const LOCALE = { en: 'en-US', ko: 'ko-KR' } as const;

describe('formatNumber', () => {
  it('gives what the language\'s number format gives, with or without making one', () => {
    for (const lang of LANGS) {
      const f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3 });
      for (const n of [0, -0, 1, -1, 7, 42, 999, -999, 1000, -1000, 12345, 0.5, 2.25, 1234.5678, -0.0001, 1e21, Number.NaN, Infinity]) {
        expect(formatNumber(n, lang), `${n} in ${lang}`).toBe(f.format(n));
      }
    }
  });
});

describe('interpolate', () => {
  it('returns a message without placeholders as it is', () => {
    expect(interpolate('Play', { n: 3 }, 'en')).toBe('Play');
    expect(interpolate('{n} left', { n: 3 }, 'en')).toBe('3 left');
  });
});
