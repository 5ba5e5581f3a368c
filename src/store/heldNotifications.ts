import type { StoreApi } from 'zustand/vanilla';

// A store whose subscribers can be told of a frame's changes once, at its end. A playing frame
// sets the store once per run (after the engine moved it) and once for the clock; every set runs
// every mounted component's selector, and the run's selectors (the edges' barriers, the nodes'
// figures) cost more than the engine's own share of a frame. While `hold` runs, the state still
// changes at once (`getState` sees every set), only the subscribers wait: they hear of the frame
// once, with the state before its first set as the previous one. Fast-forward may keep them
// waiting into the next frame (drawRate.ts); any set made while nothing is held tells them at once,
// of everything.

export interface HeldStore<S> {
  /** the store as subscribers see it: the same state, notifications held during `hold` */
  api: StoreApi<S>;
  /**
   * Runs `work` with notifications held; afterwards the subscribers hear once if anything changed,
   * or, with `tell` false, not until the next `flush` (or a hold that tells, or a set outside one).
   */
  hold<T>(work: () => T, tell?: boolean): T;
  /** Tells the subscribers of what changed while held, if anything did; not while a hold runs. */
  flush(): void;
}

export function heldStore<S>(store: StoreApi<S>): HeldStore<S> {
  type Listener = (state: S, previous: S) => void;
  const listeners = new Set<Listener>();
  let holding = 0;
  /** the state before the first set while held; null while nothing changed */
  let before: { state: S } | null = null;
  let unsubscribe: (() => void) | null = null;

  const tell = (state: S, previous: S) => {
    for (const l of listeners) l(state, previous);
  };
  const flush = () => {
    if (holding || !before) return;
    const previous = before.state;
    before = null;
    if (store.getState() !== previous) tell(store.getState(), previous);
  };
  const heard: Listener = (_state, previous) => {
    before ??= { state: previous };
    if (!holding) flush();
  };

  const api: StoreApi<S> = {
    getState: store.getState,
    getInitialState: store.getInitialState,
    setState: store.setState,
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe(heard);
      return () => {
        listeners.delete(listener);
        if (!listeners.size && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          before = null;
        }
      };
    },
  };

  return {
    api,
    hold(work, tellAfter = true) {
      holding++;
      try {
        return work();
      } finally {
        holding--;
        if (tellAfter) flush();
      }
    },
    flush,
  };
}
