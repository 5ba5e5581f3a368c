import {
  builtinScenario, ConfigError, createInitialState, decodeCommands, findChannel, findSubtask, parseDuration, quote, echo,
  ScenarioError, type PhysicalPlan, type RawConf, type RecordedCommand, type ScenarioSpec, type SimState,
} from '../engine';
import { sizeProblems } from './bounds';
import { LessonError } from './errors';
import { FACTS } from './facts';
import { LESSON_LIMITS } from './limits';
import { checkFactRef, factsIn, predicateProblems, stableIdsIn, type FactRef, type Predicate } from './predicate';
import { lessonSchema, type Lesson, type LessonStep } from './schema';

// A lesson file, read: sizes first, then the schema, the predicates and facts, then whatever needs
// the lesson's job (its scenario and configuration build, its commands and stable ids name parts
// of the job). Every problem names its path; a LessonError carries them all.

const CONF_KEY = /^[a-z][a-z0-9.-]*$/;

/** What a run of the lesson starts from. */
export interface LessonSetup { scenario: ScenarioSpec; seed?: number; conf: RawConf }

export interface ParsedLesson { lesson: Lesson; setup: LessonSetup }

/** zod's issues as problems; keys from the file are cut short with control characters escaped. */
function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(pathSegment).join('.') || '(lesson)'}: ${echo(i.message, 200)}`);
}

/** A key as a path segment: as it is when it reads as one (`execution.checkpointing.interval`), quoted
 * when it would blur the path (`"sim."`, `"x y"`, `"a:b"`). */
function pathSegment(p: PropertyKey): string {
  if (typeof p === 'number') return String(p);
  const key = String(p);
  return /^[^\s:."]+(?:\.[^\s:."]+)*$/.test(key) ? echo(key) : quote(key);
}

function rawConfProblems(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || !('conf' in raw)) return [];
  const conf = (raw as { conf: unknown }).conf;
  if (typeof conf !== 'object' || conf === null) return [];
  const keys = Object.keys(conf);
  const problems = keys.filter((k) => !CONF_KEY.test(k)).map((k) => `conf.${quote(k)}: not a configuration key`);
  if (keys.length > LESSON_LIMITS.confKeys) problems.push(`conf: at most ${LESSON_LIMITS.confKeys} keys`);
  return problems;
}

function stepProblems(s: LessonStep, path: string): string[] {
  const problems: string[] = [];
  if (s.until !== undefined) {
    const p = predicateProblems(s.until, `${path}.until`);
    problems.push(...p);
    if (!p.length) {
      for (const f of factsIn(s.until)) if (FACTS.get(f.fact)?.cost === 'oracle') problems.push(`${path}.until: the fact "${f.fact}" drains the run, so a step cannot wait on it (compare it in a goal or ask)`);
    }
  }
  if (s.goal !== undefined) problems.push(...predicateProblems(s.goal, `${path}.goal`));
  const ms = s.within === undefined ? null : parseDuration(s.within);
  if (s.within !== undefined && (ms === null || ms > LESSON_LIMITS.stepMs)) problems.push(`${path}.within: expected a duration such as "10 s", at most ${LESSON_LIMITS.stepMs / 1000} s`);
  if ((s.until !== undefined || s.goal !== undefined) && s.within === undefined) problems.push(`${path}.within: a step with "until" or "goal" says how long it may run`);
  if (s.ask) {
    const c = s.ask.compute;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) problems.push(`${path}.ask.compute: expected { "fact": "<name>" } with the fact's arguments`);
    else checkFactRef(c as Record<string, unknown>, `${path}.ask.compute`, problems);
    const ids = s.ask.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) problems.push(`${path}.ask.options: option ids repeat`);
    const values = s.ask.options.map((o) => JSON.stringify(o.value));
    if (new Set(values).size !== values.length) problems.push(`${path}.ask.options: two options stand for the same value`);
    if (!ids.includes(s.ask.expect)) problems.push(`${path}.ask.expect: ${quote(s.ask.expect)} is none of the options (${ids.join(', ')})`);
  }
  if (s.goal !== undefined) {
    if (!s.solution) problems.push(`${path}.solution: a step with a goal shows the commands that reach it`);
    if (!s.hint) problems.push(`${path}.hint: a step with a goal has a hint`);
    if (!s.wrongOutcomes?.length) problems.push(`${path}.wrongOutcomes: a step with a goal lists at least one command list that misses it`);
  } else if (s.solution || s.wrongOutcomes || s.hint) problems.push(`${path}: "solution", "wrongOutcomes" and "hint" belong to a step with a goal`);
  if (s.compare) {
    const keys = Object.keys(s.compare.conf ?? {});
    problems.push(...keys.filter((k) => !CONF_KEY.test(k)).map((k) => `${path}.compare.conf.${quote(k)}: not a configuration key`));
    if (keys.length > LESSON_LIMITS.confKeys) problems.push(`${path}.compare.conf: at most ${LESSON_LIMITS.confKeys} keys`);
    if (!keys.length && s.compare.seed === undefined) problems.push(`${path}.compare: run B would be the very same run; give it "conf" or "seed"`);
  }
  return problems;
}

function resolveScenario(scenario: string | object): { spec?: ScenarioSpec; problems: string[] } {
  if (typeof scenario === 'string') {
    const spec = builtinScenario(scenario);
    return spec ? { spec, problems: [] } : { problems: [`scenario: no built-in scenario ${quote(scenario)}`] };
  }
  return { spec: scenario as ScenarioSpec, problems: [] };
}

function jobProblems(raw: Lesson, plan: PhysicalPlan, steps: LessonStep[]): string[] {
  const problems: string[] = [];
  raw.steps.forEach((s, i) => {
    const path = `steps.${i}`;
    const decode = (list: unknown, where: string): RecordedCommand[] | undefined => {
      try {
        return decodeCommands(list, plan);
      } catch (e) {
        problems.push(`${where}: ${(e as Error).message}`);
        return undefined;
      }
    };
    if (s.solution) steps[i].solution = decode(s.solution, `${path}.solution`);
    if (s.wrongOutcomes) steps[i].wrongOutcomes = s.wrongOutcomes.map((w, k) => decode(w, `${path}.wrongOutcomes.${k}`) ?? []);
    const preds: [Predicate | undefined, string][] = [[s.until, 'until'], [s.goal, 'goal']];
    for (const [p, name] of preds) {
      if (!p) continue;
      for (const id of stableIdsIn(p)) {
        if (findSubtask(plan, id) === undefined && findChannel(plan, id) === undefined) problems.push(`${path}.${name}: the job has no ${quote(id)}`);
      }
      for (const f of factsIn(p)) problems.push(...factArgProblems(f, plan, `${path}.${name}`));
    }
    if (s.ask) problems.push(...factArgProblems(s.ask.compute, plan, `${path}.ask.compute`));
  });
  return problems;
}

/** A step's run B starts (its settings are valid) and, with `toBoth`, has the lesson job's subtasks, so a command strikes the same one in both. */
function compareProblems(lesson: Lesson, setup: LessonSetup, plan: PhysicalPlan): string[] {
  const problems: string[] = [];
  lesson.steps.forEach((s, i) => {
    if (!s.compare) return;
    const path = `steps.${i}.compare`;
    let b: SimState;
    try {
      b = createInitialState(setup.scenario, { seed: s.compare.seed ?? setup.seed, conf: { ...setup.conf, ...s.compare.conf } });
    } catch (e) {
      problems.push(`${path}.conf: ${e instanceof ScenarioError ? e.allProblems.join('; ') : (e as Error).message}`);
      return;
    }
    const ids = (p: PhysicalPlan) => p.subtasks.map((x) => `${p.operators[x.operator].id}/${x.index}`).join(' ');
    if (s.compare.toBoth && ids(b.plan) !== ids(plan)) problems.push(`${path}.toBoth: run B's job has other subtasks than the lesson's, so a command cannot strike the same one in both`);
  });
  return problems;
}

function factArgProblems(f: FactRef, plan: PhysicalPlan, path: string): string[] {
  const problems: string[] = [];
  if (f.operator !== undefined && !plan.operators.some((o) => o.id === f.operator)) problems.push(`${path}.operator: the job has no operator ${quote(f.operator)}`);
  if (f.channel !== undefined && findChannel(plan, f.channel) === undefined) problems.push(`${path}.channel: the job has no channel ${quote(f.channel)}`);
  return problems;
}

/** The lesson in `raw` (a parsed JSON value), or a LessonError naming every problem with its path. */
export function parseLesson(raw: unknown): ParsedLesson {
  const sized = sizeProblems(raw);
  if (sized.length) throw new LessonError(sized);
  const confProblems = rawConfProblems(raw);
  const parsed = lessonSchema.safeParse(raw);
  if (!parsed.success) throw new LessonError([...confProblems, ...issuesOf(parsed.error)]);
  if (confProblems.length) throw new LessonError(confProblems);
  const lesson = parsed.data as unknown as Lesson;
  const problems = lesson.steps.flatMap((s, i) => stepProblems(s, `steps.${i}`));
  if (problems.length) throw new LessonError(problems);

  const { spec, problems: scenarioProblems } = resolveScenario(lesson.scenario);
  if (!spec) throw new LessonError(scenarioProblems);
  const setup: LessonSetup = { scenario: spec, seed: lesson.seed, conf: lesson.conf ?? {} };
  let initial: SimState;
  try {
    initial = startState(setup);
  } catch (e) {
    if (e instanceof ScenarioError) throw new LessonError(e.allProblems.map((p) => `scenario: ${p}`));
    if (e instanceof ConfigError) throw new LessonError([`conf: ${e.message}`]);
    throw new LessonError([`scenario: ${(e as Error).message}`]);
  }
  const steps = lesson.steps.map((s) => ({ ...s }));
  const jp = [...jobProblems(lesson, initial.plan, steps), ...compareProblems(lesson, setup, initial.plan)];
  if (jp.length) throw new LessonError(jp);
  return { lesson: { ...lesson, steps }, setup };
}

/** The initial state of a run of the lesson, with `extra` configuration on top of the lesson's. */
export function startState(setup: LessonSetup, extra: RawConf = {}): SimState {
  return createInitialState(setup.scenario, { seed: setup.seed, conf: { ...setup.conf, ...extra } });
}
