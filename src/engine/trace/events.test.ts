import { describe, expect, expectTypeOf, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../scenarios/builtin';
import { Simulation, type SimulationOptions } from '../sim/simulation';
import { TRACE_EVENT_FIELDS, type TraceEvent, type UnorderedTraceFields } from './events';
import { formatTraceHash, hashEvent, TRACE_HASH_SEED } from './hash';

// The trace hash takes each event's fields in TRACE_EVENT_FIELDS order. These runs show that every
// emitter writes its keys in that order too, so the table kept the hashes the for…in order gave.

/** Each event type's key orders seen in a run, as "type: k1,k2,…". */
function keyOrdersOf(into: Set<string>, scenario: unknown, options: SimulationOptions = {}, until = 25_000): void {
  const sim = Simulation.create(scenario, options);
  sim.subscribe((e) => into.add(`${e.type}: ${Object.keys(e).join(',')}`));
  sim.runUntil(until);
}

describe('trace event fields', () => {
  it('the table lists every declared field of every event type', () => {
    expectTypeOf<UnorderedTraceFields>().toEqualTypeOf<never>();
  });

  it('every emitter writes its keys in the table order, none left out', () => {
    const orders = new Set<string>();
    const [dflt, twoInputs] = [BUILTIN_SCENARIOS[0], BUILTIN_SCENARIOS[1]];
    for (const s of BUILTIN_SCENARIOS.filter((x) => x.id !== 'bench' && x.id !== 'wide')) keyOrdersOf(orders, s);
    keyOrdersOf(orders, dflt, { conf: { 'execution.checkpointing.mode': 'AT_LEAST_ONCE', 'execution.checkpointing.interval': '2 s' }, faults: ['task:count/1@7s', 'slow:map/0x5@2s', 'channel:map/0->count/1@12s'] });
    keyOrdersOf(orders, dflt, { conf: { 'execution.checkpointing.tolerable-failed-checkpoints': '0', 'execution.checkpointing.interval': '2 s', 'execution.checkpointing.storage': 'filesystem' }, faults: ['storage-outage:5s@3s', 'jobmanager@14s', 'taskmanager:0@20s'] });
    keyOrdersOf(orders, twoInputs, { conf: { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '100 ms' } });
    keyOrdersOf(orders, dflt, { conf: { 'sim.checkpointing.algorithm': 'stop-the-world' } });
    keyOrdersOf(orders, dflt, { conf: { 'restart-strategy.type': 'none' }, faults: ['task:map/0@6s'] });
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const line of orders) {
      const [type, keys] = line.split(': ') as [TraceEvent['type'], string];
      seen.add(type);
      const written = keys.split(',');
      const order: readonly string[] = TRACE_EVENT_FIELDS[type];
      if (written.join(',') !== order.filter((k) => written.includes(k)).join(',') || written.some((k) => !order.includes(k))) wrong.push(line);
    }
    expect(wrong).toEqual([]);
    // most types, so the check means something
    expect(seen.size).toBeGreaterThan(25);
  });

  it('the hash does not depend on the order keys were written in', () => {
    const a: TraceEvent = { type: 'checkpoint-acknowledged', time: 12.5, checkpointId: 3, subtask: 4 };
    const b = { subtask: 4, time: 12.5, type: 'checkpoint-acknowledged', checkpointId: 3 } as TraceEvent;
    const c: TraceEvent = { type: 'checkpoint-acknowledged', time: 12.5, checkpointId: 4, subtask: 3 };
    expect(formatTraceHash(hashEvent(TRACE_HASH_SEED, b))).toBe(formatTraceHash(hashEvent(TRACE_HASH_SEED, a)));
    expect(hashEvent(TRACE_HASH_SEED, c)).not.toBe(hashEvent(TRACE_HASH_SEED, a));
  });
});
