import type { TimelineMarker } from '../../store/appState';

// The timeline's marks grouped per kind and slot of the bar (Timeline draws them, markBoxes places them).

/** The bar's marks of a kind fall into this many slots: when marks crowd, one mark stands for a slot's. */
export const MARK_SLOTS = 250;

export interface MarkGroup { slot: string; first: TimelineMarker; last: TimelineMarker; count: number }

/**
 * How long (ms) a slot of the bar is for a run of `max` ms: a power of two, at most MARK_SLOTS of
 * them to the bar. A slot's bounds stay where they are while the run grows, until it doubles, so
 * a new mark changes its own slot and not every other.
 */
export function slotMs(max: number): number {
  let w = 1;
  while (max / w > MARK_SLOTS) w *= 2;
  return w;
}

/** The marks grouped per kind and slot of the bar, so a long run draws at most MARK_SLOTS per kind. */
export function groupedMarks(markers: readonly TimelineMarker[], max: number): MarkGroup[] {
  const w = slotMs(max);
  const groups = new Map<string, MarkGroup>();
  for (const m of markers) {
    const slot = `${m.kind}:${Math.min(MARK_SLOTS - 1, Math.floor(m.time / w))}`;
    const g = groups.get(slot);
    if (g) {
      g.count++;
      g.last = m;
    } else groups.set(slot, { slot, first: m, last: m, count: 1 });
  }
  return [...groups.values()];
}
