import { useEffect, useRef } from 'react';
import type { AppState, RunState } from '../../store/appState';
import { runOf, useAppStore, useRunId } from '../../store/react';

/**
 * How often what changes with every frame while the run plays (the time shown, a counter, the
 * event log's newest lines) is shown anew: about as often as a reader can follow. Paused, stepped
 * or sought it is exact at once.
 */
export const READABLE_MS = 100;

/** `of`: what the view is of (a subtask, a filter): another one is read at once */
interface Shown<T> { value: T; playing: boolean; of: unknown }

/** Whether what was shown at `shownAt` is kept rather than read again: the clock plays on, it is of the same thing, and younger than READABLE_MS. */
export function keepsShowing(shown: { playing: boolean; of: unknown } | null, playing: boolean, of: unknown, shownAt: number, now: number): boolean {
  return shown !== null && shown.playing && playing && Object.is(shown.of, of) && now - shownAt < READABLE_MS;
}

/**
 * A view of the store (`select`, compared with `equal`) that, while the clock plays, is read and
 * re-rendered at most every READABLE_MS rather than every frame: the page does not build it, set
 * its text and lay it out 60 times a second. Paused, stepped or sought, it follows at once.
 */
export function useReadable<T>(select: (s: AppState) => T, equal: (a: T, b: T) => boolean = Object.is, of: unknown = null): T {
  const shown = useRef<Shown<T> | null>(null);
  const shownAt = useRef(-Infinity);
  const picked = useAppStore(
    (s): Shown<T> => (keepsShowing(shown.current, s.clock.playing, of, shownAt.current, performance.now()) ? shown.current! : { value: select(s), playing: s.clock.playing, of }),
    (a, b) => a === b || (a.playing === b.playing && Object.is(a.of, b.of) && equal(a.value, b.value)),
  );
  useEffect(() => {
    shown.current = picked;
    shownAt.current = performance.now();
  }, [picked]);
  return picked.value;
}

/** useReadable of the run this subtree shows (another run is read at once). */
export function useReadableRun<T>(select: (r: RunState) => T, equal?: (a: T, b: T) => boolean, of: unknown = null): T {
  const id = useRunId();
  return useReadable((s) => select(runOf(s, id)), equal, `${id}/${String(of)}`);
}
