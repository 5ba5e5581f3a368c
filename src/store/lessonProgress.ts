// Which lessons of the course the learner finished, kept in the browser (localStorage). What is
// read back may have been written by anything: it is bounded before it is parsed, and only ids of
// the course survive.

export const PROGRESS_KEY = 'checkpoint-lab.lessons.finished';
/** characters of the stored text read at most: the twelve ids take a fraction of it */
const MAX_CHARS = 4000;
const MAX_IDS = 64;

interface StorageLike { getItem(key: string): string | null; setItem(key: string, value: string): void }

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // storage refused (privacy settings, a sandboxed iframe)
    return null;
  }
}

/** The finished ids in `text` that are among `known`, each once, in course order. */
export function parseProgress(text: string | null, known: readonly string[]): string[] {
  if (!text || text.length > MAX_CHARS) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const ids = new Set(value.slice(0, MAX_IDS).filter((v): v is string => typeof v === 'string' && v.length <= 64));
  return known.filter((id) => ids.has(id));
}

export function readProgress(known: readonly string[], store: StorageLike | null = storage()): string[] {
  try {
    return parseProgress(store?.getItem(PROGRESS_KEY) ?? null, known);
  } catch {
    return [];
  }
}

/** Marks `id` finished; returns the finished ids. */
export function markFinished(id: string, known: readonly string[], store: StorageLike | null = storage()): string[] {
  const done = readProgress(known, store);
  if (!known.includes(id) || done.includes(id)) return done;
  const next = known.filter((k) => k === id || done.includes(k));
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // full or refused: the progress is not kept, the lesson goes on
  }
  return next;
}
