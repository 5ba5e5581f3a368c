import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { ReplayError, RunRecorder } from './recorder';
import { decodeCommands } from './commandCodec';

// A restore replaces the job: the recorder hands back the new simulation, keyframes after it hold
// the new plan, and seeking either side of it or replaying the run from JSON gives the same run.

const conf = { 'execution.checkpointing.interval': '2 s' };

function runWithRestore() {
  let sim = Simulation.create(builtinScenario('default')!, { seed: 3, conf });
  const rec = new RunRecorder(sim.state);
  sim = rec.advance(sim, 7000);
  const snapshotId = sim.state.coordinator.retained.at(-1)!.id;
  const before = sim.state.plan.subtasks.length;
  sim = rec.command(sim, { kind: 'restore', snapshotId, parallelism: { count: 3, sink: 3 }, allowNonRestoredState: false }).sim;
  sim = rec.advance(sim, 16_000);
  return { sim, rec, before, snapshotId };
}

describe('a restore is a command of the run', () => {
  it('replays from JSON to the same trace hash, with the new plan', () => {
    const { sim, rec, before } = runWithRestore();
    expect(sim.state.plan.subtasks.length).toBeGreaterThan(before);
    const again = Simulation.create(builtinScenario('default')!, { seed: 3, conf });
    const carried = decodeCommands(JSON.parse(JSON.stringify(rec.commands)), again.state.plan);
    const replayed = new RunRecorder(again.state).replay(again, carried, 16_000);
    expect(replayed.state.traceHash).toBe(sim.state.traceHash);
    expect(replayed.state.plan.subtasks.length).toBe(sim.state.plan.subtasks.length);
  });

  it('seeking before it shows the old job, after it the new one, each exactly', () => {
    const { sim, rec, before } = runWithRestore();
    expect(rec.keyframes.filter((k) => k.time > 7000).every((k) => k.state.plan.subtasks.length > before)).toBe(true);
    const early = rec.seek(5000);
    expect(early.state.plan.subtasks.length).toBe(before);
    const late = rec.seek(12_345);
    expect(late.state.plan.subtasks.length).toBeGreaterThan(before);
    expect(rec.seek(16_000).state.traceHash).toBe(sim.state.traceHash);
    let replaced = 0;
    rec.onReplace = () => replaced++;
    // from the keyframe at 7 s, just before the restore was given: the replay replaces the job once
    expect(rec.seek(7500).state.plan.subtasks.length).toBeGreaterThan(before);
    expect(replaced).toBe(1);
  });

  it('acting before it forks the run: the restore is gone', () => {
    const { rec, before } = runWithRestore();
    const early = rec.seek(5000);
    const { forked, sim } = rec.command(early, { kind: 'trigger-checkpoint' });
    expect(forked).toBe(true);
    expect(rec.commands.map((c) => c.command.kind)).toEqual(['trigger-checkpoint']);
    expect(rec.advance(sim, 12_000).state.plan.subtasks.length).toBe(before);
  });

  it('a refused command stops the replay right before it, the run kept up to there', () => {
    const sim = Simulation.create(builtinScenario('default')!, { seed: 3, conf });
    const rec = new RunRecorder(sim.state);
    rec.load(sim, [{ at: 1000, command: { kind: 'trigger-checkpoint' } }, { at: 3000, command: { kind: 'restore', snapshotId: 77, parallelism: {}, allowNonRestoredState: false } }, { at: 5000, command: { kind: 'trigger-savepoint' } }]);
    let caught: unknown;
    try {
      rec.advance(sim, 10_000);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReplayError);
    const e = caught as ReplayError;
    expect(e.index).toBe(1);
    expect(e.message).toMatch(/command 2 \(restore at 3000 ms\).*77/);
    expect(e.sim.now).toBe(3000);
    expect(rec.commands).toHaveLength(1);
    // it goes on from there without the refused commands
    expect(rec.advance(e.sim, 6000).now).toBe(6000);
  });
});

describe('a restore carried as JSON is checked against the job', () => {
  const plan = () => Simulation.create(builtinScenario('default')!).state.plan;
  const restore = (parallelism: Record<string, number>) => [{ at: 1, command: { kind: 'restore', snapshotId: 2, parallelism, allowNonRestoredState: false } }];
  it('names an operator the job lacks, and a parallelism out of bounds', () => {
    expect(() => decodeCommands(restore({ nope: 2 }), plan())).toThrow(/commands\.0\.parallelism: the job has no operator "nope"/);
    expect(() => decodeCommands(restore({ count: 0 }), plan())).toThrow(/commands\.0\.command\.parallelism\.count/);
    expect(() => decodeCommands(restore({ count: 100_000 }), plan())).toThrow(/above the operator's max parallelism/);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'restore', parallelism: {}, allowNonRestoredState: false } }], plan())).toThrow(/snapshotId/);
  });
  it('after a restore, subtasks are counted with the new parallelism', () => {
    const n = plan().subtasks.length;
    const commands = [...restore({ count: 4, sink: 4 }), { at: 2, command: { kind: 'fault', fault: { kind: 'task', subtask: n + 2 } } }];
    expect(decodeCommands(commands, plan())).toHaveLength(2);
    expect(() => decodeCommands([commands[1]], plan())).toThrow(/no subtask/);
  });
});
