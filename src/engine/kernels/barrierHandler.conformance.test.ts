import { describe, expect, it } from 'vitest';
import { createBarrierHandler } from './barrierHandler';
import { parseGateSequence, runGate } from './barrierHandler.testkit';

// The cases of shared/spec/conformance-examples.md, each named after Flink's own test.
const aligned = { mode: 'aligned' as const, channels: 3 };
const tracker = { mode: 'at-least-once' as const, channels: 3 };
const unaligned = { mode: 'unaligned' as const, channels: 3 };


describe('conformance: aligned barrier handling', () => {
  it('V1 testMultiChannelWithBarriers', () => {
    const text = 'D@0 D@2 D@0 B1@1 B1@2 D@0 B1@0 | D@0 D@0 D@1 D@1 D@2 B2@0 B2@1 B2@2 | D@2 D@2 B3@2 D@0 D@0 B3@0 B3@1 | B4@1 B4@2 B4@0 | D@0 EOP@0 EOP@1 EOP@2';
    const inputs = parseGateSequence(text);
    const run = runGate(aligned, inputs);
    expect(run.triggers).toEqual([1, 2, 3, 4]);
    expect(run.processedSeqs).toEqual(inputs.filter((i) => i.kind === 'record').map((i) => (i as { seq: number }).seq));
    const triggerAt = (id: number) => run.outputs.findIndex((o) => o.some((x) => x.kind === 'trigger' && x.checkpointId === id));
    const barrierAt = (id: number, ch: number) => inputs.findIndex((i) => i.kind === 'barrier' && i.checkpointId === id && i.channel === ch);
    expect(triggerAt(1)).toBe(barrierAt(1, 0));
    expect(triggerAt(2)).toBe(barrierAt(2, 2));
    expect(triggerAt(3)).toBe(barrierAt(3, 1));
    expect(triggerAt(4)).toBe(barrierAt(4, 0));
    for (const id of [1, 2, 3, 4]) expect(run.blockedAfter[triggerAt(id)]).toEqual([]);
    // alignment time runs from the first to the last barrier (1 ms per item here)
    const t1 = run.all.find((o) => o.kind === 'trigger' && o.checkpointId === 1) as { alignmentDurationMs: number };
    expect(t1.alignmentDurationMs).toBe(barrierAt(1, 0) - barrierAt(1, 1));
  });

  it('V3 testMultiChannelAbortCheckpoint', () => {
    const inputs = parseGateSequence('0 D@0, 1 D@2, 2 D@0, 3 B1@1, 4 B1@2, 5 D@0, 6 B1@0, 7 D@0, 8 D@2, 9 B2@0, 10 B2@2, 11 D@1, 12 C2@1, 13 D@2, 14 D@1, 15 B3@1, 16 B3@2, 17 B3@0, 18 D@0, 19 D@1, 20 C4@1, 21 B4@2, 22 D@2, 23 B4@0, 24 D@0, 25 D@1, 26 D@2, 27 B5@2, 28 B5@1, 29 B5@0, 30 D@0, 31 D@1, 32 C6@1, 33 C6@2, 34 B6@0, 35 D@0');
    const run = runGate(aligned, inputs);
    const b = run.blockedAfter;
    expect([b[3], b[4], b[6]]).toEqual([[1], [1, 2], []]);
    expect([b[9], b[10], b[12]]).toEqual([[0], [0, 2], []]);
    expect(run.outputs[12]).toEqual([{ kind: 'abort', checkpointId: 2, reason: 'cancellation-barrier' }]);
    expect(run.outputs[17]).toContainEqual(expect.objectContaining({ kind: 'trigger', checkpointId: 3 }));
    expect(run.outputs[20]).toEqual([{ kind: 'abort', checkpointId: 4, reason: 'cancellation-barrier' }]);
    expect([b[20], b[21], b[23]]).toEqual([[], [], []]);
    expect(run.outputs[21]).toEqual([]);
    expect(run.outputs[23]).toEqual([]);
    expect(run.outputs[29]).toContainEqual(expect.objectContaining({ kind: 'trigger', checkpointId: 5 }));
    expect(run.outputs[32]).toEqual([{ kind: 'abort', checkpointId: 6, reason: 'cancellation-barrier' }]);
    expect(run.outputs[33]).toEqual([]);
    expect(run.outputs[34]).toEqual([]);
    expect(b[34]).toEqual([]);
    expect(run.triggers).toEqual([1, 3, 5]);
    expect(run.aborts).toEqual([2, 4, 6]);
    expect(run.all.filter((o) => o.kind === 'abort').every((o) => o.kind === 'abort' && o.reason === 'cancellation-barrier')).toBe(true);
  });

  it('V5 testAbortOnCanceledBarriers', () => {
    const inputs = parseGateSequence('0 D@1, 1 B1@1, 2 D@2, 3 D@0, 4 C1@0, 5 D@1, 6 B2@1, 7 D@2, 8 D@0, 9 B1@2, 10 D@0, 11 D@2, 12 B2@0, 13 B2@2, 14 D@0, 15 D@1, 16 D@2');
    const run = runGate(aligned, inputs);
    expect(run.blockedAfter[1]).toEqual([1]);
    expect(run.outputs[4]).toEqual([{ kind: 'abort', checkpointId: 1, reason: 'cancellation-barrier' }]);
    expect(run.blockedAfter[4]).toEqual([]);
    expect(run.blockedAfter[6]).toEqual([1]);
    expect(run.outputs[9]).toEqual([]);
    expect(run.blockedAfter[9]).toEqual([1]);
    expect(run.outputs[13]).toContainEqual(expect.objectContaining({ kind: 'trigger', checkpointId: 2 }));
    expect(run.blockedAfter[13]).toEqual([]);
    expect(run.triggers).toEqual([2]);
    expect(run.aborts).toEqual([1]);
  });
});

describe('conformance: at-least-once barrier tracker', () => {
  it('V12 testSingleChannelWithSkippedBarriers', () => {
    const run = runGate({ mode: 'at-least-once', channels: 1 }, parseGateSequence('D B1 D D B3 D B4 B6 D B7 D B10 D'));
    expect(run.triggers).toEqual([1, 3, 4, 6, 7, 10]);
  });

  it('V13 testMultiChannelSkippingCheckpoints', () => {
    const run = runGate(tracker, parseGateSequence('D@0 D@2 D@0 B1@1 B1@2 D@2 D@1 B1@0 D@0 D@0 D@1 D@1 D@2 B2@0 B2@1 B2@2 D@2 D@2 B3@2 D@2 D@2 B4@0 D@0 D@1 D@2 B4@1 D@1 B4@2 D@0'));
    expect(run.triggers).toEqual([1, 2, 4]);
    expect(run.aborts).toEqual([]);
    expect(run.blockedAfter.every((b) => b.length === 0)).toBe(true);
  });

  it('V15 testMultiChannelAbortCheckpoint', () => {
    const run = runGate(tracker, parseGateSequence('D@0 D@2 D@0 B1@1 B1@2 D@2 D@1 B1@0 | D@0 D@2 B2@0 B2@2 D@0 D@2 C2@1 | D@2 D@1 B3@1 B3@2 B3@0 | D@0 D@1 C4@1 B4@2 D@0 B4@0 | D@0 D@1 D@2 B5@2 B5@1 B5@0 | D@0 D@1 C6@1 C6@2 B6@0 D@0'));
    expect(run.all.filter((o) => o.kind !== 'process').map((o) => `${o.kind} ${(o as { checkpointId: number }).checkpointId}`))
      .toEqual(['trigger 1', 'abort 2', 'trigger 3', 'abort 4', 'trigger 5', 'abort 6']);
  });

  it('V17 testSingleChannelAbortCheckpoint', () => {
    const run = runGate({ mode: 'at-least-once', channels: 1 }, parseGateSequence('D B1 D B2 C4 B5 D C6 D'));
    expect(run.all.filter((o) => o.kind !== 'process').map((o) => `${o.kind} ${(o as { checkpointId: number }).checkpointId}`))
      .toEqual(['trigger 1', 'trigger 2', 'abort 4', 'trigger 5', 'abort 6']);
  });
});

describe('conformance: unaligned checkpoints', () => {
  it('V22 testMultiChannelWithBarriers', () => {
    const seq1 = runGate(unaligned, parseGateSequence('0 D@0, 1 D@2, 2 D@0, 3 B1@1, 4 B1@2, 5 D@2, 6 D@1, 7 D@0, 8 B1@0'));
    expect(seq1.outputs[3]).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: true, alignmentDurationMs: 0 }]);
    expect(seq1.persisted).toEqual([{ seq: 5, checkpointId: 1 }]); // the record of item 7 is the 6th record
    expect(seq1.processedSeqs).toEqual([0, 1, 2, 3, 4, 5]);
    const h = createBarrierHandler(unaligned);
    const push = (text: string) => parseGateSequence(text).flatMap((i, n) => h.push(i, n));
    push('0 D@0, 1 D@2, 2 D@0, 3 B1@1, 4 B1@2, 5 D@2, 6 D@1, 7 D@0, 8 B1@0');
    const persistedOf = (outs: ReturnType<typeof push>) => outs.filter((o) => o.kind === 'process' && o.persistedFor !== undefined);
    expect(persistedOf(push('D@0 D@0 D@1 D@1 D@2 B2@0 B2@1 B2@2'))).toEqual([]);
    expect(persistedOf(push('D@2 D@2 B3@2 D@2 D@2 B3@0 B3@1'))).toEqual([]);
    expect(persistedOf(push('B4@1 B4@2 B4@0'))).toEqual([]);
    const seq5 = runGate(unaligned, parseGateSequence('0 D@0, 1 D@2, 2 D@0, 3 B5@1, 4 D@2, 5 D@0, 6 D@2, 7 D@1, 8 B5@2, 9 D@1, 10 D@0, 11 D@2, 12 D@1, 13 B5@0'));
    // items 4, 5, 6 and 10 are the records with seq 3, 4, 5 and 8
    expect(seq5.persisted.map((p) => p.seq)).toEqual([3, 4, 5, 8]);
    expect(seq5.processedSeqs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seq5.blockedAfter.every((b) => b.length === 0)).toBe(true);
  });
});

describe('conformance: aligned checkpoints with timeout', () => {
  it('V26 testAlignedNeverTimeoutableCheckpoint', () => {
    const h = createBarrierHandler({ mode: 'unaligned', channels: 2, alignedCheckpointTimeoutMs: 2147483647 });
    expect(h.push({ kind: 'barrier', channel: 0, checkpointId: 1, timestamp: 0 }, 0)).toEqual([]);
    for (let i = 0; i < 1000; i++) {
      expect(h.push({ kind: 'record', channel: 1, seq: i }, i)).toEqual([{ kind: 'process', channel: 1, seq: i }]);
    }
    expect(h.push({ kind: 'barrier', channel: 1, checkpointId: 1, timestamp: 0 }, 1000)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: false, alignmentDurationMs: 1000 }]);
  });

  it('V27 testAlignedAfterTimedOut', () => {
    const h = createBarrierHandler({ mode: 'unaligned', channels: 1, alignedCheckpointTimeoutMs: 100 });
    expect(h.push({ kind: 'barrier', channel: 0, checkpointId: 1, timestamp: 0 }, 101)).toEqual([{ kind: 'trigger', checkpointId: 1, unaligned: true, alignmentDurationMs: 0 }]);
    expect(h.blockedChannels()).toEqual([]);
    expect(h.push({ kind: 'barrier', channel: 0, checkpointId: 2, timestamp: 200 }, 250)).toEqual([{ kind: 'trigger', checkpointId: 2, unaligned: false, alignmentDurationMs: 0 }]);
  });
});
