import { MAX_LINK_TIME_MS } from './urlParams';
import type { LessonState } from './lessonState';

// `?lesson=<id>&step=<n>` opens a lesson of the course at step n (from 1); with the run of a link
// (`run`, `t`) and `from=<ms>`, the lesson is laid over that run, its step begun at `from`. Read
// here, bounded: a bad parameter is named, and the page opens without the lesson.

const LESSON_ID = /^[a-z][a-z0-9-]{0,63}$/;
/** the most steps a lesson may have (src/lessons/limits.ts) */
const MAX_STEP = 40;

export interface LessonLink { id: string; step: number; from?: number; withRun: boolean }

export type LessonLinkProblem =
  | { kind: 'id'; value: string }
  | { kind: 'step'; value: string }
  | { kind: 'from'; value: string };

export function readLessonLink(search: string): { link?: LessonLink; problems: LessonLinkProblem[] } {
  const params = new URLSearchParams(search.length > 200_000 ? '' : search);
  const id = params.get('lesson');
  const problems: LessonLinkProblem[] = [];
  if (id === null) return { problems };
  const cut = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (!LESSON_ID.test(id)) return { problems: [{ kind: 'id', value: cut(id) }] };
  let step = 1;
  const stepText = params.get('step');
  if (stepText !== null) {
    if (/^\d{1,3}$/.test(stepText) && Number(stepText) >= 1 && Number(stepText) <= MAX_STEP) step = Number(stepText);
    else problems.push({ kind: 'step', value: cut(stepText) });
  }
  const link: LessonLink = { id, step, withRun: params.has('run') || params.has('t') };
  const fromText = params.get('from');
  if (fromText !== null) {
    const from = Number(fromText);
    if (fromText.trim() !== '' && Number.isFinite(from) && from >= 0 && from <= MAX_LINK_TIME_MS) link.from = from;
    else problems.push({ kind: 'from', value: cut(fromText) });
  }
  return { link, problems };
}

/** The page's address with the lesson on screen added (a course lesson: a file's cannot be carried). */
export function withLesson(search: string, lesson: LessonState | null): string {
  if (!lesson || lesson.fromFile || lesson.done) return search;
  const params = new URLSearchParams(search);
  params.set('lesson', lesson.id);
  params.set('step', String(lesson.step + 1));
  params.set('from', String(Math.round(lesson.from * 1000) / 1000));
  return `?${params.toString()}`;
}
