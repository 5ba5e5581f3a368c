import { createContext, useContext } from 'react';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import type { AppState, ClockActions, ClockState, RunActions, RunId, RunState, ViewActions, ViewState } from './appState';
import type { AppStoreApi } from './appStore';
import { heldStore, type HeldStore } from './heldNotifications';

// The thin React binding over the vanilla store. Components read through selectors (with an
// equality function when they build a view model) and change the runs only through actions.
// A subtree shows one run: the nearest RunIdContext names it.

export type { RunId } from './appState';

export const AppStoreContext = createContext<AppStoreApi | null>(null);
export const RunIdContext = createContext<RunId>('a');

export function useStoreApi(): AppStoreApi {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('the store hooks need an AppStoreContext provider');
  return store;
}

/** each store's held view, made once */
const held = new WeakMap<AppStoreApi, HeldStore<AppState>>();

export function heldStoreOf(store: AppStoreApi): HeldStore<AppState> {
  let h = held.get(store);
  if (!h) held.set(store, (h = heldStore(store)));
  return h;
}

/**
 * The store as the selector hooks subscribe to it: the same state, but a playing frame's sets reach
 * every selector once, at the frame's end (heldNotifications.ts). Not useStoreApi's store: the
 * store's identity keys what hangs on it (the lesson player), and its subscribers hear every set.
 */
function useSubscribed(): AppStoreApi {
  return heldStoreOf(useStoreApi()).api;
}

export function useAppStore<T>(selector: (s: AppState) => T, equal?: (a: T, b: T) => boolean): T {
  return useStoreWithEqualityFn(useSubscribed(), selector, equal);
}

/** a run that is not (or no longer) there shows run a */
export function runOf(s: AppState, id: RunId): RunState {
  return s.runs[id] ?? s.runs.a;
}

export function useRunId(): RunId {
  return useContext(RunIdContext);
}

export function useRun<T>(selector: (run: RunState) => T, equal?: (a: T, b: T) => boolean): T {
  const id = useRunId();
  return useStoreWithEqualityFn(useSubscribed(), (s) => selector(runOf(s, id)), equal);
}

export function useClock<T>(selector: (clock: ClockState) => T, equal?: (a: T, b: T) => boolean): T {
  return useStoreWithEqualityFn(useSubscribed(), (s) => selector(s.clock), equal);
}

export function useView<T>(selector: (view: ViewState) => T, equal?: (a: T, b: T) => boolean): T {
  return useStoreWithEqualityFn(useSubscribed(), (s) => selector(s.view), equal);
}

export function useRunActions(): RunActions {
  return useRun((r) => r.actions);
}

export function useClockActions(): ClockActions {
  return useAppStore((s) => s.clockActions);
}

export function useViewActions(): ViewActions {
  return useAppStore((s) => s.viewActions);
}

/** Reads the current run at the moment of an event (a click), without subscribing to it. */
export function useRunReader(): () => RunState {
  const store = useStoreApi();
  const id = useRunId();
  return () => runOf(store.getState(), id);
}

