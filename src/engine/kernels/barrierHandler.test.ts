import { describe, expect, it } from 'vitest';
import { createBarrierHandler } from './barrierHandler';
import { parseGateSequence, runGate } from './barrierHandler.testkit';

const b = (channel: number, checkpointId: number, timestamp = 0) => ({ kind: 'barrier' as const, channel, checkpointId, timestamp });
const d = (channel: number, seq: number) => ({ kind: 'record' as const, channel, seq });

describe('aligned barrier handling', () => {
  it('a newer barrier aborts the pending alignment as subsumed and starts its own', () => {
    const run = runGate({ mode: 'aligned', channels: 2 }, parseGateSequence('B1@0 B2@1 D@0 B2@0'));
    expect(run.outputs[1]).toEqual([{ kind: 'abort', checkpointId: 1, reason: 'subsumed' }]);
    expect(run.blockedAfter[1]).toEqual([1]);
    expect(run.triggers).toEqual([2]);
    expect(run.blockedAfter[3]).toEqual([]);
  });
  it('obsolete barriers leave nothing blocked', () => {
    const run = runGate({ mode: 'aligned', channels: 2 }, parseGateSequence('B2@0 B2@1 B1@0 B1@1 B2@0'));
    expect(run.triggers).toEqual([2]);
    expect(run.blockedAfter.slice(2)).toEqual([[], [], []]);
  });
  it('alignment duration runs from the first barrier to the last', () => {
    const h = createBarrierHandler({ mode: 'aligned', channels: 3 });
    h.push(b(2, 1), 100);
    h.push(d(0, 0), 130);
    h.push(b(0, 1), 150);
    expect(h.push(b(1, 1), 175)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: false, alignmentDurationMs: 75 }]);
  });
  it('end of partition counts as aligned when checkpoints continue after tasks finish', () => {
    const run = runGate({ mode: 'aligned', channels: 2 }, parseGateSequence('B1@0 EOP@1 B2@0'));
    expect(run.triggers).toEqual([1, 2]);
    expect(run.blockedAfter[1]).toEqual([]);
  });
  it('end of partition aborts the pending checkpoint when checkpoints stop after tasks finish', () => {
    const run = runGate({ mode: 'aligned', channels: 2, checkpointsAfterTasksFinish: false }, parseGateSequence('B1@0 EOP@1'));
    expect(run.outputs[1]).toEqual([{ kind: 'abort', checkpointId: 1, reason: 'end-of-input' }]);
    expect(run.blockedAfter[1]).toEqual([]);
  });
  it('a marker for a newer id abandons the older alignment silently', () => {
    const run = runGate({ mode: 'aligned', channels: 2 }, parseGateSequence('B1@0 C2@1 B1@1'));
    expect(run.aborts).toEqual([2]);
    expect(run.triggers).toEqual([]);
    expect(run.blockedAfter[2]).toEqual([]);
  });
  it('a single channel triggers at once with no alignment', () => {
    const h = createBarrierHandler({ mode: 'aligned', channels: 1 });
    expect(h.push(b(0, 7), 10)).toEqual([{ kind: 'trigger', checkpointId: 7, unaligned: false, alignmentDurationMs: 0 }]);
    expect(h.blockedChannels()).toEqual([]);
  });
});

describe('unaligned checkpoints', () => {
  it('trigger at the first barrier; a cancellation stops persisting', () => {
    const run = runGate({ mode: 'unaligned', channels: 2 }, parseGateSequence('B1@0 D@1 C1@1 D@1'));
    expect(run.triggers).toEqual([1]);
    expect(run.persisted).toEqual([{ seq: 0, checkpointId: 1 }]);
    expect(run.aborts).toEqual([1]);
    expect(run.blockedAfter.every((x) => x.length === 0)).toBe(true);
  });
  it('a newer barrier subsumes the older unaligned checkpoint', () => {
    const run = runGate({ mode: 'unaligned', channels: 2 }, parseGateSequence('B1@0 B2@1 D@0 B2@0'));
    expect(run.all.filter((o) => o.kind !== 'process')).toEqual([
      { kind: 'trigger', checkpointId: 1, unaligned: true, alignmentDurationMs: 0 },
      { kind: 'abort', checkpointId: 1, reason: 'subsumed' },
      { kind: 'trigger', checkpointId: 2, unaligned: true, alignmentDurationMs: 0 },
    ]);
    expect(run.persisted).toEqual([{ seq: 0, checkpointId: 2 }]);
  });
});

describe('aligned checkpoints with timeout', () => {
  const opts = { mode: 'unaligned' as const, channels: 3, alignedCheckpointTimeoutMs: 100 };
  it('times out strictly after the timeout, counted from the barrier timestamp', () => {
    const h = createBarrierHandler(opts);
    expect(h.push(b(0, 1, 0), 30)).toEqual([]);
    expect(h.tick(100)).toEqual([]);
    expect(h.tick(100.5)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: true, alignmentDurationMs: 70.5 }]);
  });
  it('after switching to unaligned, channels that delivered the barrier stay blocked until the last one', () => {
    const h = createBarrierHandler(opts);
    h.push(b(0, 1, 0), 10);
    expect(h.blockedChannels()).toEqual([0]);
    h.tick(101);
    expect(h.blockedChannels()).toEqual([0]);
    h.push(b(1, 1, 0), 120);
    expect(h.blockedChannels()).toEqual([0, 1]);
    expect(h.push(d(2, 5), 130)).toEqual([{ kind: 'process', channel: 2, seq: 5, persistedFor: 1 }]);
    expect(h.push(b(2, 1, 0), 140)).toEqual([]);
    expect(h.blockedChannels()).toEqual([]);
  });
  it('completes aligned when every barrier arrives in time, and goes back to aligned for the next one', () => {
    const h = createBarrierHandler(opts);
    h.push(b(0, 1, 0), 10);
    h.push(b(1, 1, 0), 20);
    expect(h.push(b(2, 1, 0), 30)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: false, alignmentDurationMs: 20 }]);
    expect(h.push(b(0, 2, 500), 510)).toEqual([]);
    expect(h.blockedChannels()).toEqual([0]);
  });
  it('push does the timeout that is due before acting on the input', () => {
    const h = createBarrierHandler(opts);
    h.push(b(0, 1, 0), 10);
    const out = h.push(d(1, 0), 150);
    expect(out[0]).toEqual({ kind: 'trigger', checkpointId: 1, unaligned: true, alignmentDurationMs: 140 });
    expect(out[1]).toEqual({ kind: 'process', channel: 1, seq: 0, persistedFor: 1 });
  });
});

describe('savepoints', () => {
  it('are aligned even when checkpoints are unaligned, and never time out', () => {
    const h = createBarrierHandler({ mode: 'unaligned', channels: 2, alignedCheckpointTimeoutMs: 10 });
    expect(h.push({ kind: 'barrier', channel: 0, checkpointId: 1, timestamp: 0, savepoint: true }, 5)).toEqual([]);
    expect(h.blockedChannels()).toEqual([0]);
    expect(h.tick(500)).toEqual([]);
    expect(h.push({ kind: 'barrier', channel: 1, checkpointId: 1, timestamp: 0, savepoint: true }, 600)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: false, alignmentDurationMs: 595 }]);
    const u = createBarrierHandler({ mode: 'unaligned', channels: 2 });
    expect(u.push({ kind: 'barrier', channel: 0, checkpointId: 2, timestamp: 0, savepoint: true }, 0)).toEqual([]);
    expect(u.blockedChannels()).toEqual([0]);
  });
});

describe('at-least-once barrier tracker', () => {
  it('never blocks, and an older checkpoint may still complete after a newer one started', () => {
    const run = runGate({ mode: 'at-least-once', channels: 2 }, parseGateSequence('B1@0 B2@0 D@0 B1@1 B2@1'));
    expect(run.triggers).toEqual([1, 2]);
    expect(run.blockedAfter.every((x) => x.length === 0)).toBe(true);
  });
  it('reports alignment 0 for a checkpoint other than the latest', () => {
    const h = createBarrierHandler({ mode: 'at-least-once', channels: 2 });
    h.push(b(0, 1), 0);
    h.push(b(0, 2), 5);
    expect(h.push(b(1, 1), 10)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: false, alignmentDurationMs: 0 }]);
    expect(h.push(b(1, 2), 20)).toEqual([{ kind: 'trigger', checkpointId: 2, unaligned: false, alignmentDurationMs: 15 }]);
  });
  it('end of partition completes the newest entry it makes complete and drops older ones', () => {
    const run = runGate({ mode: 'at-least-once', channels: 3 }, parseGateSequence('B1@0 B2@0 B2@1 EOP@2'));
    expect(run.triggers).toEqual([2]);
  });
  it('end of partition aborts every pending checkpoint when checkpoints stop after tasks finish', () => {
    const run = runGate({ mode: 'at-least-once', channels: 2, checkpointsAfterTasksFinish: false }, parseGateSequence('B1@0 B2@0 EOP@1'));
    expect(run.aborts).toEqual([1, 2]);
  });
});

describe('input checking', () => {
  it('refuses a channel outside the gate', () => {
    expect(() => createBarrierHandler({ mode: 'aligned', channels: 2 }).push(d(2, 0), 0)).toThrow(/channel 2 is outside 0..1/);
    expect(() => createBarrierHandler({ mode: 'aligned', channels: 0 })).toThrow(RangeError);
  });
});
