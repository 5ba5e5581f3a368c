import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { assignKeyToParallelOperator } from '../kernels/keyGroups';
import { computeOracle } from '../oracle/oracle';
import type { Rec } from '../model/types';
import type { CompletedCheckpoint } from './types';
import { redistributeChannelState } from './channelStateRedistribution';
import { restoreJob } from './restoreJob';
import { checkCut } from './consistentCut.testkit';

// Unaligned checkpoints of the backpressure scenario hold in-flight records on the keyBy edge
// (map -> sum); restored with another parallelism they must go where the keyBy sends them now.

const idOf = (r: Rec) => `${r.src}/${r.part}/${r.off}/${r.sub}`;
const held = (cp: CompletedCheckpoint) => Object.values(cp.subtasks).flatMap((s) => [...Object.values(s.inputChannelState), ...Object.values(s.outputChannelState)].flat());

function unalignedRun(seed: number, until: number) {
  const sim = Simulation.create(builtinScenario('backpressure')!, {
    seed, conf: { 'execution.checkpointing.interval': '1 s', 'execution.checkpointing.unaligned.enabled': 'true', 'sim.sink.kind': 'two-phase-commit' },
  });
  sim.runUntil(until);
  return sim;
}

describe('channel state of an unaligned checkpoint, rescaled', () => {
  it('every in-flight record lands once, at the consumer its key group belongs to now, in its key\'s order', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 4000, max: 14_000 }), fc.integer({ min: 1, max: 5 }), (seed, until, sumParallelism) => {
      const sim = unalignedRun(seed, until);
      const cp = sim.state.coordinator.retained.at(-1);
      if (!cp || !held(cp).length) return;
      const next = restoreJob(sim.state, cp.id, { parallelism: { sum: sumParallelism, sink: sumParallelism } });
      const sum = next.state.plan.operators.find((o) => o.id === 'sum')!;
      const moved = redistributeChannelState(sim.state, cp, next.state);
      const landed: Rec[] = [];
      for (const [consumer, byChannel] of moved) {
        for (const [channel, recs] of byChannel) {
          expect(next.state.plan.channels[channel].to).toBe(consumer);
          for (const rec of recs) {
            if (sum.subtasks.includes(consumer)) expect(sum.subtasks[assignKeyToParallelOperator(rec.key, sum.maxParallelism, sum.parallelism)]).toBe(consumer);
            landed.push(rec);
          }
          // per key (one key travelled one old channel) the records keep their order
          const offsets = new Map<string, number>();
          for (const rec of recs) {
            const k = `${rec.key}/${rec.part}`;
            expect(rec.off).toBeGreaterThan(offsets.get(k) ?? -1);
            offsets.set(k, rec.off);
          }
        }
      }
      expect(landed.map(idOf).sort()).toEqual(held(cp).map(idOf).sort());
      // the restored job starts from a consistent cut, and ends exactly-once
      checkCut(next.state, next.state.coordinator.retained[0]);
      expect(next.state.channels.reduce((n, ch) => n + ch.records, 0)).toBe(landed.length);
      next.runUntil(until + 20_000);
      expect(computeOracle(next.state).verdict).toBe('exactly-once');
    }), { numRuns: 25 });
  });
});
