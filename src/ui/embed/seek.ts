import { runsOf } from '../../store/clockSlice';
import type { AppStoreApi } from '../../store/appStore';

// A host's `seek` may ask for a moment the run has not reached yet (the page's own timeline only
// goes back). Backwards is the clock's seek (keyframes, replay); forwards the runs are taken on in
// pieces, the page drawn between them, so an hour of simulated time never freezes the frame.

/** engine events per run per piece of a forward seek */
export const FORWARD_EVENTS_PER_PIECE = 20_000;

export type Later = (fn: () => void) => void;

const nextTask: Later = (fn) => {
  setTimeout(fn, 0);
};

/** Resolves when the store has no long work under way (a backward seek may replay in pieces). */
function idle(store: AppStoreApi): Promise<void> {
  if (store.getState().busy === null) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.busy === null) {
        stop();
        resolve();
      }
    });
  });
}

/** Shows every run at `t` (paused); resolves with the moment shown once it is there. */
export async function seekEmbedded(store: AppStoreApi, t: number, later: Later = nextTask): Promise<number> {
  const { clock, clockActions } = store.getState();
  clockActions.pause();
  if (t <= clock.displayTime) {
    clockActions.seek(t);
    await idle(store);
    return store.getState().clock.displayTime;
  }
  await new Promise<void>((resolve) => {
    const piece = () => {
      const before = store.getState().clock.displayTime;
      let reached = t;
      for (const r of runsOf(store.getState())) reached = Math.min(reached, r.driver.advanceTo(t, FORWARD_EVENTS_PER_PIECE));
      store.setState((s) => ({ clock: { ...s.clock, displayTime: Math.max(before, reached) } }));
      // there, or a run that cannot go on (finished, refused): stop where it got
      if (reached >= t || reached <= before || store.getState().clock.playing) resolve();
      else later(piece);
    };
    piece();
  });
  return store.getState().clock.displayTime;
}
