import { describe, expect, it } from 'vitest';
import { findChannel } from '../ids';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { channelView } from './channelView';

describe('channel view', () => {
  it('names its ends, counts its fill, and says when its consumer aligns on it', () => {
    const sim = Simulation.create(builtinScenario('default')!);
    const channel = findChannel(sim.state.plan, 'map/0->count/1')!;
    let sawBlocked = false;
    let sawTraffic = false;
    while (sim.now < 20_000 && sim.step()) {
      const v = channelView(sim.state, channel, sim.now);
      expect(v).toMatchObject({ id: 'map/0->count/1', from: 'map/0', to: 'count/1', fromName: 'Map (1/2)', toName: 'Keyed Count (2/2)' });
      expect(v.fill).toBe(v.records / v.capacity);
      expect(v.blocked).toBe(sim.state.subtasks[sim.state.plan.channels[channel].to].blockedInputs.includes(channel));
      sawBlocked ||= v.blocked;
      sawTraffic ||= v.inFlight > 0;
    }
    expect(sawBlocked).toBe(true);
    expect(sawTraffic).toBe(true);
  });
});
