import { describe, expect, it } from 'vitest';
import { builtinScenario, jobChangeOf, Simulation, upgradeJob, type ScenarioSpec } from '../../engine';
import { insertMapAfter, setUid } from '../jobs/draftEdits';
import { CHANGE_SHOW_MS, jobChangeMarks, jobChangeShownAt } from './JobChangeOverlay.marks';

const base = builtinScenario('default')!;
const CONF = { 'execution.checkpointing.interval': '3 s' };

function upgraded(from: ScenarioSpec, to: ScenarioSpec, allow: boolean) {
  const sim = Simulation.create(from, { conf: CONF });
  sim.runUntil(7000);
  const next = upgradeJob(sim, to, { allowNonRestoredState: allow });
  return jobChangeOf(sim.state, next.state, 7000)!;
}

describe('the marks an upgrade leaves on the graph', () => {
  it('without uids: the inserted map is new, the operators behind it get new ids, their old state is dropped', () => {
    const change = upgraded(base, insertMapAfter(base, 'source'), true);
    expect(change.restoredAt).toBeGreaterThan(7000);
    const marks = jobChangeMarks(change, change.restoredAt)!;
    expect(Object.fromEntries(marks.operators)).toEqual({ source: 'restored', 'map-1': 'new', map: 'new-id', count: 'new-id', sink: 'new-id' });
    expect(marks.orphaned.map((o) => `${o.vertex}:${o.hasState}`)).toEqual(['map:false', 'count:true', 'sink:false']);
    expect(marks.progress).toBe(0);
  });
  it('with uids the state maps: only the inserted map is new', () => {
    const uids = (s: ScenarioSpec) => s.operators.reduce((x, o) => setUid(x, o.id, `${o.id}-v1`), s);
    const marks = jobChangeMarks(upgraded(uids(base), uids(insertMapAfter(base, 'source')), false), 9000)!;
    expect([...marks.operators].filter(([, m]) => m !== 'restored').map(([v, m]) => `${v}:${m}`)).toEqual(['map-1:new']);
    expect(marks.orphaned).toEqual([]);
  });
  it('follows display time: from the command to a few seconds after the new job started, progress from 0 to 1', () => {
    const change = upgraded(base, insertMapAfter(base, 'source'), true);
    expect(jobChangeMarks(change, change.at - 1)).toBeNull();
    expect(jobChangeMarks(change, change.at)!.progress).toBe(0);
    expect(jobChangeMarks(change, change.restoredAt + CHANGE_SHOW_MS / 2)!.progress).toBeCloseTo(0.5);
    expect(jobChangeMarks(change, change.restoredAt + CHANGE_SHOW_MS)!.progress).toBe(1);
    expect(jobChangeMarks(change, change.restoredAt + CHANGE_SHOW_MS + 1)).toBeNull();
    expect(jobChangeMarks(null, 5000)).toBeNull();
  });
  it('the overlay follows the display time exactly while there are marks, and holds still (null) before and after', () => {
    const change = upgraded(base, insertMapAfter(base, 'source'), true);
    for (const t of [0, change.at - 1, change.at, change.restoredAt, change.restoredAt + CHANGE_SHOW_MS, change.restoredAt + CHANGE_SHOW_MS + 1, 1e9]) {
      const shown = jobChangeShownAt(change, t);
      expect(shown === null ? null : shown).toBe(jobChangeMarks(change, t) === null ? null : t);
    }
    expect(jobChangeShownAt(null, 5000)).toBeNull();
  });
});
