import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import type { Rec } from '../model/types';
import type { CompletedCheckpoint } from './types';
import { checkCut } from './consistentCut.testkit';
import { watchInvariants } from '../trace/invariants';

// Every completed exactly-once checkpoint is a consistent cut: each record before the source
// offsets stored in the checkpoint is counted exactly once in the checkpoint's keyed state or held
// in its channel state, and no record after those offsets is.

type Mode = 'aligned' | 'unaligned' | 'unaligned-with-timeout' | 'stop-the-world';
function confFor(mode: Mode, timeoutMs: number): Record<string, string> {
  switch (mode) {
    case 'aligned': return {};
    case 'unaligned': return { 'execution.checkpointing.unaligned.enabled': 'true' };
    case 'unaligned-with-timeout': return { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': `${timeoutMs} ms` };
    case 'stop-the-world': return { 'sim.checkpointing.algorithm': 'stop-the-world' };
  }
}

describe('every completed exactly-once checkpoint is a consistent cut', () => {
  it.each(['default', 'backpressure'])('%s, for random seeds, modes and channel settings', (scenarioId) => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.constantFrom<Mode>('aligned', 'unaligned', 'unaligned-with-timeout', 'stop-the-world'),
      fc.integer({ min: 300, max: 3000 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 50, max: 1500 }),
      (seed, mode, interval, capacity, jitter, timeout) => {
        const sim = Simulation.create(builtinScenario(scenarioId)!, {
          seed,
          conf: {
            'execution.checkpointing.interval': `${interval} ms`, 'execution.checkpointing.num-retained': '100',
            'sim.channel.capacity': String(capacity), 'sim.channel.jitter': `${jitter} ms`, ...confFor(mode, timeout),
          },
        });
        const inv = watchInvariants(sim);
        sim.runUntil(15_000);
        inv.finish();
        const completed = sim.state.coordinator.retained;
        expect(completed.length).toBeGreaterThan(0);
        let checkedRecords = 0;
        for (const cp of completed) checkedRecords += checkCut(sim.state, cp);
        expect(checkedRecords).toBeGreaterThan(0);
      },
    ), { numRuns: 100 });
  });

  it('unaligned: overtaken records are split into the producer\'s output and the consumer\'s input channel state, each held once', () => {
    const sim = Simulation.create(builtinScenario('backpressure')!, {
      seed: 3, conf: { 'execution.checkpointing.interval': '1 s', 'execution.checkpointing.num-retained': '100', 'execution.checkpointing.unaligned.enabled': 'true' },
    });
    sim.runUntil(15_000);
    const retained = sim.state.coordinator.retained;
    const count = (pick: (s: CompletedCheckpoint['subtasks'][string]) => { [c: string]: Rec[] }) =>
      retained.reduce((n, cp) => n + Object.values(cp.subtasks).reduce((m, s) => m + Object.values(pick(s)).reduce((k, r) => k + r.length, 0), 0), 0);
    expect(count((s) => s.outputChannelState)).toBeGreaterThan(0);
    expect(count((s) => s.inputChannelState)).toBeGreaterThan(0);
    for (const h of sim.state.coordinator.history.filter((x) => x.status === 'COMPLETED')) {
      // the full size of a checkpoint includes its channel state, as its checkpointed size does
      expect(h.stateBytes).toBeGreaterThanOrEqual(h.checkpointedBytes);
    }
    for (const cp of retained) {
      checkCut(sim.state, cp);
      // a producer's persisted bytes include its output channel state
      for (const [sid, s] of Object.entries(cp.subtasks)) {
        if (Object.keys(s.outputChannelState).length) expect(sim.state.coordinator.history.find((h) => h.id === cp.id)!.acks[sid].persistedBytes).toBeGreaterThan(0);
      }
    }
  });
});
