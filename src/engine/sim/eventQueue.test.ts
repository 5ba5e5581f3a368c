import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { popEvent, pushEvent, removeEvents } from './eventQueue';
import type { QueuedEvent } from './state';

describe('event queue', () => {
  it('pops in (time, seq) order for any insertion order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1000 }))), (pairs) => {
      const q: QueuedEvent[] = [];
      const entries = pairs.map(([time], seq) => ({ time, seq, event: { kind: 'wake' as const, subtask: 0 } }));
      for (const e of entries) pushEvent(q, e);
      const out: QueuedEvent[] = [];
      for (let e = popEvent(q); e; e = popEvent(q)) out.push(e);
      const sorted = [...entries].sort((a, b) => a.time - b.time || a.seq - b.seq);
      expect(out.map((e) => e.seq)).toEqual(sorted.map((e) => e.seq));
    }));
  });
  it('removing events leaves the others popping in (time, seq) order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean())), (pairs) => {
      const q: QueuedEvent[] = [];
      pairs.forEach(([time, drop], seq) => pushEvent(q, { time, seq, event: drop ? { kind: 'alignment-timer', subtask: 1 } : { kind: 'wake', subtask: 0 } }));
      removeEvents(q, (e) => e.event.kind === 'alignment-timer');
      const out: QueuedEvent[] = [];
      for (let e = popEvent(q); e; e = popEvent(q)) out.push(e);
      const kept = pairs.map(([time, drop], seq) => ({ time, seq, drop })).filter((e) => !e.drop).sort((a, b) => a.time - b.time || a.seq - b.seq);
      expect(out.map((e) => e.seq)).toEqual(kept.map((e) => e.seq));
    }));
  });
  it('returns undefined when empty', () => {
    expect(popEvent([])).toBeUndefined();
  });
});
