import { describe, expect, it } from 'vitest';
import { memoised } from './memoised';

describe('memoised', () => {
  it('builds on the first call, not before, and once', () => {
    let builds = 0;
    const get = memoised(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(builds).toBe(1);
  });
  it('builds again after a build that threw', () => {
    let calls = 0;
    const get = memoised(() => {
      if (++calls === 1) throw new Error('first');
      return calls;
    });
    expect(get).toThrow('first');
    expect(get()).toBe(2);
    expect(get()).toBe(2);
  });
  it('keeps a built undefined', () => {
    let builds = 0;
    const get = memoised(() => void builds++);
    get();
    get();
    expect(builds).toBe(1);
  });
});
