import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assignKeyToParallelOperator, assignToKeyGroup, computeDefaultMaxParallelism, computeKeyGroupRangeForOperatorIndex,
  computeOperatorIndexForKeyGroup, javaHashCode, murmurHash,
} from './keyGroups';

describe('javaHashCode', () => {
  it('hashes strings as java.lang.String', () => {
    expect(javaHashCode('')).toBe(0);
    expect(javaHashCode('a')).toBe(97);
    expect(javaHashCode('hello')).toBe(99162322);
    expect(javaHashCode('Lion')).toBe(2368572); // 76*29791 + 105*961 + 111*31 + 110
    // 32-bit wrap-around: "polygenelubricants".hashCode() == Integer.MIN_VALUE in Java
    expect(javaHashCode('polygenelubricants')).toBe(-2147483648);
  });
  it('hashes ints as themselves and longs as (int)(v ^ (v >>> 32))', () => {
    expect(javaHashCode(42)).toBe(42);
    expect(javaHashCode(-7)).toBe(-7);
    expect(javaHashCode(2 ** 32)).toBe(1);
    expect(javaHashCode(-1n)).toBe(0);
    expect(javaHashCode(2n ** 32n + 5n)).toBe(4);
    expect(javaHashCode(2147483648)).toBe(javaHashCode(2147483648n));
  });
  it('rejects keys Java could not hash, naming the key and the rule', () => {
    expect(() => javaHashCode(1.5)).toThrow(/1.5.*integer/);
    expect(() => javaHashCode(2 ** 60)).toThrow(/safe integer/);
    expect(() => javaHashCode(2n ** 64n)).toThrow(/64 bits/);
    expect(() => javaHashCode(null as unknown as string)).toThrow(TypeError);
    expect(() => javaHashCode({} as unknown as string)).toThrow(/cannot be hashed/);
  });
});

describe('murmurHash (Flink MathUtils.murmurHash)', () => {
  it('is never negative', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (x) => murmurHash(x) >= 0));
  });
  it('matches values worked out by hand from the algorithm', () => {
    // code 0: k = 0 -> h = rotl(0,13)*5 + 0xe6546b64 = 0xe6546b64; h ^= 4 -> 0xe6546b60; fmix32 ...
    let h = 0xe6546b60 | 0;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    expect(murmurHash(0)).toBe(h >= 0 ? h : -h);
  });
});

describe('key groups (KeyGroupRangeAssignment)', () => {
  it('gives the spec\'s ranges', () => {
    expect([0, 1, 2].map((i) => computeKeyGroupRangeForOperatorIndex(128, 3, i))).toEqual([{ start: 0, end: 42 }, { start: 43, end: 85 }, { start: 86, end: 127 }]);
    expect([0, 1, 2, 3, 4].map((i) => computeKeyGroupRangeForOperatorIndex(128, 5, i))).toEqual([
      { start: 0, end: 25 }, { start: 26, end: 51 }, { start: 52, end: 76 }, { start: 77, end: 102 }, { start: 103, end: 127 },
    ]);
  });
  it('computes the default max parallelism', () => {
    expect(computeDefaultMaxParallelism(1)).toBe(128);
    expect(computeDefaultMaxParallelism(85)).toBe(128);
    expect(computeDefaultMaxParallelism(86)).toBe(256);
    expect(computeDefaultMaxParallelism(170)).toBe(256);
    expect(computeDefaultMaxParallelism(1000)).toBe(2048);
    expect(computeDefaultMaxParallelism(30000)).toBe(32768);
  });
  it('refuses out-of-range arguments, naming the bound', () => {
    expect(() => computeKeyGroupRangeForOperatorIndex(128, 0, 0)).toThrow(/parallelism must be a positive integer/);
    expect(() => computeOperatorIndexForKeyGroup(128, 129, 0)).toThrow(/exceeds maxParallelism 128/);
    expect(() => assignToKeyGroup('x', 40000)).toThrow(/exceeds the upper bound 32768/);
    expect(() => computeOperatorIndexForKeyGroup(128, 2, 128)).toThrow(RangeError);
  });
  it('every key group of a subtask\'s range maps back to that subtask; ranges tile 0..maxP-1', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 32768 }), fc.integer({ min: 1, max: 512 }), (maxP, pWanted) => {
      const p = Math.min(maxP, pWanted);
      let next = 0;
      for (let i = 0; i < p; i++) {
        const r = computeKeyGroupRangeForOperatorIndex(maxP, p, i);
        if (r.start !== next) return false;
        for (const kg of [r.start, r.end, (r.start + r.end) >> 1]) if (computeOperatorIndexForKeyGroup(maxP, p, kg) !== i) return false;
        next = r.end + 1;
      }
      return next === maxP;
    }), { numRuns: 300 });
  });
  it('routes a key to the subtask whose range holds its key group', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 128 }), (key, p) => {
      const kg = assignToKeyGroup(key, 128);
      expect(kg).toBeGreaterThanOrEqual(0);
      expect(kg).toBeLessThan(128);
      const i = assignKeyToParallelOperator(key, 128, p);
      const r = computeKeyGroupRangeForOperatorIndex(128, p, i);
      expect(kg).toBeGreaterThanOrEqual(r.start);
      expect(kg).toBeLessThanOrEqual(r.end);
    }));
  });
  it('string, int and long keys hash the same way twice (cache and no cache)', () => {
    // short keys are hashed every time, long ones remembered: both ways, twice
    for (const k of ['Lion', 'Tiger', 'k9999', '123456789012', '1234567890123', 'session-0123456789-abcdef']) {
      for (let i = 0; i < 2; i++) expect(assignToKeyGroup(k, 128)).toBe(murmurHash(javaHashCode(k)) % 128);
    }
    expect(assignToKeyGroup(42, 128)).toBe(murmurHash(42) % 128);
    expect(assignToKeyGroup(2n ** 40n, 128)).toBe(murmurHash(javaHashCode(2n ** 40n)) % 128);
  });
});
