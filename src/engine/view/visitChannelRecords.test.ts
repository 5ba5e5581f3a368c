import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { channelMessages, visitChannelRecords } from './messages';

// The allocation-free record view a canvas draws from tells exactly what channelMessages lists.

function sameAsMessages(scenario: string, conf: Record<string, string>, until: number): number {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf });
  sim.runUntil(until);
  let compared = 0;
  for (const at of [sim.now, sim.now - 300, sim.now - 1200]) {
    for (const c of sim.state.plan.channels) {
      const expected = channelMessages(sim.state, c.id, at).filter((m) => m.kind === 'record')
        .map((m) => [m.key, m.sentAt, m.deliverAt, m.waitingAhead, m.persisted, m.seq]);
      const seen: unknown[] = [];
      visitChannelRecords(sim.state, c.id, at, (...r) => seen.push(r));
      expect(seen).toEqual(expected);
      compared += seen.length;
      // without records, the barriers and markers alone, in the same order and places
      expect(channelMessages(sim.state, c.id, at, false)).toEqual(channelMessages(sim.state, c.id, at).filter((m) => m.kind !== 'record'));
    }
  }
  return compared;
}

describe('visitChannelRecords', () => {
  it('tells every record of channelMessages, in order, with its place in the queue', () => {
    expect(sameAsMessages('backpressure', {}, 8000)).toBeGreaterThan(20);
  });

  it('marks the records an unaligned barrier overtook as channel state', () => {
    const sim = Simulation.create(builtinScenario('backpressure')!, { conf: { 'execution.checkpointing.unaligned.enabled': 'true' } });
    let persisted = 0;
    while (sim.now < 12_000 && sim.step()) {
      for (const c of sim.state.plan.channels) visitChannelRecords(sim.state, c.id, sim.now, (_k, _s, _d, _w, p) => { if (p) persisted++; });
    }
    expect(persisted).toBeGreaterThan(0);
    expect(sameAsMessages('backpressure', { 'execution.checkpointing.unaligned.enabled': 'true' }, 9000)).toBeGreaterThan(20);
  });
});
