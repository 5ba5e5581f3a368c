import type { TimelineMarker } from '../../store/appState';
import type { MarkGroup } from './groupedMarks';

// Where each group of marks is drawn on the timeline's bar (20 px high), in pixels of a bar
// `widthPx` wide standing for `max` ms of the run: a 2-unit tick (a checkpoint triggered) or a
// 4-unit bar (completed, failed, a savepoint, a fault, a restore) of a bar 1000 units wide, as
// long as the span of the marks it stands for.

export const BAR_UNITS = 1000;

export interface MarkBox { x: number; y: number; w: number; h: number; kind: TimelineMarker['kind']; group: MarkGroup }

export function markBoxes(groups: readonly MarkGroup[], max: number, widthPx: number): MarkBox[] {
  const px = widthPx / BAR_UNITS;
  return groups.map((group) => {
    const { first: m, last } = group;
    const trigger = m.kind === 'trigger';
    const x = ((m.time / max) * BAR_UNITS - 1) * px;
    const w = ((trigger ? 2 : 4) + ((last.time - m.time) / max) * BAR_UNITS) * px;
    return { x, y: trigger ? 12 : 2, w, h: trigger ? 8 : 18, kind: m.kind, group };
  });
}

/** The box under a point of the bar (the one drawn last, on top), allowing `slop` px either side of a thin mark. */
export function boxAt(boxes: readonly MarkBox[], x: number, y: number, slop = 1): MarkBox | null {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i];
    if (x >= b.x - slop && x <= b.x + b.w + slop && y >= b.y && y <= b.y + b.h) return b;
  }
  return null;
}
