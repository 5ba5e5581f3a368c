import { LessonError } from './errors';
import { parseMessages, type Language, type Messages } from './messages';
import en from './messages/en.json';
import ko from './messages/ko.json';
import failureRecovery from './content/failure-recovery.json';
import whyAlignment from './content/why-alignment.json';
import naiveCheckpoint from './content/naive-checkpoint.json';
import barriers from './content/barriers.json';
import stateInAStream from './content/state-in-a-stream.json';
import endToEnd from './content/end-to-end-exactly-once.json';
import backpressure from './content/backpressure.json';
import unaligned from './content/unaligned.json';
import regionFailover from './content/region-failover.json';
import rescaling from './content/rescaling.json';
import checkpointsSavepoints from './content/checkpoints-savepoints.json';
import stateBackends from './content/state-backends.json';

// The course: twelve lessons in the order they are taught. A lesson not written yet has no file.

export const COURSE_IDS = [
  'state-in-a-stream', 'naive-checkpoint', 'barriers', 'why-alignment', 'failure-recovery', 'end-to-end-exactly-once',
  'state-backends', 'checkpoints-savepoints', 'rescaling', 'backpressure', 'unaligned', 'region-failover',
] as const;
export type CourseLessonId = (typeof COURSE_IDS)[number];

/** The raw lesson files there are, by course id (checked when loaded: parseLesson / checkLesson). */
export const LESSON_FILES: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['naive-checkpoint', naiveCheckpoint],
  ['state-in-a-stream', stateInAStream],
  ['barriers', barriers],
  ['why-alignment', whyAlignment],
  ['failure-recovery', failureRecovery],
  ['end-to-end-exactly-once', endToEnd],
  ['backpressure', backpressure],
  ['unaligned', unaligned],
  ['region-failover', regionFailover],
  ['rescaling', rescaling],
  ['checkpoints-savepoints', checkpointsSavepoints],
  ['state-backends', stateBackends],
]);

/** Course ids, in order, with whether their lesson is written. */
export function courseOutline(): { id: CourseLessonId; written: boolean }[] {
  return COURSE_IDS.map((id) => ({ id, written: LESSON_FILES.has(id) }));
}

/** Every language's messages, checked; a LessonError names the bad entries. */
export function loadMessages(): Messages {
  return new Map<Language, ReadonlyMap<string, string>>([['en', parseMessages(en, 'en')], ['ko', parseMessages(ko, 'ko')]]);
}

export { LessonError };
