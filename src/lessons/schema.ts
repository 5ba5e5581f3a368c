import { z } from 'zod';
import { LESSON_LIMITS as L } from './limits';
import type { FactRef, Predicate } from './predicate';
import type { FactValue } from './facts';
import type { RecordedCommand } from '../engine';

// The shape of a lesson file (CONTRACTS §5). Narration is never in the file: every text is a message
// id, looked up in the per-language message files. Predicates (`until`, `goal`) are checked by
// predicate.ts, commands by the engine's decodeCommands, and everything that needs the job by
// parse.ts; this schema bounds every size first.

const ID = /^[a-z][a-z0-9-]*$/;
const MESSAGE_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/;

export const lessonId = z.string().max(L.idChars).regex(ID, 'expected a lowercase id such as failure-recovery');
export const messageId = z.string().max(L.messageIdChars).regex(MESSAGE_ID, 'expected a message id such as failure-recovery.kill');
const optionId = z.string().max(L.idChars).regex(ID, 'expected a lowercase option id such as yes');
const stableIdText = z.string().max(200);
const duration = z.string().max(40);
const factValue = z.union([z.string().max(L.keyChars), z.number(), z.boolean()]);

/** A command as the run recorder records it; `at` counts from the start of the step. Its command is checked by decodeCommands. */
const command = z.object({
  at: z.number().nonnegative().max(L.commandAtMs),
  command: z.looseObject({ kind: z.string().max(40) }),
}).strict();
const commands = z.array(command).max(L.commands);

export const SIDE_TABS = ['state', 'checkpoints', 'faults', 'snapshots', 'settings'] as const;

const ask = z.object({
  question: messageId,
  options: z.array(z.object({
    id: optionId,
    say: messageId,
    /** the value of the `compute` fact this option stands for */
    value: factValue,
  }).strict()).min(2).max(L.options),
  expect: optionId,
  /** the fact that decides which option is right: { "fact": "<name>", plus its arguments } */
  compute: z.unknown(),
}).strict();

/** Run B beside the lesson's run from this step on: the run's settings in force with `conf` over them (and another `seed`). */
const compare = z.object({
  conf: z.record(z.string().max(100), z.string().max(L.confValueChars)).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** the learner's commands (a kill, a checkpoint trigger) strike both runs at the same moment */
  toBoth: z.boolean().optional(),
}).strict();

const step = z.object({
  say: messageId,
  until: z.unknown().optional(),
  /** how long the step may run, in simulated time from its start: `until` must fire within it */
  within: duration.optional(),
  highlight: z.array(stableIdText).max(L.highlights).optional(),
  tab: z.enum(SIDE_TABS).optional(),
  select: stableIdText.optional(),
  ask: ask.optional(),
  goal: z.unknown().optional(),
  hint: messageId.optional(),
  solution: commands.optional(),
  wrongOutcomes: z.array(commands).max(L.wrongOutcomes).optional(),
  compare: compare.optional(),
}).strict();

export const lessonSchema = z.object({
  id: lessonId,
  title: messageId,
  /** a built-in scenario id, or a whole scenario (checked by the engine) */
  scenario: z.union([lessonId, z.looseObject({})]),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** Flink and sim.* keys on top of the scenario's configuration */
  conf: z.record(z.string().max(100), z.string().max(L.confValueChars)).optional(),
  steps: z.array(step).min(1).max(L.steps),
}).strict();

export type RawLesson = z.infer<typeof lessonSchema>;

export interface LessonOption { id: string; say: string; value: FactValue }
export interface LessonAsk { question: string; options: LessonOption[]; expect: string; compute: FactRef }
export interface LessonCompare { conf?: Record<string, string>; seed?: number; toBoth?: boolean }
export interface LessonStep {
  say: string;
  until?: Predicate;
  within?: string;
  highlight?: string[];
  tab?: (typeof SIDE_TABS)[number];
  select?: string;
  ask?: LessonAsk;
  goal?: Predicate;
  hint?: string;
  /** `at` counts from the start of the step */
  solution?: RecordedCommand[];
  wrongOutcomes?: RecordedCommand[][];
  /** opens run B beside the run at this step (lessonPlayer.ts) */
  compare?: LessonCompare;
}
/** A lesson that passed parseLesson: its predicates and facts are well formed. */
export interface Lesson extends Omit<RawLesson, 'steps'> { steps: LessonStep[] }
