import type { AppStoreApi } from './appStore';
import type { LessonState } from './appState';
import { players, type LessonControls } from './lessonRegistry';

export type { LessonAnswer, LessonState } from './appState';
export { lessonWordsOf, registerLessonControls, registerLessonWords, type LessonControls, type LessonNoticeId, type LessonWords } from './lessonRegistry';

// The lesson on the page (CONTRACTS §5), as the store holds it: which lesson, which step, what the
// learner answered, and the step's window on the run (when its `until` fires or its time is up).
// The player that fills it (lessonPlayer.ts, with the lessons and their messages) is a chunk of its
// own, loaded when a lesson is first opened; what here stays in the page's first JavaScript is the
// state's shape and the functions other code calls.

async function controlsOf(store: AppStoreApi): Promise<LessonControls> {
  const have = players.get(store);
  if (have) return have;
  const { lessonPlayer } = await import('./lessonPlayer');
  // two calls may have waited for the chunk together: one player per store
  return players.get(store) ?? lessonPlayer(store);
}

/**
 * Opens a lesson of the course at `step` (counted from 1, as the page shows it): its job is run
 * headless as the steps before show, then shown at the moment step `step` begins. False (with a
 * notice) when there is no such lesson or step; the run on screen is kept then.
 */
export async function openLesson(store: AppStoreApi, id: string, step = 1): Promise<boolean> {
  return (await controlsOf(store)).open(id, step);
}

/** Takes the run on screen (a link's) as a lesson's, at `step` (from 1) begun at `from` ms. */
export async function attachLesson(store: AppStoreApi, id: string, step: number, from?: number): Promise<boolean> {
  return (await controlsOf(store)).attach(id, step, from);
}

/** A lesson file (text): validated like the course's; a broken one is refused with its paths, the run kept. */
export async function openLessonFile(store: AppStoreApi, name: string, text: string): Promise<boolean> {
  return (await controlsOf(store)).openFile(name, text);
}

/** The keys and buttons: false when no lesson is open (the key then does its free-play job). */
function inLesson(store: AppStoreApi, act: (c: LessonControls) => void): boolean {
  const controls = players.get(store);
  if (!controls || !store.getState().lesson) return false;
  act(controls);
  return true;
}

export const lessonNext = (store: AppStoreApi) => inLesson(store, (c) => c.next());
export const lessonPrevious = (store: AppStoreApi) => inLesson(store, (c) => c.previous());
export const lessonResetStep = (store: AppStoreApi) => inLesson(store, (c) => c.resetStep());
export const lessonAnswer = (store: AppStoreApi, option: string) => inLesson(store, (c) => c.answer(option));
export const lessonShowMe = (store: AppStoreApi) => inLesson(store, (c) => c.showMe());
export const lessonToggleHint = (store: AppStoreApi) => inLesson(store, (c) => c.toggleHint());
/** Leaves the lesson; the run stays for free play. */
export const lessonExplore = (store: AppStoreApi) => inLesson(store, (c) => c.explore());

/** A lesson's text in a language: the file's or the course's, English when the language lacks it. */
export function lessonText(state: Pick<LessonState, 'messages'>, lang: string, id: string): { text: string; fallback: boolean } {
  const own = lang === 'ko' || lang === 'en' ? state.messages.get(lang)?.get(id) : undefined;
  if (own !== undefined) return { text: own, fallback: false };
  return { text: state.messages.get('en')?.get(id) ?? id, fallback: true };
}

/** The course in order, with each lesson's title by language (loads the lessons' chunk). */
export async function loadCourseList(): Promise<{ id: string; title: ReadonlyMap<string, string> }[]> {
  const { courseList } = await import('./lessonPlayer');
  return courseList();
}

/** Every Korean (or other) text a lesson may show, run together: for the font's pieces (i18n/font.ts). */
export function lessonAllText(state: Pick<LessonState, 'messages' | 'lesson'>, lang: string): string {
  const ids = [state.lesson.title, ...state.lesson.steps.flatMap((s) => [s.say, s.hint ?? '', s.ask?.question ?? '', ...(s.ask?.options.map((o) => o.say) ?? [])])];
  return ids.map((id) => (id ? lessonText(state, lang, id).text : '')).join('\n');
}

/** Whether a file's text is a lesson (an object with `steps`) rather than a scenario; unreadable text is left to the scenario reader. */
export function looksLikeLessonText(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'steps');
  } catch {
    return false;
  }
}
