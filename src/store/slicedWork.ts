// Work that can take long (opening a link far into a run, a seek over a long stretch, the Cost
// comparison) is done in slices, the page drawn in between, with its progress shown and a way to
// cancel it. In tests the slices run one after another at once ('sync').

export interface SlicedWork {
  label: string;
  /** it moves a run the clock shows: acting on the clock (play, seek, step) cancels it */
  holdsClock?: boolean;
  /** does one bounded piece; true when the work is complete */
  step(): boolean;
  /** after the pieces of one frame: the time to show what they did */
  frame?(): void;
  /** how far it got, out of `total` */
  progress(): { done: number; total: number };
  /** after the last step, or when cancelled (what it did so far is kept) */
  end(cancelled: boolean): void;
}

export type Scheduler = 'sync' | ((next: () => void) => () => void);

/** real milliseconds of work per frame: the rest of the frame is the page's */
const FRAME_BUDGET_MS = 24;

export function nextFrame(next: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => next());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(next, 0);
  return () => clearTimeout(id);
}

export interface WorkRunner {
  start(work: SlicedWork): void;
  cancel(): void;
  /** the work under way, if any */
  current(): SlicedWork | null;
}

/** Runs one piece of work at a time; starting another cancels the one under way. */
export function workRunner(scheduler: Scheduler, report: (busy: { label: string; done: number; total: number } | null) => void, onError: (work: SlicedWork, e: Error) => void): WorkRunner {
  let active: SlicedWork | null = null;
  let stopFrame = () => {};
  const finish = (work: SlicedWork, cancelled: boolean) => {
    if (active !== work) return;
    active = null;
    stopFrame();
    report(null);
    work.end(cancelled);
  };
  const slice = (work: SlicedWork, budgetMs: number): boolean => {
    const started = now();
    try {
      do {
        if (work.step()) return true;
      } while (now() - started < budgetMs);
    } catch (e) {
      onError(work, e as Error);
      return true;
    }
    return false;
  };
  return {
    start(work) {
      if (active) finish(active, true);
      active = work;
      if (scheduler === 'sync') {
        while (!slice(work, Infinity));
        finish(work, false);
        return;
      }
      const frame = () => {
        if (active !== work) return;
        if (slice(work, FRAME_BUDGET_MS)) finish(work, false);
        else {
          work.frame?.();
          report({ label: work.label, ...work.progress() });
          stopFrame = scheduler(frame);
        }
      };
      report({ label: work.label, ...work.progress() });
      stopFrame = scheduler(frame);
    },
    cancel() {
      if (active) finish(active, true);
    },
    current: () => active,
  };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
