import { describe, expect, it } from 'vitest';
import { hasCycle } from './graph';

describe('cycle check', () => {
  it('finds a cycle and accepts a DAG', () => {
    expect(hasCycle(['a', 'b', 'c'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])).toBe(false);
    expect(hasCycle(['a', 'b', 'c'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'b' }])).toBe(true);
    expect(hasCycle(['a'], [{ from: 'a', to: 'a' }])).toBe(true);
  });
  it('ignores edges to unknown nodes (validation reports them)', () => {
    expect(hasCycle(['a'], [{ from: 'a', to: 'zz' }])).toBe(false);
  });
  // an O(V·E) check (scanning every edge for every node) would make 400 million edge visits here
  it('handles a 20,000-edge fan-out and a 20,000-node chain without recursion', () => {
    const fan = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    expect(hasCycle(['root', ...fan], fan.map((to) => ({ from: 'root', to })))).toBe(false);
    const chain = fan.slice(1).map((to, i) => ({ from: fan[i], to }));
    expect(hasCycle(fan, chain)).toBe(false);
    expect(hasCycle(fan, [...chain, { from: fan.at(-1)!, to: fan[0] }])).toBe(true);
  });
});
