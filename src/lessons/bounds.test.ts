import { describe, expect, it } from 'vitest';
import { sizeProblems } from './bounds';

describe('sizeProblems', () => {
  it('passes small values and names where a bound breaks', () => {
    expect(sizeProblems({ a: [1, 2, { b: 'c' }] })).toEqual([]);
    expect(sizeProblems({ a: [[[1]]] }, { nodes: 100, depth: 2 })).toEqual(['a.0: nested deeper than 2 levels']);
    expect(sizeProblems(Array.from({ length: 50 }, () => 1), { nodes: 10, depth: 5 })[0]).toMatch(/more than 10 values/);
  });
});
