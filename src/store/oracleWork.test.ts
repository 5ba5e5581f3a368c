import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import type { Scheduler } from './slicedWork';

// The oracle's check runs in pieces on the page: frames are driven by hand here.
function manualFrames() {
  const queue: (() => void)[] = [];
  const scheduler = (next: () => void) => {
    queue.push(next);
    return () => {
      const i = queue.indexOf(next);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  return { scheduler, runFrame: () => queue.shift()?.(), pending: () => queue.length };
}

function playedTo(scheduler: Scheduler, ms: number) {
  const store = createAppStore({ conf: { 'sim.sink.kind': 'plain' } }, { scheduler });
  store.getState().clockActions.play();
  let killed = false;
  while (store.getState().clock.displayTime < ms) {
    // a task fails once records were written: a plain sink writes them again after the restart
    if (!killed && store.getState().clock.displayTime >= 7_000) {
      store.getState().runs.a.actions.injectFault({ kind: 'task', subtask: 4 });
      killed = true;
    }
    store.getState().clockActions.advance(250);
  }
  store.getState().clockActions.pause();
  return store;
}

describe('checking exactly-once on the page', () => {
  it('goes on over several frames with its progress shown, then shows the verdict', () => {
    const frames = manualFrames();
    const store = playedTo(frames.scheduler, 15_000);
    store.getState().runs.a.actions.checkOracle();
    expect(store.getState().runs.a.oracle).toBeNull();
    expect(store.getState().busy?.label).toBe('Checking exactly-once');
    let ran = 0;
    while (frames.pending() && ran < 10_000) {
      frames.runFrame();
      ran++;
    }
    // how many frames it takes depends on the machine's speed; that it went through frames does not
    expect(ran).toBeGreaterThan(0);
    expect(store.getState().busy).toBeNull();
    expect(store.getState().runs.a.oracle?.result.verdict).toBe('duplicates');
  });

  it('can be cancelled: no verdict, the page free again', () => {
    const frames = manualFrames();
    const store = playedTo(frames.scheduler, 15_000);
    store.getState().runs.a.actions.checkOracle();
    expect(store.getState().busy).not.toBeNull();
    store.getState().cancelBusy();
    expect(store.getState().busy).toBeNull();
    expect(frames.pending()).toBe(0);
    expect(store.getState().runs.a.oracle).toBeNull();
  });
});
