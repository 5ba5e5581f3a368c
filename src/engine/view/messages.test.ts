import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChannel } from '../ids';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { channelMessages, messagesInFlight, rpcMessages, type MessageView } from './messages';

function collect(conf: Record<string, string>, scenario = 'default', until = 16_000): MessageView[] {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf });
  const seen = new Map<string, MessageView>();
  // look between events too: an RPC is under way only strictly between its send and arrival
  while (sim.now < until && sim.step()) {
    const t = sim.now;
    for (const at of [t, t + 10, t + 25]) {
      if (at > (sim.nextEventTime() ?? Infinity)) continue;
      for (const m of messagesInFlight(sim.state, at)) if (!seen.has(`${m.kind}:${m.id}`)) seen.set(`${m.kind}:${m.id}`, m);
    }
  }
  return [...seen.values()];
}

describe('messages in flight', () => {
  const all = collect({});
  const kinds = new Set(all.map((m) => m.kind));

  it('covers records, barriers, triggers, notifications, acknowledgements and uploads', () => {
    for (const k of ['record', 'barrier', 'trigger', 'notify-complete', 'ack', 'upload']) expect(kinds).toContain(k);
  });

  it('each travels from sentAt to deliverAt and names what it concerns by stable id', () => {
    for (const m of all) {
      expect(m.deliverAt).toBeGreaterThanOrEqual(m.sentAt);
      if (m.kind === 'record') expect(m.ids).toEqual([expect.stringMatching(/^[a-z-]+\/\d+->[a-z-]+\/\d+$/)]);
      else expect(m.ids).toEqual([expect.stringMatching(/\/\d+/), `cp:${m.checkpointId}`]);
    }
  });

  it('RPCs take the configured latency; uploads start when the synchronous part ends', () => {
    for (const m of all) if (m.kind === 'trigger' || m.kind === 'ack' || m.kind === 'notify-complete') expect(m.deliverAt - m.sentAt).toBe(50);
    expect(all.some((m) => m.kind === 'upload' && m.deliverAt - m.sentAt >= 40)).toBe(true);
  });

  it('unaligned barriers travel in the priority lane and mark the records they overtook', () => {
    const u = collect({ 'execution.checkpointing.unaligned.enabled': 'true' }, 'backpressure', 12_000);
    expect(u.some((m) => m.kind === 'barrier' && m.lane === 'priority' && m.unaligned)).toBe(true);
    expect(u.some((m) => m.kind === 'record' && m.persisted)).toBe(true);
  });

  it('a channel lists what was sent by display time, counting the arrived ones ahead', () => {
    const sim = Simulation.create(builtinScenario('backpressure')!);
    sim.runUntil(8000);
    for (const c of sim.state.plan.channels) {
      const ms = channelMessages(sim.state, c.id, sim.now);
      let waiting = 0;
      for (const m of ms) {
        expect(m.sentAt).toBeLessThanOrEqual(sim.now);
        if (m.kind === 'barrier' && m.lane === 'priority') continue;
        if (m.deliverAt <= sim.now) expect(m.waitingAhead).toBe(waiting++);
        else expect(m.waitingAhead).toBe(-1);
      }
    }
    expect(findChannel(sim.state.plan, 'map/0->sum/0')).toBeDefined();
    expect(rpcMessages(sim.state, sim.now).every((m) => m.sentAt < sim.now && sim.now < m.deliverAt)).toBe(true);
  });

  it('without records, a channel tells exactly the barriers and markers it tells with them, under kills, any barrier mode and any display time', () => {
    const modes: Record<string, string>[] = [
      {},
      { 'execution.checkpointing.unaligned.enabled': 'true' },
      { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '30 ms' },
      { 'execution.checkpointing.mode': 'AT_LEAST_ONCE' },
    ];
    fc.assert(fc.property(fc.constantFrom(...modes), fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 9 }), (conf, plays, kill) => {
      const sim = Simulation.create(builtinScenario('backpressure')!, { conf: { ...conf, 'execution.checkpointing.interval': '1 s' } });
      for (const [i, ms] of plays.entries()) {
        sim.runUntil(sim.now + ms);
        if (i === 1 && sim.state.job.status === 'RUNNING') sim.injectFault({ kind: 'task', subtask: kill });
        for (const back of [0, 7, 40]) {
          const at = Math.max(0, sim.now - back);
          for (const c of sim.state.plan.channels) {
            expect(channelMessages(sim.state, c.id, at, false)).toEqual(channelMessages(sim.state, c.id, at).filter((m) => m.kind !== 'record'));
          }
        }
      }
    }), { numRuns: 40 });
  });
});
