import { describe, expect, it } from 'vitest';
import { framesPerDraw } from './drawRate';
import { DEFAULT_SPEED_POSITION, SPEED_MAX_POSITION, speedMultiplier } from './speed';

describe('framesPerDraw', () => {
  it('shows every frame up to 2x and event by event', () => {
    expect(framesPerDraw(0)).toBe(1);
    expect(framesPerDraw(DEFAULT_SPEED_POSITION)).toBe(1);
    const twice = [...Array(SPEED_MAX_POSITION + 1).keys()].filter((p) => speedMultiplier(p) <= 2).at(-1)!;
    expect(framesPerDraw(twice)).toBe(1);
    expect(framesPerDraw(twice + 1)).toBe(2);
  });

  it('shows fewer frames the faster it goes: every 2nd at 3.1x, every 3rd at 12x, every 4th at 50x (the speeds the bench measures)', () => {
    expect([60, 80, 100].map(framesPerDraw)).toEqual([2, 3, 4]);
    let last = 1;
    for (let p = 0; p <= SPEED_MAX_POSITION; p++) {
      expect(framesPerDraw(p)).toBeGreaterThanOrEqual(last);
      last = framesPerDraw(p);
    }
  });
});
