import { describe, expect, it } from 'vitest';
import type { TimelineMarker } from '../../store/appState';
import { boxAt, markBoxes } from './markBoxes';
import { groupedMarks } from './groupedMarks';

const mark = (time: number, kind: TimelineMarker['kind'] = 'completed'): TimelineMarker => ({ time, kind, label: `at ${time}` });

describe('the timeline marks on the bar', () => {
  it('are placed at their share of the run, a tick for a trigger and a bar for the rest', () => {
    const [trigger, completed] = markBoxes(groupedMarks([mark(2500, 'trigger'), mark(5000)], 10_000), 10_000, 1000);
    expect(trigger).toMatchObject({ x: 249, y: 12, w: 2, h: 8, kind: 'trigger' });
    expect(completed).toMatchObject({ x: 499, y: 2, w: 4, h: 18, kind: 'completed' });
    // half as wide a bar: half as many pixels
    expect(markBoxes(groupedMarks([mark(5000)], 10_000), 10_000, 500)[0]).toMatchObject({ x: 249.5, w: 2 });
  });

  it('a group is as wide as the span of the marks it stands for', () => {
    const ms: TimelineMarker[] = [];
    for (let t = 0; t < 9_000_000; t += 1000) ms.push(mark(t));
    const boxes = markBoxes(groupedMarks(ms, 9_000_000), 9_000_000, 1000);
    for (const b of boxes) expect(b.w).toBeCloseTo(4 + ((b.group.last.time - b.group.first.time) / 9_000_000) * 1000, 6);
  });

  it('the one under the pointer is found, the one drawn on top first', () => {
    const boxes = markBoxes(groupedMarks([mark(5000, 'trigger'), mark(5000)], 10_000), 10_000, 1000);
    expect(boxAt(boxes, 500, 15)?.kind).toBe('completed');
    expect(boxAt(boxes, 500, 1)).toBeNull();
    expect(boxAt(boxes, 520, 10)).toBeNull();
    expect(boxAt(boxes.slice(0, 1), 498.5, 15)?.kind).toBe('trigger');
    expect(boxAt(boxes.slice(0, 1), 497.5, 15)).toBeNull();
  });
});
