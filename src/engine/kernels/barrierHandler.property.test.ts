import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockedChannelsOf, createBarrierHandler, initialBarrierHandlerState, pushGateInput, recordPassesThrough, type BarrierHandlerOptions, type GateInput } from './barrierHandler';

// Random schedules, fed as the simulator feeds a gate: a blocked channel delivers nothing. Each
// channel carries barriers (or, now and then, cancellation markers) 1..k in order between records.

function channelStreams(channels: number, k: number, rnd: () => number): GateInput[][] {
  let seq = 0;
  return Array.from({ length: channels }, (_, c) => {
    const items: GateInput[] = [];
    for (let id = 1; id <= k; id++) {
      const n = Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) items.push({ kind: 'record', channel: c, seq: seq++ });
      items.push(rnd() < 0.1 ? { kind: 'cancel', channel: c, checkpointId: id } : { kind: 'barrier', channel: c, checkpointId: id, timestamp: id * 100 });
    }
    for (let i = 0; i < 3; i++) items.push({ kind: 'record', channel: c, seq: seq++ });
    return items;
  });
}

const modes: BarrierHandlerOptions['mode'][] = ['aligned', 'unaligned', 'at-least-once'];

describe('barrier handler under any schedule', () => {
  it('processes every record once, in order; triggers increase; nothing stays blocked; aligned keeps the cut', () => {
    fc.assert(fc.property(
      fc.constantFrom(...modes), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.integer(), fc.constantFrom(0, 50, 250),
      (mode, channels, k, seed, timeout) => {
        let s = seed | 0;
        const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0) / 4294967296;
        const options: BarrierHandlerOptions = { mode, channels, alignedCheckpointTimeoutMs: mode === 'unaligned' ? timeout : undefined };
        const h = createBarrierHandler(options);
        const streams = channelStreams(channels, k, rnd);
        const pos = new Array(channels).fill(0);
        const pushedRecords: number[] = [];
        const processed: number[] = [];
        const triggers: number[] = [];
        const deliveredBarrier = new Map<number, Set<number>>(); // checkpoint -> channels whose barrier came
        const settled = new Set<number>();
        let now = 0;
        for (;;) {
          const blocked = new Set(h.blockedChannels());
          const open = [...Array(channels).keys()].filter((c) => pos[c] < streams[c].length && !blocked.has(c));
          if (!open.length) break;
          const c = open[Math.floor(rnd() * open.length)];
          const input = streams[c][pos[c]++];
          now += 1 + Math.floor(rnd() * 40);
          if (input.kind === 'record') pushedRecords.push(input.seq);
          for (const out of h.push(input, now)) {
            if (out.kind === 'process') {
              processed.push(out.seq);
              if (mode === 'aligned') {
                // a record from a channel that delivered barrier n is never processed before n is settled
                for (const [id, chans] of deliveredBarrier) if (!settled.has(id) && chans.has(out.channel)) return false;
              }
            } else {
              settled.add(out.checkpointId);
              if (out.kind === 'trigger') {
                if (triggers.length && out.checkpointId <= triggers[triggers.length - 1]) return false;
                triggers.push(out.checkpointId);
              }
            }
          }
          if (input.kind === 'barrier') {
            if (!deliveredBarrier.has(input.checkpointId)) deliveredBarrier.set(input.checkpointId, new Set());
            deliveredBarrier.get(input.checkpointId)!.add(c);
          }
        }
        // every stream was read to its end: nothing stayed blocked
        expect(pos).toEqual(streams.map((x) => x.length));
        expect(h.blockedChannels()).toEqual([]);
        expect(processed).toEqual(pushedRecords);
        return true;
      },
    ), { numRuns: 400 });
  });

  it('a record the hot loop lets pass (recordPassesThrough) is exactly what the kernel would do with it: one plain process, no change', () => {
    fc.assert(fc.property(
      fc.constantFrom(...modes), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.integer(), fc.constantFrom(0, 50, 250),
      (mode, channels, k, seed, timeout) => {
        let s = seed | 0;
        const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0) / 4294967296;
        const options: BarrierHandlerOptions = { mode, channels, alignedCheckpointTimeoutMs: mode === 'unaligned' ? timeout : undefined };
        const state = initialBarrierHandlerState(options);
        const streams = channelStreams(channels, k, rnd);
        const pos = new Array(channels).fill(0);
        let now = 0;
        let passed = 0;
        for (;;) {
          const blocked = new Set(blockedChannelsOf(state, options));
          const open = [...Array(channels).keys()].filter((c) => pos[c] < streams[c].length && !blocked.has(c));
          if (!open.length) break;
          const c = open[Math.floor(rnd() * open.length)];
          const input = streams[c][pos[c]++];
          now += 1 + Math.floor(rnd() * 40);
          if (input.kind === 'record' && recordPassesThrough(state, options)) {
            const before = structuredClone(state);
            expect(pushGateInput(state, options, input, now)).toEqual([{ kind: 'process', channel: input.channel, seq: input.seq }]);
            expect(state).toEqual(before);
            passed++;
          } else pushGateInput(state, options, input, now);
        }
        return mode !== 'aligned' || passed === streams.flat().filter((i) => i.kind === 'record').length;
      },
    ), { numRuns: 400 });
  });
});
