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
import changedJob from './content/changed-job.json';
import changedJobEn from './messages/changed-job.en.json';
import changedJobKo from './messages/changed-job.ko.json';
import cancelResubmit from './content/cancel-resubmit.json';
import cancelResubmitEn from './messages/cancel-resubmit.en.json';
import cancelResubmitKo from './messages/cancel-resubmit.ko.json';
import claimModes from './content/claim-modes.json';
import claimModesEn from './messages/claim-modes.en.json';
import claimModesKo from './messages/claim-modes.ko.json';
import stateTtl from './content/state-ttl.json';
import stateTtlEn from './messages/state-ttl.en.json';
import stateTtlKo from './messages/state-ttl.ko.json';
import transactionTimeout from './content/transaction-timeout.json';
import transactionTimeoutEn from './messages/transaction-timeout.en.json';
import transactionTimeoutKo from './messages/transaction-timeout.ko.json';

// The course: seventeen lessons in the order they are taught. A lesson not written yet has no file.
// The first twelve keep their narration in messages/<lang>.json; later lessons each bring their own
// messages/<id>.<lang>.json, merged here (an id given twice is an error).

export const COURSE_IDS = [
  'state-in-a-stream', 'naive-checkpoint', 'barriers', 'why-alignment', 'failure-recovery', 'end-to-end-exactly-once',
  'state-backends', 'checkpoints-savepoints', 'rescaling', 'backpressure', 'unaligned', 'region-failover',
  'state-ttl', 'changed-job', 'cancel-resubmit', 'claim-modes', 'transaction-timeout',
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
  ['state-ttl', stateTtl],
  ['changed-job', changedJob],
  ['cancel-resubmit', cancelResubmit],
  ['claim-modes', claimModes],
  ['transaction-timeout', transactionTimeout],
]);

/** Message files by language: the course's own, then one per later lesson. */
const MESSAGE_FILES: ReadonlyMap<Language, readonly { name: string; raw: unknown }[]> = new Map<Language, { name: string; raw: unknown }[]>([
  ['en', [{ name: 'en', raw: en }, { name: 'changed-job.en', raw: changedJobEn }, { name: 'cancel-resubmit.en', raw: cancelResubmitEn },
    { name: 'claim-modes.en', raw: claimModesEn }, { name: 'state-ttl.en', raw: stateTtlEn }, { name: 'transaction-timeout.en', raw: transactionTimeoutEn }]],
  ['ko', [{ name: 'ko', raw: ko }, { name: 'changed-job.ko', raw: changedJobKo }, { name: 'cancel-resubmit.ko', raw: cancelResubmitKo },
    { name: 'claim-modes.ko', raw: claimModesKo }, { name: 'state-ttl.ko', raw: stateTtlKo }, { name: 'transaction-timeout.ko', raw: transactionTimeoutKo }]],
]);

/** Course ids, in order, with whether their lesson is written. */
export function courseOutline(): { id: CourseLessonId; written: boolean }[] {
  return COURSE_IDS.map((id) => ({ id, written: LESSON_FILES.has(id) }));
}

/** Every language's messages, checked; a LessonError names the bad entries. */
export function loadMessages(): Messages {
  const out = new Map<Language, ReadonlyMap<string, string>>();
  for (const [lang, files] of MESSAGE_FILES) {
    const merged = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files) {
      for (const [id, text] of parseMessages(file.raw, file.name)) {
        if (merged.has(id)) twice.push(`messages/${file.name}.json: ${id} is already given by another message file`);
        merged.set(id, text);
      }
    }
    if (twice.length) throw new LessonError(twice);
    out.set(lang, merged);
  }
  return out;
}

export { LessonError };
