import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redistributeOperatorState } from './operatorStateRedistribution';

describe('operator state redistribution (CONTRACTS 1.4)', () => {
  it('even split: 5 elements over 2 subtasks gives 3 and 2, contiguous, in old-subtask order', () => {
    const [r] = redistributeOperatorState([{ name: 'offsets', mode: 'split', perSubtask: [['a', 'b'], ['c'], ['d', 'e']] }], 2);
    expect(r.perSubtask).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });
  it('a second split state starts where the longer chunks ran out', () => {
    const [a, b] = redistributeOperatorState([
      { name: 'A', mode: 'split', perSubtask: [[1, 2], [3], [4, 5]] },
      { name: 'B', mode: 'split', perSubtask: [[6, 7], [8], [9, 10]] },
    ], 2);
    expect(a.perSubtask).toEqual([[1, 2, 3], [4, 5]]);
    // B starts at subtask 1, which gets the first (longer) chunk
    expect(b.perSubtask).toEqual([[9, 10], [6, 7, 8]]);
  });
  it('without a remainder the start index stays', () => {
    const [a, b] = redistributeOperatorState([
      { name: 'A', mode: 'split', perSubtask: [[1, 2], [3, 4]] },
      { name: 'B', mode: 'split', perSubtask: [[5], [6, 7]] },
    ], 3);
    expect(a.perSubtask).toEqual([[1, 2], [3], [4]]);
    // A's extra went to subtask 0 and ran out at subtask 1: B starts at 1
    expect(b.perSubtask).toEqual([[7], [5], [6]]);
  });
  it('union gives every subtask everything, even when the parallelism is unchanged', () => {
    const [u] = redistributeOperatorState([{ name: 'U', mode: 'union', perSubtask: [['x'], ['y']] }], 2);
    expect(u.perSubtask).toEqual([['x', 'y'], ['x', 'y']]);
    const [v] = redistributeOperatorState([{ name: 'U', mode: 'union', perSubtask: [['x'], ['y']] }], 3);
    expect(v.perSubtask).toEqual([['x', 'y'], ['x', 'y'], ['x', 'y']]);
  });
  it('broadcast: new subtask i gets old subtask i % oldP\'s copy', () => {
    const [r] = redistributeOperatorState([{ name: 'rules', mode: 'broadcast', perSubtask: [['r0'], ['r1']] }], 5);
    expect(r.perSubtask).toEqual([['r0'], ['r1'], ['r0'], ['r1'], ['r0']]);
  });
  it('unchanged parallelism: each subtask keeps its own split state', () => {
    const [r] = redistributeOperatorState([{ name: 's', mode: 'split', perSubtask: [['a', 'b', 'c'], []] }], 2);
    expect(r.perSubtask).toEqual([['a', 'b', 'c'], []]);
  });
  it('refuses a bad parallelism', () => {
    expect(() => redistributeOperatorState([{ name: 's', mode: 'split', perSubtask: [[1]] }], 0)).toThrow(RangeError);
  });
  it('split keeps every element once, in order, in chunks that differ by at most one', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.nat(), { maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 }), (perSubtask, p) => {
      fc.pre(p !== perSubtask.length);
      const [r] = redistributeOperatorState([{ name: 's', mode: 'split', perSubtask }], p);
      const sizes = r.perSubtask.map((x) => x.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      // starting at index 0, the chunks in subtask order are the concatenation
      expect(r.perSubtask.flat()).toEqual(perSubtask.flat());
    }));
  });
});
