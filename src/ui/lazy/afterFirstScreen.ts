// Work the first screen does not need (the service worker's install, the other tabs' chunks) waits
// until the page has drawn it and the main thread is idle: on a slow machine it would otherwise
// compete with the first render (README, benchmark section, "First load").

export interface IdleHost {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/**
 * Runs `work` once, after the next frame is drawn and then the first idle moment (at the latest
 * `timeoutMs` after that frame). Returns a function that cancels it if it has not run yet.
 */
export function afterFirstScreen(work: () => void, timeoutMs = 4000, host: IdleHost = window as unknown as IdleHost): () => void {
  let cancelled = false;
  let cancelStep: () => void = () => {};
  const run = () => {
    if (!cancelled) {
      cancelled = true;
      work();
    }
  };
  const whenIdle = () => {
    if (cancelled) return;
    if (host.requestIdleCallback) {
      const id = host.requestIdleCallback(run, { timeout: timeoutMs });
      cancelStep = () => host.cancelIdleCallback?.(id);
    } else {
      const id = host.setTimeout(run, 1);
      cancelStep = () => host.clearTimeout(id);
    }
  };
  // a frame callback runs before that frame is drawn; a timer queued from it runs after
  if (host.requestAnimationFrame) {
    const id = host.requestAnimationFrame(() => {
      const t = host.setTimeout(whenIdle, 0);
      cancelStep = () => host.clearTimeout(t);
    });
    cancelStep = () => host.cancelAnimationFrame?.(id);
  } else {
    whenIdle();
  }
  return () => {
    cancelled = true;
    cancelStep();
  };
}
