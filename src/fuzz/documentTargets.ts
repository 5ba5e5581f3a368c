import { importFlinkCheckpoints, parseDuration, type FlinkRestDocuments, type ImportedCheckpoints } from '../engine';
import { checkLesson, type LessonResult } from '../lessons/check';
import { loadMessages } from '../lessons/course';
import { LESSON_LIMITS } from '../lessons/limits';
import type { Messages } from '../lessons/messages';
import { parseLesson } from '../lessons/parse';
import { lessonInput, lessonText, type LessonInput } from './lessonGen';
import { messageProblem, verdictOfError, type RunBounds, type Verdict } from './oracle';
import { restInput, restText, type RestInput } from './restGen';
import type { FuzzTarget } from './fuzzTarget';

// The two kinds of file that come from outside besides scenarios: lesson files (parseLesson, then
// checkLesson) and Flink REST checkpoint documents (importFlinkCheckpoints). Both take a parsed
// JSON value; the text is parsed here as a loader would.

const clip = (s: string, n = 4000) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);
const crash = (what: string, e: unknown): Verdict => {
  const err = e instanceof Error ? e : new Error(String(e));
  return { outcome: 'crash', detail: `${what}: ${err.name}: ${err.message.slice(0, 500)} [${(err.stack ?? '').split('\n').slice(1, 3).map((l) => l.trim()).join(' | ')}]`, events: 0 };
};

/** A problem starts with its path: `steps.2.ask.options.0.id: …`, `conf."x y": …`, `(lesson): …`. */
// a quoted key (quote() leaves a `"` inside it as it is: a quote ends the key only before `.` or `:`)
const PATH_SEGMENT = String.raw`(?:"(?:[^"\\]|\\.|"(?![.:]))*"|[^\s:."]+)`;
const LESSON_PATH = new RegExp(String.raw`^(?:\((?:lesson)\)|${PATH_SEGMENT}(?:\.${PATH_SEGMENT})*):`);
const REST_PATH = new RegExp(String.raw`^(?:checkpoints|config|details|subtasks|job)(?:\.${PATH_SEGMENT})*:`);

function problemsNamePaths(e: Error, path: RegExp): string | null {
  const general = messageProblem(e.message);
  if (general) return general;
  const problems = (e as { problems?: unknown }).problems;
  if (!Array.isArray(problems) || problems.length === 0) return 'the error lists no problems';
  for (const p of problems.map(String)) {
    if (/^and \d[\d,]* more\b/.test(p)) continue;
    if (!path.test(p)) return `a problem names no path: ${JSON.stringify(p.slice(0, 200))}`;
  }
  return null;
}

function parseJson(text: string): { value?: unknown; verdict?: Verdict } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    // not a JSON file: the loader's refusal, before any parser of the project sees it
    return { verdict: { outcome: 'refused', message: `not JSON: ${(e as Error).message.slice(0, 200)}`, events: 0 } };
  }
}

// --- lesson files ---

let messages: Messages | undefined;

/**
 * Simulated time the checker may spend on one fuzzed lesson: each step runs its window once, and
 * once more per fork (doing nothing, each wrong outcome) when it has a goal. A lesson above it is
 * only parsed: the checker's own budget (LESSON_LIMITS.lessonEvents) is sized for real lessons, not
 * for a fuzzer's thousands of inputs. The written lessons all fit.
 */
export const LESSON_CHECK_SIMULATED_MS = 400_000;

function checkCost(raw: unknown): number {
  const steps = (raw as { steps: { within?: string; goal?: unknown; wrongOutcomes?: unknown[] }[] }).steps;
  return steps.reduce((sum, s) => sum + (s.within === undefined ? 0 : parseDuration(s.within) ?? 0) * (1 + (s.goal !== undefined ? 1 + (s.wrongOutcomes?.length ?? 0) : 0)), 0);
}

function resultProblem(r: LessonResult, steps: number): string | null {
  if (typeof r !== 'object' || r === null) return 'checkLesson gave no result';
  if (typeof r.id !== 'string' || typeof r.ok !== 'boolean' || !Array.isArray(r.failures) || !r.failures.every((f) => typeof f === 'string')) return `checkLesson gave a result of the wrong shape: ${JSON.stringify(r).slice(0, 300)}`;
  if (r.ok !== (r.failures.length === 0)) return `ok is ${r.ok} with ${r.failures.length} failures`;
  if (r.steps !== steps) return `the checker counted ${r.steps} steps, the parser ${steps}`;
  if (!(Number.isSafeInteger(r.events) && r.events >= 0 && r.events <= LESSON_LIMITS.lessonEvents)) return `the checker ran ${r.events} events (the budget is ${LESSON_LIMITS.lessonEvents})`;
  return null;
}

export function checkLessonText(text: string, _bounds: RunBounds, runChecker = true): Verdict {
  const { value, verdict } = parseJson(text);
  if (verdict) return verdict;
  let steps: number;
  try {
    steps = parseLesson(value).lesson.steps.length;
  } catch (e) {
    return verdictOfError(e, (err) => problemsNamePaths(err, LESSON_PATH));
  }
  if (!runChecker) return { outcome: 'accepted', events: 0, hash: `parsed ${steps} steps` };
  const cost = checkCost(value);
  if (cost > LESSON_CHECK_SIMULATED_MS) return { outcome: 'accepted', events: 0, hash: `parsed ${steps} steps`, note: `heavy: the check would run ${cost} simulated ms; parsed only` };
  messages ??= loadMessages();
  const results: LessonResult[] = [];
  for (let round = 0; round < 2; round++) {
    try {
      // each round from the text again: nothing may be shared between the two
      results.push(checkLesson(JSON.parse(text), messages));
    } catch (e) {
      return crash(`accepted by parseLesson, then checkLesson threw (round ${round + 1})`, e);
    }
    const bad = resultProblem(results[round], steps);
    if (bad) return { outcome: 'accepted-invalid', detail: bad, events: 0 };
  }
  const [a, b] = results.map((r) => JSON.stringify(r));
  if (a !== b) return { outcome: 'nondeterministic', detail: `two checks differ: ${a.slice(0, 400)} vs ${b.slice(0, 400)}`, events: results[0].events };
  return { outcome: 'accepted', events: results[0].events, hash: `${results[0].ok ? 'ok' : `${results[0].failures.length} failures`} ${results[0].events} events` };
}

export const lessonTarget: FuzzTarget<LessonInput> = {
  name: 'lesson',
  arbitrary: lessonInput,
  show: (input, max) => clip(lessonText(input), max),
  check: (input, bounds) => checkLessonText(lessonText(input), bounds, input.check),
  checkText: (text, bounds) => checkLessonText(text, bounds, true),
  async prepare() {
    messages ??= loadMessages();
  },
};

// --- Flink REST documents ---

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const finiteOrNull = (v: unknown) => v === null || finite(v);

function checkpointShape(c: unknown, where: string): string | null {
  if (typeof c !== 'object' || c === null) return `${where} is not an object`;
  const cp = c as Record<string, unknown>;
  if (!Number.isSafeInteger(cp.id)) return `${where}.id is ${String(cp.id)}`;
  if (typeof cp.status !== 'string' || typeof cp.checkpoint_type !== 'string' || typeof cp.is_savepoint !== 'boolean') return `${where} has no status, type or savepoint flag`;
  for (const k of ['trigger_timestamp', 'end_to_end_duration', 'checkpointed_size', 'state_size', 'alignment_buffered', 'processed_data', 'persisted_data', 'num_subtasks', 'num_acknowledged_subtasks']) {
    if (!finite(cp[k])) return `${where}.${k} is ${String(cp[k])}`;
  }
  if (!finiteOrNull(cp.latest_ack_timestamp)) return `${where}.latest_ack_timestamp is ${String(cp.latest_ack_timestamp)}`;
  if (typeof cp.tasks !== 'object' || cp.tasks === null) return `${where}.tasks is not an object`;
  for (const [id, t] of Object.entries(cp.tasks as Record<string, Record<string, unknown>>)) {
    if (t.id !== id || typeof t.name !== 'string') return `${where}.tasks.${id} names another vertex`;
    for (const k of ['checkpointed_size', 'state_size', 'alignment_buffered', 'processed_data', 'persisted_data', 'num_subtasks', 'num_acknowledged_subtasks']) {
      if (!finite(t[k])) return `${where}.tasks.${id}.${k} is ${String(t[k])}`;
    }
    if (!Array.isArray(t.subtasks)) return `${where}.tasks.${id}.subtasks is not a list`;
    for (const s of t.subtasks as Record<string, unknown>[]) {
      if (!Number.isSafeInteger(s.index) || !finite(s.state_size) || !finite(s.checkpointed_size) || !finiteOrNull(s.ack_timestamp)) return `${where}.tasks.${id} has a subtask of the wrong shape: ${JSON.stringify(s).slice(0, 200)}`;
    }
  }
  return null;
}

function importProblem(r: ImportedCheckpoints): string | null {
  const s = r.statistics;
  if (!finite(r.epochMs)) return `epochMs is ${r.epochMs}`;
  if (!Array.isArray(r.notes)) return 'notes is not a list';
  for (const k of ['restored', 'total', 'in_progress', 'completed', 'failed'] as const) if (!finite(s.counts[k])) return `counts.${k} is ${String(s.counts[k])}`;
  for (const [k, m] of Object.entries(s.summary)) if (!finite(m.min) || !finite(m.max) || !finite(m.avg)) return `summary.${k} is ${JSON.stringify(m)}`;
  for (const k of ['completed', 'savepoint', 'failed'] as const) {
    const c = s.latest[k];
    if (c !== null) {
      const bad = checkpointShape(c, `latest.${k}`);
      if (bad) return bad;
    }
  }
  if (s.latest.restored !== null && (!Number.isSafeInteger(s.latest.restored.id) || !finite(s.latest.restored.restore_timestamp))) return `latest.restored is ${JSON.stringify(s.latest.restored)}`;
  if (!Array.isArray(s.history)) return 'history is not a list';
  for (let i = 0; i < s.history.length; i++) {
    const bad = checkpointShape(s.history[i], `history.${i}`);
    if (bad) return bad;
    if (i > 0 && s.history[i].id < s.history[i - 1].id) return `history is not oldest first at ${i}`;
  }
  return null;
}

export function checkRestText(text: string): Verdict {
  const { value, verdict } = parseJson(text);
  if (verdict) return verdict;
  const results: string[] = [];
  for (let round = 0; round < 2; round++) {
    let r: ImportedCheckpoints;
    try {
      // each round from the text again
      r = importFlinkCheckpoints((round === 0 ? value : JSON.parse(text)) as FlinkRestDocuments);
    } catch (e) {
      if (round === 1) return crash('accepted once, then importFlinkCheckpoints threw', e);
      return verdictOfError(e, (err) => problemsNamePaths(err, REST_PATH));
    }
    const bad = importProblem(r);
    if (bad) return { outcome: 'accepted-invalid', detail: bad, events: 0 };
    results.push(JSON.stringify(r));
  }
  if (results[0] !== results[1]) return { outcome: 'nondeterministic', detail: `two imports differ: ${results[0].slice(0, 300)} vs ${results[1].slice(0, 300)}`, events: 0 };
  return { outcome: 'accepted', events: 0, hash: `${results[0].length} characters` };
}

export const restTarget: FuzzTarget<RestInput> = {
  name: 'rest',
  arbitrary: restInput,
  show: (input, max) => clip(restText(input), max),
  check: (input) => checkRestText(restText(input)),
  checkText: (text) => checkRestText(text),
};
