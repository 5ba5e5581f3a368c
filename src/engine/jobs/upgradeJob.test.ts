import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { defaultScenario } from '../scenarios/builtin/default';
import type { ScenarioSpec } from '../scenarios/schema';
import { RunRecorder } from '../timeline/recorder';
import { decodeCommands, CommandsError } from '../timeline/commandCodec';
import { checkCommands } from '../timeline/dryCheck';
import { RestoreError } from '../checkpoint/restoreJob';
import { insertKeepsState, jobChangeOf, previewUpgrade, upgradeJob } from './upgradeJob';

const CONF = { 'execution.checkpointing.interval': '3 s' };
const withUids = (s: ScenarioSpec): ScenarioSpec => ({ ...s, operators: s.operators.map((o) => (o.id === 'extra' ? o : { ...o, uid: o.id })) });
function inserted(s: ScenarioSpec): ScenarioSpec {
  return {
    ...s,
    operators: [s.operators[0], { id: 'extra', name: 'Map: extra', kind: 'map', parallelism: 2 }, ...s.operators.slice(1)],
    edges: [{ from: 'source', to: 'extra', partitioner: 'forward' }, { from: 'extra', to: 'map', partitioner: 'forward' }, ...s.edges.slice(1)],
  };
}
function countTotal(sim: Simulation): number {
  const op = sim.state.plan.operators.find((o) => o.id === 'count')!;
  let n = 0;
  for (const sid of op.subtasks) for (const g of sim.state.subtasks[sid].keyed.values()) for (const e of g.values()) n += e.get('count') as number;
  return n;
}

describe('upgradeJob: stop-with-savepoint, then the changed job from it', () => {
  it('with uids the counts carry over into the changed job, which starts when the savepoint completes', () => {
    const sim = Simulation.create(withUids(defaultScenario), { conf: CONF });
    sim.runUntil(8000);
    const next = upgradeJob(sim, withUids(inserted(defaultScenario)), { allowNonRestoredState: false });
    expect(sim.now).toBe(8000); // the old run is untouched
    expect(next.now).toBeGreaterThan(8000);
    expect(next.state.plan.operators.map((o) => o.id)).toEqual(['source', 'extra', 'map', 'count', 'sink']);
    const restored = next.state.restores.at(-1)!;
    expect(restored.is_savepoint).toBe(true);
    expect(next.state.coordinator.retained[0].type).toBe('SYNC_SAVEPOINT');
    expect(countTotal(next)).toBeGreaterThan(0);
    next.runUntil(next.now + 6000);
    expect(next.state.job.status).toBe('RUNNING');
  });

  it('without uids the orphaned counts refuse the upgrade, and the run is kept', () => {
    const sim = Simulation.create(defaultScenario, { conf: CONF });
    sim.runUntil(8000);
    expect(() => upgradeJob(sim, inserted(defaultScenario), { allowNonRestoredState: false })).toThrow(RestoreError);
    expect(() => upgradeJob(sim, inserted(defaultScenario), { allowNonRestoredState: false })).toThrow(/Cannot map checkpoint\/savepoint state for operator [0-9a-f]{32} to the new program/);
    expect(sim.state.job.status).toBe('RUNNING');
    const allowed = upgradeJob(sim, inserted(defaultScenario), { allowNonRestoredState: true });
    expect(countTotal(allowed)).toBe(0);
  });

  it('replays from a link: the same commands give the same run; a bad scenario in a link is refused', () => {
    const commands = [{ at: 7000, command: { kind: 'upgrade', scenario: withUids(inserted(defaultScenario)), allowNonRestoredState: false } }];
    const runs = [0, 1].map(() => {
      const sim = Simulation.create(withUids(defaultScenario), { conf: CONF });
      const decoded = decodeCommands(structuredClone(commands), sim.state.plan);
      checkCommands(sim.state, decoded);
      return new RunRecorder(sim.state).replay(sim, decoded, 15_000);
    });
    expect(runs[0].state.plan.operators.length).toBe(5);
    expect(runs[1].state.subtasks.map((s) => s.keyed)).toEqual(runs[0].state.subtasks.map((s) => s.keyed));
    const plan = Simulation.create(defaultScenario).state.plan;
    expect(() => decodeCommands([{ at: 1, command: { kind: 'upgrade', scenario: { ...defaultScenario, operators: [] }, allowNonRestoredState: false } }], plan)).toThrow(CommandsError);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'upgrade', scenario: { ...defaultScenario, operators: [] }, allowNonRestoredState: false } }], plan)).toThrow(/commands\.0\.scenario: invalid scenario/);
  });
  it('tells beforehand whether inserting a map would keep every state (uids) or orphan it (places)', () => {
    const plain = Simulation.create(defaultScenario, { conf: CONF });
    plain.runUntil(8000);
    expect(insertKeepsState(plain.state, 'source')).toBe(false);
    expect(insertKeepsState(plain.state, 'count')).toBe(true); // behind Keyed Count only the stateless sink moves
    const named = Simulation.create(withUids(defaultScenario), { conf: CONF });
    named.runUntil(8000);
    expect(insertKeepsState(named.state, 'source')).toBe(true);
    expect(() => insertKeepsState(named.state, 'sink')).toThrow(/no operator "sink" to insert after/);
  });
  it('the mapping an upgrade followed is worked out again from the two jobs, as the preview said', () => {
    const sim = Simulation.create(defaultScenario, { conf: CONF });
    sim.runUntil(8000);
    const preview = previewUpgrade(sim.state, inserted(defaultScenario));
    const next = upgradeJob(sim, inserted(defaultScenario), { allowNonRestoredState: true });
    const change = jobChangeOf(sim.state, next.state, 8000)!;
    expect(change.snapshotId).toBe(next.state.restores.at(-1)!.id);
    expect(change.restoredAt).toBe(next.state.restores.at(-1)!.restore_timestamp);
    expect(change.mapping.rows.map((r) => `${r.status}:${r.operatorId}`)).toEqual(preview.rows.map((r) => `${r.status}:${r.operatorId}`));
    expect(change.mapping.blocking.map((b) => b.vertex)).toEqual(['count']);
    expect(jobChangeOf(sim.state, sim.state, 0)).toBeNull();
  });
});
