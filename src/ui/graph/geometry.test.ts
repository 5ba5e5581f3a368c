import { describe, expect, it } from 'vitest';
import { channelPath, pointOnChannel, progress } from './geometry';

describe('channel geometry', () => {
  const s = { x: 0, y: 0 };
  const t = { x: 200, y: 100 };
  it('starts at the producer and ends at the consumer', () => {
    expect(pointOnChannel(s, t, 0)).toEqual(s);
    expect(pointOnChannel(s, t, 1)).toEqual(t);
    const mid = pointOnChannel(s, t, 0.5);
    expect(mid.x).toBeCloseTo(100);
    expect(mid.y).toBeCloseTo(50);
  });
  it('draws the same curve as an SVG path', () => {
    expect(channelPath(s, t)).toBe('M 0,0 C 100,0 100,100 200,100');
  });
  it('places an item by display time between sending and delivery', () => {
    expect(progress(100, 300, 50)).toBe(0);
    expect(progress(100, 300, 200)).toBe(0.5);
    expect(progress(100, 300, 400)).toBe(1);
    expect(progress(100, 100, 100)).toBe(1);
  });
});
