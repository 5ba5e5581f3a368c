import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedText, hashEvent, mixFixed, mixString, TRACE_HASH_SEED } from './hash';
import { traceBackpressure } from './hotEvents';
import { TRACE_EVENT_FIELDS, type TraceEvent } from './events';
import type { Runtime } from '../runtime/runtime';

describe('a fixed text mixed in one step', () => {
  it('is mixString of that text, from any hash', () => {
    const texts = [...Object.keys(TRACE_EVENT_FIELDS), '', 'count', 'x'.repeat(40), '\u00ff\u0000'];
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(...texts), (h, text) => {
      expect(mixFixed(h, fixedText(text)) | 0).toBe(mixString(h, text) | 0);
    }), { numRuns: 500 });
  });

  it('refuses a text it cannot mix in one step', () => {
    expect(() => fixedText('\u0100')).toThrow(RangeError);
  });

  it('back-pressure hashes like the generic event hash, listened to or not', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.nat(1000), fc.boolean(), (t, subtask, on) => {
      const seen: TraceEvent[] = [];
      const mk = (listening: boolean): Runtime => ({
        state: { traceHash: TRACE_HASH_SEED } as Runtime['state'], keyContexts: [], listeners: listening ? [(e) => seen.push(e)] : [],
        emit() {}, notify: (e) => seen.push(e),
      });
      const quiet = mk(false);
      const loud = mk(true);
      traceBackpressure(quiet, t, subtask, on);
      traceBackpressure(loud, t, subtask, on);
      expect(seen).toEqual([{ type: 'backpressure', time: t, subtask, on }]);
      expect(quiet.state.traceHash).toBe(loud.state.traceHash);
      expect(quiet.state.traceHash).toBe(hashEvent(TRACE_HASH_SEED, seen[0]));
    }), { numRuns: 200 });
  });
});
