import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { recordAt } from '../runtime/sourceLog';
import type { Rec, SimState } from '../model/types';
import type { CompletedCheckpoint } from './types';
import { watchInvariants } from '../trace/invariants';

// Every completed exactly-once checkpoint is a consistent cut: each record before the source
// offsets stored in the checkpoint is counted exactly once in the checkpoint's keyed state or held
// in its channel state, and no record after those offsets is.

const idOf = (r: Rec) => `${r.src}/${r.part}/${r.off}/${r.sub}`;

function mapValue(state: SimState, v: number): number {
  const map = state.plan.operators.find((o) => o.kind === 'map');
  switch (map?.params.fn) {
    case 'double': return v * 2;
    case 'increment': return v + 1;
    default: return v;
  }
}

function checkCut(state: SimState, cp: CompletedCheckpoint): number {
  const plan = state.plan;
  const source = plan.operators.find((o) => o.kind === 'source')!;
  const keyedOp = plan.operators.find((o) => o.keyed)!;
  const stateName = keyedOp.states[0].name;
  // Records the sources had read when their snapshots were taken.
  const before = new Map<string, Rec>();
  for (const sid of source.subtasks) {
    for (const split of cp.subtasks[sid].operator.SourceReaderState as { partition: number; offset: number }[]) {
      for (let off = 0; off < split.offset; off++) {
        const rec = recordAt(source.params.source!, state.seed, source.index, split.partition, off);
        before.set(idOf(rec), rec);
      }
    }
  }
  // Channel state upstream of the keyed operator: records on their way to it.
  const upstream = new Set(plan.operators.filter((o) => o.index !== keyedOp.index && o.kind !== 'sink' && o.index < keyedOp.index).flatMap((o) => o.subtasks));
  upstream.add(-1);
  // A record held at the keyed operator's input has passed the map already; one held before the map has not.
  const inFlight = new Map<string, { rec: Rec; mapped: boolean }>();
  // Input channel state is held by the consumer, output channel state by the producer.
  const held = Object.values(cp.subtasks).flatMap((snap) => [...Object.entries(snap.inputChannelState), ...Object.entries(snap.outputChannelState)]);
  for (const [channel, recs] of held) {
    const consumer = plan.channels[Number(channel)].to;
    const atKeyed = keyedOp.subtasks.includes(consumer);
    if (!upstream.has(consumer) && !atKeyed) continue;
    for (const rec of recs) {
      const id = idOf(rec);
      expect(before.has(id), `channel state holds ${id}, which is after the checkpoint's source offsets`).toBe(true);
      expect(inFlight.has(id), `${id} is held twice in channel state`).toBe(false);
      inFlight.set(id, { rec, mapped: atKeyed });
    }
  }
  const expected = new Map<string, number>();
  const inFlightContribution = new Map<string, number>();
  const contribution = (r: Rec, mapped: boolean) => (keyedOp.kind === 'keyed-count' ? 1 : mapped ? r.value : mapValue(state, r.value));
  for (const r of before.values()) expected.set(r.key, (expected.get(r.key) ?? 0) + contribution(r, false));
  for (const { rec, mapped } of inFlight.values()) inFlightContribution.set(rec.key, (inFlightContribution.get(rec.key) ?? 0) + contribution(rec, mapped));
  const inState = new Map<string, number>();
  for (const sid of keyedOp.subtasks) {
    for (const group of Object.values(cp.subtasks[sid].keyed)) {
      for (const [key, entry] of Object.entries(group)) inState.set(key, entry[stateName] as number);
    }
  }
  for (const key of new Set([...expected.keys(), ...inState.keys()])) {
    expect((inState.get(key) ?? 0) + (inFlightContribution.get(key) ?? 0), `checkpoint ${cp.id}, key ${key}`).toBe(expected.get(key) ?? 0);
  }
  return before.size;
}

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
    ), { numRuns: 40 });
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
