import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../engine';
import { LessonRun } from './run';

const setup = { scenario: builtinScenario('default')!, seed: 1, conf: { 'sim.sink.kind': 'plain' } };

describe('LessonRun', () => {
  it('runs a window until its predicate, and a fork leaves the run alone', () => {
    const run = LessonRun.start(setup);
    const r = run.runWindow({ commands: [], until: { event: 'checkpoint-completed', checkpoint: 1 }, withinMs: 10_000 });
    expect(r.fired).toBe(true);
    expect(run.milestones.at(-1)).toMatchObject({ type: 'checkpoint-completed', checkpointId: 1 });
    const at = run.sim.now;
    const fork = run.fork();
    const k = fork.runWindow({ commands: [{ at: 100, command: { kind: 'fault', fault: { kind: 'task', subtask: 5 } } }], goal: { event: 'restored' }, withinMs: 4000 });
    expect(k.goal).toBe(true);
    expect(fork.recorder.commands).toHaveLength(1);
    expect(run.sim.now).toBe(at);
    expect(run.milestones.some((e) => e.type === 'task-failed')).toBe(false);
  });

  it('starts a new run when a setting shapes the job, and its clock with it', () => {
    const run = LessonRun.start(setup);
    run.runWindow({ commands: [], withinMs: 2000 });
    const r = run.runWindow({ commands: [{ at: 500, command: { kind: 'set-config', conf: { 'sim.sink.kind': 'two-phase-commit' } } }], withinMs: 1500 });
    expect(r.startedAt).toBe(0);
    expect(r.endedAt).toBe(1000);
    expect(run.state.subtasks.find((s) => s.sink)?.sink?.kind).toBe('two-phase-commit');
  });

  it('reports a window that did not fire', () => {
    const run = LessonRun.start(setup);
    expect(run.runWindow({ commands: [], until: { event: 'restored' }, withinMs: 1000 }).fired).toBe(false);
  });
});
