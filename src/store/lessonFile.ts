import { echo } from '../engine';
import { LessonError } from '../lessons/errors';
import { LESSON_LIMITS } from '../lessons/limits';
import { LANGUAGES, messageRefs, parseMessages, type Language, type Messages } from '../lessons/messages';
import { parseLesson, type ParsedLesson } from '../lessons/parse';

// A teacher's lesson file: a lesson as the course writes them (src/lessons/content/*.json), plus
// its own narration under `messages`, by language: { "en": { "<id>": "text" }, "ko": { … } }. Its
// messages go on top of the course's, so a file may also name the course's. Every id it names needs
// an English text; a language without one shows the English.

/** Whether a JSON value looks like a lesson rather than a scenario (it has steps). */
export function looksLikeLesson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'steps');
}

function ownMessages(raw: unknown, course: Messages): Messages {
  if (raw === undefined) return course;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LessonError(['messages: expected { "en": { "<message id>": "text" }, "ko": { … } }']);
  const problems: string[] = [];
  for (const lang of Object.keys(raw)) if (!(LANGUAGES as readonly string[]).includes(lang)) problems.push(`messages.${echo(lang, 40)}: not a language of the page (${LANGUAGES.join(', ')})`);
  if (problems.length) throw new LessonError(problems);
  const out = new Map<Language, ReadonlyMap<string, string>>();
  for (const lang of LANGUAGES) {
    const given = Object.hasOwn(raw, lang) ? (raw as Record<string, unknown>)[lang] : undefined;
    let own = new Map<string, string>();
    if (given !== undefined) {
      try {
        own = parseMessages(given, lang);
      } catch (e) {
        if (!(e instanceof LessonError)) throw e;
        throw new LessonError(e.allProblems.map((p) => p.replace(`messages/${lang}.json`, `messages.${lang}`)));
      }
    }
    out.set(lang, new Map([...(course.get(lang) ?? []), ...own]));
  }
  return out;
}

export function readLessonFile(text: string, course: Messages): { parsed: ParsedLesson; messages: Messages } | { problem: string } {
  if (text.length > LESSON_LIMITS.fileChars) return { problem: `the file has ${text.length} characters; a lesson file has at most ${LESSON_LIMITS.fileChars}` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not JSON (${(e as Error).message})` };
  }
  if (!looksLikeLesson(json)) return { problem: 'it is not a lesson (a lesson has "steps")' };
  const { messages: rawMessages, ...lessonPart } = json as Record<string, unknown>;
  try {
    const messages = ownMessages(rawMessages, course);
    const parsed = parseLesson(lessonPart);
    const en = messages.get('en');
    const missing = messageRefs(parsed.lesson).filter((r) => !en?.has(r.id)).map((r) => `${r.path}: no English message ${JSON.stringify(r.id)} (add it under messages.en)`);
    if (missing.length) throw new LessonError(missing);
    return { parsed, messages };
  } catch (e) {
    if (e instanceof LessonError) return { problem: e.message };
    return { problem: (e as Error).message };
  }
}
