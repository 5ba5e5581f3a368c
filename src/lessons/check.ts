import { createInitialState, findChannel, findSubtask, parseDuration, parseStableId, quote, RunRecorder, Simulation, type PhysicalPlan } from '../engine';
import { LessonError } from './errors';
import { FACTS, type FactValue } from './facts';
import { missingMessages, type Messages } from './messages';
import { parseLesson } from './parse';
import { LessonRun } from './run';
import type { LessonCompare, LessonStep } from './schema';

// Checking a lesson headless on the engine (CONTRACTS §5). One run goes through the steps in order,
// the learner doing each step's solution; at every step with a goal, forks from the step's start
// try doing nothing and each wrong outcome, and none may reach the goal. The result names every
// failure by its step (counted from 1, as the page counts them).

export interface LessonResult {
  id: string;
  ok: boolean;
  steps: number;
  failures: string[];
  /** simulation events the check ran, forks included (oracle drains not counted) */
  events: number;
}

const show = (v: FactValue) => (typeof v === 'string' ? quote(v) : String(v));

function idProblem(plan: PhysicalPlan, id: string, checkpointsSoFar: number): string | null {
  const p = parseStableId(id);
  if (!p) return `${quote(id)} is not a stable id (count/1, map/0->count/1, cp:3, op:count)`;
  switch (p.kind) {
    case 'subtask': return findSubtask(plan, id) === undefined ? `the job has no subtask ${quote(id)}` : null;
    case 'channel': return findChannel(plan, id) === undefined ? `the job has no channel ${quote(id)}` : null;
    case 'operator': return plan.operators.some((o) => o.id === p.operatorId) ? null : `the job has no operator ${quote(id)}`;
    case 'checkpoint': return p.checkpointId <= checkpointsSoFar ? null : `checkpoint ${quote(id)} has not been triggered by the end of this step (${checkpointsSoFar} so far)`;
  }
}

function stepIds(s: LessonStep): string[] {
  return [...(s.highlight ?? []), ...(s.select !== undefined ? [s.select] : [])];
}

function wrongName(k: number): string {
  return k < 0 ? 'doing nothing' : `wrong outcome ${k + 1}`;
}

/**
 * A step's run B as the page opens it (compareLesson.ts): the run's settings in force with the
 * step's over them, the run's commands but its settings changes, taken to the step's moment.
 */
function compareProblem(run: LessonRun, compare: LessonCompare): string | null {
  try {
    const conf = { ...Object.fromEntries(Object.entries(run.state.config.raw).map(([k, v]) => [k, String(v)])), ...compare.conf };
    const sim = new Simulation(createInitialState(run.setup.scenario, { seed: compare.seed ?? run.setup.seed, conf }));
    new RunRecorder(sim.state).replay(sim, run.recorder.commands.filter((c) => c.command.kind !== 'set-config'), run.state.now);
    return null;
  } catch (e) {
    return `run B does not get to the step's moment: ${(e as Error).message}`;
  }
}

export function checkLesson(raw: unknown, messages: Messages): LessonResult {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? String((raw as { id: string }).id).slice(0, 64) : '(no id)';
  let parsed;
  try {
    parsed = parseLesson(raw);
  } catch (e) {
    const failures = e instanceof LessonError ? e.allProblems : [(e as Error).message];
    return { id, ok: false, steps: 0, failures, events: 0 };
  }
  const { lesson, setup } = parsed;
  const failures = missingMessages(lesson, messages);
  const run = LessonRun.start(setup);
  lesson.steps.forEach((s, i) => {
    const at = `step ${i + 1}`;
    const withinMs = s.within === undefined ? 0 : parseDuration(s.within)!;
    const beside = s.compare ? compareProblem(run, s.compare) : null;
    if (beside) failures.push(`${at}: compare: ${beside}`);
    if (s.goal) {
      [[], ...(s.wrongOutcomes ?? [])].forEach((wrong, k) => {
        const r = run.fork().runWindow({ commands: wrong, until: s.until, goal: s.goal, withinMs });
        if (r.goal) failures.push(`${at}: the goal is reached by ${wrongName(k - 1)}`);
      });
    }
    const r = run.runWindow({ commands: s.solution ?? [], until: s.until, goal: s.goal, withinMs });
    if (r.error) failures.push(`${at}: ${r.error}`);
    else if (!r.fired) failures.push(`${at}: "until" did not happen within ${s.within}`);
    if (s.goal && !r.error && !r.goal) failures.push(`${at}: the goal does not hold after the solution`);
    if (s.ask) {
      try {
        const value = FACTS.get(s.ask.compute.fact)!.compute(run, s.ask.compute);
        const right = s.ask.options.find((o) => o.value === value);
        if (!right) failures.push(`${at}: the engine computes ${s.ask.compute.fact} = ${show(value)}, which no option stands for`);
        else if (right.id !== s.ask.expect) failures.push(`${at}: ask.expect is ${quote(s.ask.expect)} but the engine computes ${quote(right.id)} (${s.ask.compute.fact} = ${show(value)})`);
      } catch (e) {
        failures.push(`${at}: the fact ${s.ask.compute.fact} could not be computed: ${(e as Error).message}`);
      }
    }
    const triggered = run.milestones.filter((ev) => ev.type === 'checkpoint-triggered').length;
    for (const sid of stepIds(s)) {
      const problem = idProblem(run.state.plan, sid, triggered);
      if (problem) failures.push(`${at}: highlight/select: ${problem}`);
    }
  });
  return { id: lesson.id, ok: failures.length === 0, steps: lesson.steps.length, failures, events: run.spent.events };
}
