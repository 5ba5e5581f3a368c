import { describe, expect, it } from 'vitest';
import type { TimelineMarker } from '../../store/appState';
import { groupedMarks, MARK_SLOTS } from './Timeline';

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
});
