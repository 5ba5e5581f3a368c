import type { LessonCompare, LessonStep } from '../lessons/schema';
import type { AppStoreApi } from './appStore';
import { commandsForB } from './compareSlice';

// A lesson step's `compare` (src/lessons/schema.ts) opens run B beside the lesson's run at the
// moment the step begins: the lesson's job with the settings in force there and the step's over
// them (and its seed), taking the run's failures and checkpoint triggers along, as Open beside
// does. B stays for the steps after it; going back to a step before it, or opening a lesson,
// closes it. The lesson's own run (run A) is not touched: its checks stay what they were.

/** Run B's settings for a step: the run's in force at the step's moment, the step's over them. */
export function lessonCompareConf(inForce: Readonly<Record<string, unknown>>, compare: LessonCompare): Record<string, string> {
  const conf = new Map(Object.entries(inForce).map(([k, v]) => [k, String(v)]));
  for (const [k, v] of Object.entries(compare.conf ?? {})) conf.set(k, v);
  return Object.fromEntries(conf);
}

export function openLessonComparison(store: AppStoreApi, compare: LessonCompare): boolean {
  const s = store.getState();
  const a = s.runs.a;
  const ok = s.compareActions.open(lessonCompareConf(a.sim.state.config.raw, compare), compare.seed ?? a.seed, commandsForB(a.commands));
  if (ok) store.getState().compareActions.setToBoth(compare.toBoth ?? false);
  return ok;
}

/** Closes run B when the lesson opened it; returns the step that opened it now (none). */
export function closeLessonComparison(store: AppStoreApi, opened: number | null): null {
  if (opened !== null && store.getState().runs.b) store.getState().compareActions.close();
  return null;
}

/**
 * Step `i` begins: run B is the one the latest step up to `i` with a `compare` asks for (opened
 * anew at that very step, kept on the steps after it; a lesson opened at a later step opens it
 * too); before any such step there is none. Returns the step whose comparison is open.
 */
export function stepComparison(store: AppStoreApi, steps: readonly LessonStep[], i: number, opened: number | null): number | null {
  let j = Math.min(i, steps.length - 1);
  while (j >= 0 && !steps[j].compare) j--;
  if (j < 0) return closeLessonComparison(store, opened);
  if (j === opened && j !== i && store.getState().runs.b) return opened;
  return openLessonComparison(store, steps[j].compare!) ? j : closeLessonComparison(store, opened);
}
