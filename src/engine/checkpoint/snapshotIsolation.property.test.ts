import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import type { KeyedStateTable } from '../model/types';
import type { CompletedCheckpoint } from './types';

// Heap snapshots share key groups with the task (copy-on-write). Whatever the job does after a
// checkpoint completes (keeps writing, fails and restores from it, is cloned for time travel and
// runs on in the clone) the checkpoint's keyed state stays what it was at completion.

function keyedOf(cp: CompletedCheckpoint): Map<string, KeyedStateTable> {
  return new Map(Object.entries(cp.subtasks).map(([sid, s]) => [sid, s.keyed]));
}

describe('a completed checkpoint never changes afterwards', () => {
  it('for random seeds, intervals, concurrency, backends, kills and clones', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.constantFrom('default', 'two-inputs', 'slices'),
      fc.integer({ min: 100, max: 1500 }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('hashmap', 'rocksdb'),
      fc.option(fc.integer({ min: 1000, max: 9000 }), { nil: undefined }),
      fc.option(fc.integer({ min: 2000, max: 10_000 }), { nil: undefined }),
      (seed, scenarioId, interval, maxConcurrent, backend, killAt, cloneAt) => {
        const scenario = builtinScenario(scenarioId)!;
        const victim = scenario.operators.find((o) => o.kind.startsWith('keyed-')) ?? scenario.operators[1];
        const sim = Simulation.create(scenario, {
          seed,
          conf: {
            'execution.checkpointing.interval': `${interval} ms`, 'execution.checkpointing.max-concurrent-checkpoints': String(maxConcurrent),
            'execution.checkpointing.num-retained': '3', 'state.backend.type': backend,
          },
          faults: killAt === undefined ? [] : [`task:${victim.id}/0@${killAt} ms`],
        });
        const frozen = new Map<CompletedCheckpoint, Map<string, KeyedStateTable>>();
        // Step by step, so each checkpoint is copied in the very step that completed it.
        const run = (s: Simulation, until: number) => {
          for (let t = s.nextEventTime(); t !== undefined && t <= until; t = s.nextEventTime()) {
            s.step();
            for (const cp of [...s.state.coordinator.retained, ...s.state.coordinator.savepoints]) {
              if (!frozen.has(cp)) frozen.set(cp, structuredClone(keyedOf(cp)));
            }
          }
        };
        const check = () => {
          for (const [cp, copy] of frozen) expect(keyedOf(cp)).toEqual(copy);
        };
        if (cloneAt !== undefined) {
          run(sim, cloneAt);
          check();
          // a time-travel keyframe: the clone runs on, and so does the original
          const clone = new Simulation(structuredClone(sim.state));
          run(clone, 12_000);
          check();
        }
        run(sim, 12_000);
        check();
        expect(frozen.size).toBeGreaterThan(0);
      },
    ), { numRuns: 25 });
  });
});
