import { describe, expect, it } from 'vitest';
import { builtinScenario, Simulation, type TraceEvent } from '../engine';
import { narrate, narrationText } from './narrate';

// The event log names the broker's abort of a transaction that outlived transaction.timeout.ms, in both languages.

describe('the event log and the broker abort', () => {
  it('says which transaction the broker aborted, when, why, and how many records are lost', () => {
    const sim = Simulation.create(builtinScenario('default')!, {
      seed: 1,
      conf: {
        'execution.checkpointing.interval': '2 s', 'sim.sink.kind': 'two-phase-commit', 'sim.sink.transaction-timeout': '5 s',
        'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '10 s',
      },
      faults: ['task:count/0@completed:3'],
    });
    const seen: { ev: TraceEvent; line: ReturnType<typeof narrate> }[] = [];
    sim.subscribe((ev) => { if (ev.type === 'transaction-aborted-by-broker') seen.push({ ev, line: narrate(ev, sim.state) }); });
    sim.runUntil(25_000);
    expect(seen.length).toBe(2);
    const { ev, line } = seen.find((s) => s.line!.ids.includes('sink/0'))!;
    if (ev.type !== 'transaction-aborted-by-broker') throw new Error('unreachable');
    expect(line!.kind).toBe('job');
    expect(line!.text).toBe(`Sink: Counts (1/2) cannot commit transaction sink-0@job0-3 of checkpoint 3: the broker aborted it at ${(ev.abortedAt / 1000).toFixed(1)} s, open longer than transaction.timeout.ms (5 s). ProducerFencedException, ${ev.records} records lost`);
    const ko = narrationText(line!, 'ko');
    expect(ko).toContain('sink-0@job0-3');
    expect(ko).toContain('transaction.timeout.ms (5 s)');
    expect(ko).toContain(`레코드 ${ev.records}개가 유실됩니다`);
  });
});
