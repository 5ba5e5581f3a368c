import { describe, expect, it } from 'vitest';
import { viewEqual } from './equality';

describe('view models compared by contents', () => {
  it('equal plain data is equal however it was built', () => {
    expect(viewEqual({ rows: [{ key: 'a', values: ['1', '2'] }], id: null }, { rows: [{ key: 'a', values: ['1', '2'] }], id: null })).toBe(true);
    expect(viewEqual([NaN], [NaN])).toBe(true);
  });
  it('any difference, in a value, a length or a key, is a difference', () => {
    expect(viewEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(viewEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(viewEqual({ a: undefined }, {})).toBe(false);
    expect(viewEqual([1], { 0: 1 })).toBe(false);
    expect(viewEqual(null, {})).toBe(false);
  });
});
