import { describe, expect, it } from 'vitest';
import { hash3, nextRandom, seed32, seedToState } from './rng';

describe('seeded randomness', () => {
  it('continues identically from a copied state', () => {
    const a = { rng: seedToState(7) };
    nextRandom(a);
    const b = structuredClone(a);
    expect([nextRandom(a), nextRandom(a)]).toEqual([nextRandom(b), nextRandom(b)]);
  });
  it('differs between seeds and stays in [0, 1)', () => {
    const a = { rng: seedToState(1) };
    const b = { rng: seedToState(2) };
    const xs = Array.from({ length: 1000 }, () => nextRandom(a));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(nextRandom(b)).not.toBe(xs[0]);
  });
  it('hash3 is a pure function of its inputs', () => {
    expect(hash3(1, 2, 3)).toBe(hash3(1, 2, 3));
    expect(hash3(1, 2, 3)).not.toBe(hash3(1, 2, 4));
  });
});

describe('seed32', () => {
  it('keeps 32-bit seeds as they are and tells apart seeds that differ only above 32 bits', () => {
    for (const s of [0, 1, -1, 7, 2 ** 31 - 1, -(2 ** 31)]) expect(seed32(s)).toBe(s);
    expect(seed32(1)).not.toBe(seed32(2 ** 32 + 1));
    expect(seed32(2 ** 40)).not.toBe(seed32(0));
    expect(seedToState(1)).not.toBe(seedToState(2 ** 32 + 1));
  });
});
