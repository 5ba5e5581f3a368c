import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashEvent, mixNumberText, mixString, TRACE_HASH_SEED } from './hash';
import { traceRecordProcessed, traceRecordRead, traceRecordSent, traceSinkReceived, traceStateUpdated, traceStateUpdatedNumber } from './hotEvents';
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
        traceStateUpdatedNumber(rt, t, a, b, key, name, v);
      }
      expect(quiet.state.traceHash).toBe(loud.state.traceHash);
      expect(seen).toHaveLength(6);
      const generic = seen.reduce((h, e) => hashEvent(h, e), TRACE_HASH_SEED);
      expect(quiet.state.traceHash).toBe(generic);
    }), { numRuns: 200 });
  });
});

describe('a number mixed as its text', () => {
  const same = (h: number, v: number): void => {
    expect(mixNumberText(h, v)).toBe(mixString(h, String(v)));
  };
  it('is mixString of String(v), from any hash', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.oneof(fc.integer(), fc.double(), fc.integer({ min: -1e15, max: 1e15 })), (h, v) => {
      same(h, v);
    }), { numRuns: 1000 });
  });
  it('at the edges of its digit path', () => {
    const edges = [0, -0, 1, -1, 9, 10, 99, 100, 999_999_999, 1e9, 2147483647, -2147483647, 2147483648, -2147483648, 4294967296, 0.5, -0.5, 1e21, 1e-7, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER];
    for (const v of edges) for (const h of [0, 0x811c9dc5, 0xffffffff]) same(h, v);
  });
});
