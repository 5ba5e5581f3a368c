import { describe, expect, it } from 'vitest';
import { applyCommand, builtinScenario, Simulation, type SimState } from '../engine';
import type { TimelineMarker } from './appState';
import { joinMarkers, markersOf } from './markers';

/** The marks read through the whole state, as the timeline had them before they were kept. */
function readAfresh(state: SimState): TimelineMarker[] {
  const out: TimelineMarker[] = [];
  for (const h of state.coordinator.history) {
    out.push({ time: h.triggerTime, kind: h.isSavepoint ? 'savepoint' : 'trigger', label: `${h.isSavepoint ? 'savepoint' : 'checkpoint'} ${h.id} triggered` });
    if (h.status === 'COMPLETED' && h.latestAckTime !== null) out.push({ time: h.latestAckTime, kind: 'completed', label: `checkpoint ${h.id} completed` });
    if (h.status === 'FAILED' && h.failureTime !== null) out.push({ time: h.failureTime, kind: 'failed', label: `checkpoint ${h.id} failed` });
  }
  for (const r of state.restores) out.push({ time: r.restore_timestamp, kind: 'restored', label: `restored from checkpoint ${r.id}` });
  for (const f of state.recovery.struck) out.push({ time: f.time, kind: 'fault', label: f.label });
  return out;
}

describe('timeline marks of a run', () => {
  it('are those of the whole state at every step, and the same array while nothing marked changed', () => {
    let sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '500 ms' } });
    let previous = markersOf(sim.state);
    let same = 0;
    let changed = 0;
    for (let t = 50; t <= 12_000; t += 50) {
      if (t === 4000) sim = applyCommand(sim, { kind: 'trigger-savepoint' });
      if (t === 6000) sim = applyCommand(sim, { kind: 'fault', fault: { kind: 'task', subtask: 0 } });
      sim.runUntil(t);
      const now = markersOf(sim.state);
      expect(now).toEqual(readAfresh(sim.state));
      if (now === previous) same++;
      else {
        expect(now).not.toEqual(previous);
        changed++;
      }
      previous = now;
    }
    const kinds = new Set(previous.map((m) => m.kind));
    for (const k of ['trigger', 'completed', 'savepoint', 'fault', 'restored'] as const) expect(kinds.has(k)).toBe(true);
    expect(same).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  });

  it('of a copy of the state (time travel) are its own', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '500 ms' } });
    sim.runUntil(3000);
    const early = new Simulation(structuredClone(sim.state));
    const atEarly = markersOf(early.state);
    sim.runUntil(6000);
    expect(markersOf(sim.state)).toEqual(readAfresh(sim.state));
    expect(markersOf(early.state)).toBe(atEarly);
    expect(atEarly).toEqual(readAfresh(early.state));
  });

  it('joined with those of replaced jobs: the same array while the parts are the same', () => {
    const a: TimelineMarker[] = [{ time: 1, kind: 'trigger', label: 'checkpoint 1 triggered' }];
    const b: TimelineMarker[] = [{ time: 2, kind: 'completed', label: 'checkpoint 1 completed' }];
    const one = joinMarkers([a, b], null);
    expect(one.markers).toEqual([...a, ...b]);
    expect(joinMarkers([a, b], one)).toBe(one);
    const other = joinMarkers([a, [...b]], one);
    expect(other).not.toBe(one);
    expect(other.markers).toEqual(one.markers);
    expect(joinMarkers([b], other).markers).toBe(b);
  });
});
