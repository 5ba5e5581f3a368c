import type { QueuedEvent, SimEvent } from './state';

// A binary min-heap ordered by (time, seq), stored in a plain array so it clones with the state.

function less(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

// Sifting moves a hole rather than swapping: one write per level. (time, seq) orders every event
// totally, so the order of pops does not depend on how the heap is laid out.
export function pushEvent(queue: QueuedEvent[], entry: QueuedEvent): void {
  let i = queue.length;
  queue.push(entry);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = queue[parent];
    if (!less(entry, p)) break;
    queue[i] = p;
    i = parent;
  }
  queue[i] = entry;
}

export function popEvent(queue: QueuedEvent[]): QueuedEvent | undefined {
  const n = queue.length;
  if (n === 0) return undefined;
  const top = queue[0];
  const last = queue.pop()!;
  const size = n - 1;
  if (size > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const m = r < size && less(queue[r], queue[l]) ? r : l;
      const child = queue[m];
      if (!less(child, last)) break;
      queue[i] = child;
      i = m;
    }
    queue[i] = last;
  }
  return top;
}

export function peekEvent(queue: QueuedEvent[]): QueuedEvent | undefined {
  return queue[0];
}

export function schedule(state: { queue: QueuedEvent[]; seq: number }, time: number, event: SimEvent): void {
  pushEvent(state.queue, { time, seq: state.seq++, event });
}

/** Removes the events `drop` picks; what is left is a valid heap again (a sorted array is one). */
export function removeEvents(queue: QueuedEvent[], drop: (e: QueuedEvent) => boolean): void {
  const kept = queue.filter((e) => !drop(e)).sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  queue.length = 0;
  queue.push(...kept);
}
