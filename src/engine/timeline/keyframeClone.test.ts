import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { keyframeCopy } from './keyframeClone';
import type { SimState } from '../sim/state';

// A keyframe's copy shares the checkpoint records the previous keyframe holds unchanged, and the
// channels' items with the live run (the engine never changes an item once sent); everything else
// is its own.

function run(to: number) {
  const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '500 ms' } });
  sim.runUntil(to);
  return sim;
}

describe('keyframe copy', () => {
  it('is a deep copy of the state, sharing only the channels\' items with the live run', () => {
    const sim = run(5000);
    const { state, shared } = keyframeCopy(sim.state);
    expect(shared).toBe(0);
    expect(state).toEqual(sim.state);
    expect(state.coordinator.history[0]).not.toBe(sim.state.coordinator.history[0]);
    const live = sim.state.coordinator.history[0];
    const before = live.discarded;
    live.discarded = !before;
    expect(state.coordinator.history[0].discarded).toBe(before);
    live.discarded = before;
    const busy = sim.state.channels.findIndex((ch) => ch.items.length > ch.head);
    expect(busy).toBeGreaterThanOrEqual(0);
    const liveChannel = sim.state.channels[busy];
    expect(state.channels[busy].items).not.toBe(liveChannel.items);
    expect(state.channels[busy].items[liveChannel.head]).toBe(liveChannel.items[liveChannel.head]);
    // the live run takes from its channels and sends more: the keyframe's stay as they were
    const asMade = structuredClone(state.channels);
    sim.runUntil(6000);
    expect(state.channels).toEqual(asMade);
    expect(sim.state.channels).not.toEqual(asMade);
    expect(state.subtasks[0]).not.toBe(sim.state.subtasks[0]);
  });

  it('shares the records the previous keyframe holds unchanged, and copies what changed', () => {
    const sim = run(9000);
    const first = keyframeCopy(sim.state).state;
    sim.runUntil(15_000);
    const { state, shared } = keyframeCopy(sim.state, first);
    expect(state).toEqual(sim.state);
    const byId = new Map(first.coordinator.history.map((r) => [r.id, r]));
    let same = 0;
    for (const r of state.coordinator.history) {
      const old = byId.get(r.id);
      if (r === old) same++;
      else if (old) {
        // changed since: a new record, but what did not change in it (its acknowledgements) is shared
        expect(r).not.toEqual(old);
        for (const [subtask, ack] of Object.entries(r.acks)) if (old.acks[subtask]) expect(ack).toBe(old.acks[subtask]);
      }
    }
    expect(same).toBe(shared);
    expect(shared).toBeGreaterThan(0);
    expect(state.coordinator.history.length).toBeGreaterThan(first.coordinator.history.length);
  });

  it('under any schedule of kills, slow subtasks, checkpoints and expiries, aligned or unaligned, a settled record keeps its acks, each keyframe in a chain equals the live state, and stays as it was while the run goes on', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('play' as const), ms: fc.integer({ min: 1, max: 4000 }) }),
      fc.record({ kind: fc.constant('kill' as const), subtask: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('slow' as const), subtask: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('checkpoint' as const) }),
    );
    fc.assert(fc.property(fc.array(action, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (actions, seed, unaligned) => {
      const conf: Record<string, string> = { 'execution.checkpointing.interval': '500 ms', 'execution.checkpointing.timeout': '3 s', 'execution.checkpointing.max-concurrent-checkpoints': '3' };
      // unaligned barriers overtake, aligned ones time out into unaligned, restores replay channel state
      if (unaligned) Object.assign(conf, { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '40 ms', 'execution.checkpointing.max-concurrent-checkpoints': '1' });
      const sim = Simulation.create(builtinScenario(unaligned ? 'backpressure' : 'default')!, { seed, conf });
      let keyframe = keyframeCopy(sim.state).state;
      /** each keyframe beside a copy of it as it was made, sharing nothing with anything */
      const made: [SimState, SimState][] = [[keyframe, structuredClone(keyframe)]];
      for (const a of actions) {
        if (a.kind === 'play') sim.runUntil(sim.now + a.ms);
        else if (sim.state.job.status !== 'RUNNING') continue;
        else if (a.kind === 'kill') sim.injectFault({ kind: 'task', subtask: a.subtask });
        else if (a.kind === 'slow') sim.injectFault({ kind: 'slow', subtask: a.subtask, factor: 20 });
        else sim.triggerCheckpoint();
        const settledBefore = keyframe.coordinator.history.filter((r) => r.status !== 'IN_PROGRESS');
        const next = keyframeCopy(sim.state, keyframe).state;
        expect(next).toEqual(sim.state);
        for (const old of settledBefore) {
          const live = sim.state.coordinator.history.find((r) => r.id === old.id);
          if (!live) continue;
          expect(live.acks).toEqual(old.acks);
          expect(live.subtasks).toEqual(old.subtasks);
        }
        keyframe = next;
        made.push([next, structuredClone(next)]);
      }
      for (const [kept, asMade] of made) expect(kept).toEqual(asMade);
    }), { numRuns: 25 });
  });
});
