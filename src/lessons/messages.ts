import { quote } from '../engine';
import { sizeProblems } from './bounds';
import { LessonError } from './errors';
import { LESSON_LIMITS } from './limits';
import { messageId } from './schema';
import type { Lesson } from './schema';

// Narration by language: one JSON file per language, message id -> text. A lesson names messages
// by id; every id it names must exist in every language. Held in Maps, never indexed by a string
// from a file.

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Messages = ReadonlyMap<Language, ReadonlyMap<string, string>>;

/** One language's messages from its file, or a LessonError naming each bad entry by its id. */
export function parseMessages(raw: unknown, lang: string): Map<string, string> {
  const where = `messages/${lang}.json`;
  const sized = sizeProblems(raw, { ...LESSON_LIMITS, depth: 2 });
  if (sized.length) throw new LessonError(sized.map((p) => `${where}: ${p}`));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LessonError([`${where}: expected an object of message id -> text`]);
  const entries = Object.entries(raw);
  const problems: string[] = [];
  if (entries.length > LESSON_LIMITS.messages) problems.push(`${where}: more than ${LESSON_LIMITS.messages} messages`);
  const out = new Map<string, string>();
  for (const [id, text] of entries.slice(0, LESSON_LIMITS.messages)) {
    if (!messageId.safeParse(id).success) problems.push(`${where}: ${quote(id)} is not a message id`);
    else if (typeof text !== 'string' || !text.trim() || text.length > LESSON_LIMITS.messageChars) problems.push(`${where}.${id}: expected a text of 1 to ${LESSON_LIMITS.messageChars} characters`);
    else out.set(id, text);
  }
  if (problems.length) throw new LessonError(problems);
  return out;
}

/** Every message id a lesson names, with where it names it. */
export function messageRefs(lesson: Lesson): { id: string; path: string }[] {
  const refs = [{ id: lesson.title, path: 'title' }];
  lesson.steps.forEach((s, i) => {
    const p = `steps.${i}`;
    refs.push({ id: s.say, path: `${p}.say` });
    if (s.hint) refs.push({ id: s.hint, path: `${p}.hint` });
    if (s.ask) {
      refs.push({ id: s.ask.question, path: `${p}.ask.question` });
      s.ask.options.forEach((o, k) => refs.push({ id: o.say, path: `${p}.ask.options.${k}.say` }));
    }
  });
  return refs;
}

/** Problems: message ids the lesson names that a language lacks. */
export function missingMessages(lesson: Lesson, messages: Messages): string[] {
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    const m = messages.get(lang);
    for (const r of messageRefs(lesson)) if (!m?.has(r.id)) problems.push(`${r.path}: no ${lang} message ${quote(r.id)}`);
  }
  return problems;
}
