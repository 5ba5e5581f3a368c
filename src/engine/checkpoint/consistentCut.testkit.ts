import { expect } from 'vitest';
import { recordAt } from '../runtime/sourceLog';
import type { Rec } from '../model/types';
import type { SimState } from '../sim/state';
import type { CompletedCheckpoint } from './types';

// For tests: every completed exactly-once checkpoint is a consistent cut. Each record before the
// source offsets stored in the checkpoint is counted exactly once in the checkpoint's keyed state
// or held in its channel state, and no record after those offsets is. Returns how many records
// it checked.

const idOf = (r: Rec) => `${r.src}/${r.part}/${r.off}/${r.sub}`;

function mapValue(state: SimState, v: number): number {
  const map = state.plan.operators.find((o) => o.kind === 'map');
  switch (map?.params.fn) {
    case 'double': return v * 2;
    case 'increment': return v + 1;
    default: return v;
  }
}

export function checkCut(state: SimState, cp: CompletedCheckpoint): number {
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
    for (const group of cp.subtasks[sid].keyed.values()) {
      for (const [key, entry] of group) inState.set(key, entry.get(stateName) as number);
    }
  }
  for (const key of new Set([...expected.keys(), ...inState.keys()])) {
    expect((inState.get(key) ?? 0) + (inFlightContribution.get(key) ?? 0), `checkpoint ${cp.id}, key ${key}`).toBe(expected.get(key) ?? 0);
  }
  return before.size;
}
