import { describe, expect, it } from 'vitest';
import { FAST_FORWARD_FRAMES_PER_DRAW, framesPerDraw } from './drawRate';
import { DEFAULT_SPEED_POSITION, SPEED_MAX_POSITION, speedMultiplier } from './speed';

describe('framesPerDraw', () => {
  it('shows every frame up to 2x and event by event', () => {
    expect(framesPerDraw(0)).toBe(1);
    expect(framesPerDraw(DEFAULT_SPEED_POSITION)).toBe(1);
    const twice = [...Array(SPEED_MAX_POSITION + 1).keys()].filter((p) => speedMultiplier(p) <= 2).at(-1)!;
    expect(framesPerDraw(twice)).toBe(1);
    expect(framesPerDraw(twice + 1)).toBe(FAST_FORWARD_FRAMES_PER_DRAW);
  });

  it('shows every other frame at the fast-forward speeds the bench measures (3.1x, 12x, 50x)', () => {
    for (const p of [60, 80, 100]) expect(framesPerDraw(p)).toBe(2);
  });
});
