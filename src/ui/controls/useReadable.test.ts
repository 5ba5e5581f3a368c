import { describe, expect, it } from 'vitest';
import { keepsShowing, READABLE_MS } from './useReadable';

describe('what changes every frame while the run plays', () => {
  const playing = { playing: true, of: 3 };
  const paused = { playing: false, of: 3 };

  it('is read anew at most every READABLE_MS while the clock plays', () => {
    expect(keepsShowing(playing, true, 3, 1000, 1000 + READABLE_MS - 1)).toBe(true);
    expect(keepsShowing(playing, true, 3, 1000, 1000 + READABLE_MS)).toBe(false);
  });

  it('is read at once when the clock is paused, stops or starts, and the first time', () => {
    expect(keepsShowing(paused, false, 3, 1000, 1001)).toBe(false);
    expect(keepsShowing(playing, false, 3, 1000, 1001)).toBe(false);
    expect(keepsShowing(paused, true, 3, 1000, 1001)).toBe(false);
    expect(keepsShowing(null, true, 3, 1000, 1001)).toBe(false);
  });

  it('is read at once when it is of another thing (another subtask picked)', () => {
    expect(keepsShowing(playing, true, 4, 1000, 1001)).toBe(false);
  });
});
