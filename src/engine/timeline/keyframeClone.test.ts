import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { keyframeCopy } from './keyframeClone';

// A keyframe's copy shares the checkpoint records the previous keyframe holds unchanged; everything
// else is its own.

function run(to: number) {
  const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '500 ms' } });
  sim.runUntil(to);
  return sim;
}

describe('keyframe copy', () => {
  it('is a deep copy of the state, sharing none of it with the live run', () => {
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
});
