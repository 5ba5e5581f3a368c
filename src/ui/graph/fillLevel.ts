// How full a channel's edge looks: ok, filling (half its capacity or more) or full.

export type FillLevel = 'ok' | 'filling' | 'full';

/**
 * Full with a thirty-second of the capacity free at most: a back-pressured producer fills each
 * slot as soon as its consumer frees it, so the count flickers between the capacity and one below
 * it every frame, and with an exact rule the edge flickered between two styles (a stroke transition
 * each time: a visible jitter of its width on a projector, and a repaint every frame).
 */
export function fillLevel(records: number, capacity: number): FillLevel {
  if (capacity <= 0) return 'ok';
  if (records >= capacity - Math.floor(capacity / 32)) return 'full';
  return records >= capacity / 2 ? 'filling' : 'ok';
}
