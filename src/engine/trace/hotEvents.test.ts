import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashEvent, TRACE_HASH_SEED } from './hash';
import { traceRecordProcessed, traceRecordRead, traceRecordSent, traceSinkReceived, traceStateUpdated } from './hotEvents';
import type { Runtime } from '../runtime/runtime';
import type { TraceEvent } from './events';

// The per-record events hash without building objects; the result must be exactly what hashing
// the event object gives, or a run traced by the page would differ from the same run in the CLI.

function runtimes() {
  const seen: TraceEvent[] = [];
  const mk = (listening: boolean): Runtime => ({
    state: { traceHash: TRACE_HASH_SEED } as Runtime['state'], keyContexts: [], listeners: listening ? [(e) => seen.push(e)] : [],
    emit() {}, notify: (e) => seen.push(e),
  });
  return { quiet: mk(false), loud: mk(true), seen };
}

describe('per-record trace events', () => {
  it('hash exactly like the generic event hash, listened to or not', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.nat(1000), fc.nat(1e6), fc.string(), fc.string(), fc.integer(), (t, a, b, key, name, v) => {
      const { quiet, loud, seen } = runtimes();
      for (const rt of [quiet, loud]) {
        traceRecordSent(rt, t, a, b, key, t + 1);
        traceRecordProcessed(rt, t, a, b, b + 1, key);
        traceRecordRead(rt, t, a, b, b + 2, key);
        traceStateUpdated(rt, t, a, b, key, name, String(v));
        traceSinkReceived(rt, t, a, key, v);
      }
      expect(quiet.state.traceHash).toBe(loud.state.traceHash);
      expect(seen).toHaveLength(5);
      const generic = seen.reduce((h, e) => hashEvent(h, e), TRACE_HASH_SEED);
      expect(quiet.state.traceHash).toBe(generic);
    }), { numRuns: 200 });
  });
});
