import { describe, expect, it } from 'vitest';
import type { TimelineMarker } from '../../store/appState';
import { groupedMarks, MARK_SLOTS, slotMs } from './groupedMarks';

const mark = (time: number, kind: TimelineMarker['kind'] = 'completed'): TimelineMarker => ({ time, kind, label: `at ${time}` });

describe('timeline marks when they crowd', () => {
  it('keeps every mark of a short run apart', () => {
    const ms = [mark(1000), mark(5000, 'trigger'), mark(5000), mark(9000, 'failed')];
    expect(groupedMarks(ms, 10_000).map((g) => g.count)).toEqual([1, 1, 1, 1]);
  });

  it('draws at most MARK_SLOTS per kind however long the run, counting what each stands for', () => {
    const ms: TimelineMarker[] = [];
    for (let t = 100; t <= 9_000_000; t += 100) ms.push(mark(t, 'trigger'), mark(t + 50));
    const groups = groupedMarks(ms, 9_000_000);
    expect(groups.filter((g) => g.first.kind === 'trigger').length).toBeLessThanOrEqual(MARK_SLOTS);
    expect(groups.filter((g) => g.first.kind === 'completed').length).toBeLessThanOrEqual(MARK_SLOTS);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(ms.length);
    for (const g of groups) expect(g.last.time).toBeGreaterThanOrEqual(g.first.time);
  });

  it('keeps a slot where it is while the run grows, until the run is twice as long', () => {
    for (const max of [1, 250, 251, 9_999, 1_000_000]) {
      const w = slotMs(max);
      expect(max / w).toBeLessThanOrEqual(MARK_SLOTS);
      expect(w === 1 || max / (w / 2) > MARK_SLOTS).toBe(true);
    }
    const ms: TimelineMarker[] = [];
    for (let t = 700; t <= 600_000; t += 1_300) ms.push(mark(t, 'trigger'), mark(t + 400));
    const before = groupedMarks(ms, 600_000);
    const after = groupedMarks([...ms, mark(630_000, 'trigger')], 640_000);
    expect(slotMs(640_000)).toBe(slotMs(600_000));
    // the new mark has a slot of its own; every other slot is as it was
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)!.count).toBe(1);
  });
});
