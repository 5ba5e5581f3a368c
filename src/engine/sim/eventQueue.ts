import type { QueuedEvent, SimEvent } from './state';

// A binary min-heap ordered by (time, seq), stored in a plain array so it clones with the state.

function less(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export function pushEvent(queue: QueuedEvent[], entry: QueuedEvent): void {
  queue.push(entry);
  let i = queue.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(queue[i], queue[parent])) break;
    [queue[i], queue[parent]] = [queue[parent], queue[i]];
    i = parent;
  }
}

export function popEvent(queue: QueuedEvent[]): QueuedEvent | undefined {
  const n = queue.length;
  if (n === 0) return undefined;
  const top = queue[0];
  const last = queue.pop()!;
  if (n > 1) {
    queue[0] = last;
    let i = 0;
    const size = n - 1;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && less(queue[l], queue[m])) m = l;
      if (r < size && less(queue[r], queue[m])) m = r;
      if (m === i) break;
      [queue[i], queue[m]] = [queue[m], queue[i]];
      i = m;
    }
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
