import fc from 'fast-check';
import { LESSON_FILES } from '../lessons/course';
import { defineOwn } from './hostile';
import { apply, expandMarkers, MAX_TEXT_CHARS, mutation, type Mutation } from './scenarioGen';
import { commandList, durationText } from './values';

// Mutated lesson files. Each input is one of the lesson files in src/lessons/content plus a short
// list of mutations (the vocabulary of scenarioGen.ts, and two of a lesson's own: a step's time
// window and its recorded commands). `check` says whether the checker runs the lesson when the
// parser accepts it: only some inputs pay for a headless run.

export type LessonMutation =
  | Mutation
  | { op: 'within'; at: number; value: string }
  | { op: 'commands'; at: number; list: unknown; wrong: boolean };

export interface LessonInput { base: string; mutations: LessonMutation[]; check: boolean }

export const LESSON_IDS = [...LESSON_FILES.keys()];

const at = fc.nat({ max: 10_000 });

const lessonMutation: fc.Arbitrary<LessonMutation> = fc.oneof(
  { weight: 8, arbitrary: mutation },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('within' as const), at, value: durationText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('commands' as const), at, list: commandList, wrong: fc.boolean() }) },
);

export const lessonInput: fc.Arbitrary<LessonInput> = fc.record({
  base: fc.constantFrom(...LESSON_IDS),
  mutations: fc.array(lessonMutation, { minLength: 0, maxLength: 5 }),
  // one input in eight that the parser accepts is also checked (each check runs the lesson twice)
  check: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

function stepOf(doc: Record<string, unknown>, at: number): Record<string, unknown> | undefined {
  const steps = Array.isArray(doc.steps) ? doc.steps.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s)) : [];
  return steps.length ? steps[at % steps.length] : undefined;
}

function applyLesson(doc: Record<string, unknown>, m: LessonMutation): void {
  switch (m.op) {
    case 'config': {
      // a lesson's configuration is `conf`, not a scenario's `config`
      const conf = (typeof doc.conf === 'object' && doc.conf !== null && !Array.isArray(doc.conf) ? doc.conf : (doc.conf = {})) as Record<string, unknown>;
      defineOwn(conf, m.key, m.value);
      return;
    }
    case 'within': {
      const s = stepOf(doc, m.at);
      if (s) s.within = m.value;
      return;
    }
    case 'commands': {
      const s = stepOf(doc, m.at);
      if (!s) return;
      const list = structuredClone(m.list);
      if (m.wrong) s.wrongOutcomes = [list];
      else s.solution = list;
      return;
    }
    default:
      apply(doc, m);
  }
}

/** The mutated lesson as a file's text. */
export function lessonText(input: LessonInput): string {
  const doc = structuredClone(LESSON_FILES.get(input.base)) as Record<string, unknown>;
  for (const m of input.mutations) applyLesson(doc, m);
  const text = expandMarkers(JSON.stringify(doc));
  if (text.length > MAX_TEXT_CHARS) throw new Error(`fuzzer bug: a generated lesson has ${text.length} characters: ${JSON.stringify(input).slice(0, 1000)}`);
  return text;
}
