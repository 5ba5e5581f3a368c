import { describe, expect, it } from 'vitest';
import { builtinScenario, createInitialState } from '../engine';
import { LESSON_FILES } from '../lessons/course';
import { parseLesson } from '../lessons/parse';
import { courseTo, lessonRunAt, rightOption, runStep, shapesTheJob, startConf, stepCommands } from './lessonCourse';

const parsed = parseLesson(LESSON_FILES.get('failure-recovery'));
const scenario = builtinScenario('default')!;

describe('the course, headless, as the page plays it', () => {
  it('tells a setting that starts a new run from one the running job takes', () => {
    // a set-config command names the whole configuration over the scenario's, as the Settings panel does
    const conf = { 'sim.sink.kind': 'plain' };
    const state = createInitialState(scenario, { conf });
    expect(shapesTheJob(state, { ...conf, 'sim.sink.kind': 'two-phase-commit' })).toBe(true);
    expect(shapesTheJob(state, { ...conf, 'execution.checkpointing.interval': '2 s' })).toBe(false);
    expect(shapesTheJob(state, conf)).toBe(false);
  });

  it("names a run's configuration as overrides of its scenario's", () => {
    const state = createInitialState(scenario, { conf: { 'sim.sink.kind': 'upsert', 'execution.checkpointing.interval': String(scenario.config?.['execution.checkpointing.interval'] ?? '5 s') } });
    expect(startConf(state)).toEqual({ 'sim.sink.kind': 'upsert' });
  });

  it('runs the steps before n as their solutions show; a setting that starts a new run leaves the earlier steps behind', () => {
    const p3 = courseTo(parsed, 3);
    expect(p3.starts).toHaveLength(3);
    expect(p3.starts[0]).toBe(0);
    expect(p3.starts[1]).toBeGreaterThan(0);
    expect(p3.commands.map((c) => c.command.kind)).toEqual(['fault']);
    expect(p3.conf).toEqual({ 'sim.sink.kind': 'plain' });
    const p7 = courseTo(parsed, 6);
    expect(p7.conf).toEqual({ 'sim.sink.kind': 'two-phase-commit' });
    expect(p7.starts.slice(0, 5).every((s) => s === null)).toBe(true);
    expect(p7.starts[5]).toBe(0);
  });

  it("a step's window says when it closes and what its question's fact is; the right option follows the run", () => {
    const p2 = courseTo(parsed, 1);
    const page = { scenario, seed: 1, conf: p2.conf, commands: p2.commands };
    const base = lessonRunAt(page, p2.at);
    expect(base.sim.now).toBe(p2.at);
    const step = parsed.lesson.steps[1];
    const idle = runStep(base, step, []);
    expect(idle.fired).toBe(false);
    expect(idle.value).toBe(0);
    expect(rightOption(step, idle.value)).toBe('scratch');
    const solved = runStep(base, step, step.solution!);
    expect(solved.fired).toBe(true);
    expect(solved.goal).toBe(true);
    expect(rightOption(step, solved.value)).toBe('cp-1');
    expect(base.sim.now).toBe(p2.at);
    expect(stepCommands([{ at: 100, command: { kind: 'trigger-checkpoint' } }, { at: 900, command: { kind: 'trigger-savepoint' } }], 500)).toEqual([{ at: 400, command: { kind: 'trigger-savepoint' } }]);
  });
});
