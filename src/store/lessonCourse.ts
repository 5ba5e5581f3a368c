import { ConfigError, parseDuration, Simulation, type RecordedCommand, type ScenarioSpec, type SimState } from '../engine';
import { FACTS, type FactValue } from '../lessons/facts';
import type { LessonSetup, ParsedLesson } from '../lessons/parse';
import { LessonRun, type WindowResult } from '../lessons/run';
import type { LessonStep } from '../lessons/schema';

// The page's lesson player, headless: the same LessonRun windows `npm run lessons -- --check`
// runs, applied to the page's run. The page's run is deterministic (setup + commands), so a
// LessonRun given the same setup and commands is the same run: it tells when a step's `until`
// fires, whether its goal holds, and what the engine says the right answer of a question is.

/** A step's window: how long it may run from its start (0: it ends where it starts). */
export function windowMs(step: LessonStep): number {
  return step.within === undefined ? 0 : parseDuration(step.within) ?? 0;
}

/** Whether a set-config command starts a new run (it names keys that shape the job itself). */
export function shapesTheJob(state: SimState, conf: Record<string, string>): boolean {
  try {
    new Simulation(structuredClone(state)).reconfigure(conf);
    return false;
  } catch (e) {
    return e instanceof ConfigError && /shape the job itself/.test(e.message);
  }
}

/** The configuration a run was started with, as overrides of its scenario's own. */
export function startConf(initial: SimState): Record<string, string> {
  const base = new Map(Object.entries(initial.scenario.config ?? {}).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(Object.entries(initial.config.raw).filter(([k, v]) => base.get(k) !== v));
}

/** What the page's run is made of, as a lesson sees it. */
export interface PageRunSetup { scenario: ScenarioSpec; seed: number | undefined; conf: Record<string, string>; commands: readonly RecordedCommand[] }

/** A LessonRun that is the page's run at `at` (its commands before `at` applied). */
export function lessonRunAt(page: PageRunSetup, at: number): LessonRun {
  const setup: LessonSetup = { scenario: page.scenario, seed: page.seed, conf: page.conf };
  const run = LessonRun.start(setup);
  const before = page.commands.filter((c) => c.at < at);
  const r = run.runWindow({ commands: before, withinMs: at });
  if (r.error) throw new Error(r.error);
  return run;
}

/** The page's commands from a step's start on, timed from it (a window's commands). */
export function stepCommands(commands: readonly RecordedCommand[], from: number): RecordedCommand[] {
  return commands.filter((c) => c.at >= from).map((c) => ({ at: c.at - from, command: c.command }));
}

/** A step's window run on a copy of `base` (the run at the step's start), with what the fact of its question says there. */
export interface StepOutcome extends WindowResult { value?: FactValue; valueError?: string }

export function runStep(base: LessonRun, step: LessonStep, commands: readonly RecordedCommand[]): StepOutcome {
  const fork = base.fork();
  const r: StepOutcome = fork.runWindow({ commands, until: step.until, goal: step.goal, withinMs: windowMs(step) });
  if (step.ask && !r.error) {
    try {
      r.value = FACTS.get(step.ask.compute.fact)!.compute(fork, step.ask.compute);
    } catch (e) {
      r.valueError = (e as Error).message;
    }
  }
  return r;
}

/** The option of a question that stands for the value the engine computed (none: no option does). */
export function rightOption(step: LessonStep, value: FactValue | undefined): string | undefined {
  return value === undefined ? undefined : step.ask?.options.find((o) => o.value === value)?.id;
}

/** Where the course stands at the start of step `n` (from 0) when every step before it was done as its solution shows. */
export interface CoursePoint {
  /** the configuration the run on screen started with (the lesson's, and settings that started a new run) */
  conf: Record<string, string>;
  /** that run's commands, in its own time */
  commands: RecordedCommand[];
  /** when step n begins */
  at: number;
  /** when each step before n began in that run; null for a step of a run a setting replaced since */
  starts: (number | null)[];
}

export function courseTo(parsed: ParsedLesson, n: number): CoursePoint {
  const run = LessonRun.start(parsed.setup);
  const starts: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const step = parsed.lesson.steps[i];
    const recorder = run.recorder;
    const r = run.runWindow({ commands: step.solution ?? [], until: step.until, goal: step.goal, withinMs: windowMs(step) });
    if (r.error) throw new Error(`step ${i + 1}: ${r.error}`);
    // a setting started a new run: the steps before belong to the run it replaced
    if (run.recorder !== recorder) starts.fill(null);
    starts.push(r.startedAt);
  }
  return { conf: startConf(run.recorder.keyframes[0].state), commands: [...run.recorder.commands], at: run.sim.now, starts };
}
