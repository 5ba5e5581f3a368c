import { describe, expect, it } from 'vitest';
import { entryBytes, keyedStateBytes, recordBytes, valueBytes } from './snapshotSizing';

describe('snapshot sizing', () => {
  it('sizes values by their serialised form', () => {
    expect(valueBytes(5)).toBe(8);
    expect(valueBytes(null)).toBe(1);
    expect(valueBytes('ab')).toBe(6);
    expect(valueBytes([1, 2])).toBe(20);
    expect(valueBytes(new Map([['1-5', 2]]))).toBe(4 + 4 + 3 + 8);
  });
  it('grows with keys and values', () => {
    const one = entryBytes('Lion', new Map([['count', 3]]));
    expect(one).toBe(8 + 2 + 4 + 5 + 8);
    const table = new Map([[5, new Map([['Lion', new Map([['count', 3]])]])], [9, new Map([['Bear', new Map([['count', 1]])]])]]);
    expect(keyedStateBytes(table)).toBe(one + entryBytes('Bear', new Map([['count', 1]])));
    expect(keyedStateBytes(new Map())).toBe(0);
  });
  it('sizes a record', () => {
    expect(recordBytes({ key: 'Fox', value: 1, src: 0, part: 0, off: 0, sub: 0, ts: 0 })).toBe(4 + 3 + 32);
  });
});
