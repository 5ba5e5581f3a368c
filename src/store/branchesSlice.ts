import { ReplayError } from '../engine';
import type { AppState, BranchActions } from './appState';

export type { BranchActions } from './appState';
import { fork, singleBranch, withCurrent, type BranchTree } from './branches';
import type { SlicedWork } from './slicedWork';

// Run A's branches in the store: a fork in the past keeps the history it left as a branch; the
// user switches between branches (the run is replayed on the one chosen and shown at the same
// moment, or where that branch ends) and opens any branch beside the run as run B.


type Set = (fn: (s: AppState) => Partial<AppState>) => void;

export interface BranchContext {
  get: () => AppState;
  set: Set;
  notify(message: string): void;
  startWork(work: SlicedWork): void;
}

export function createBranchesSlice(ctx: BranchContext) {
  const { get, set } = ctx;
  /** a switch reloads run A itself: that is no new run whose branches start over */
  let switching = false;

  const current = (): BranchTree => {
    const s = get();
    return withCurrent(s.branches, { commands: s.runs.a.commands, headTime: s.runs.a.headTime });
  };

  const actions: BranchActions = {
    switchTo(id) {
      const tree = current();
      const target = tree.branches.find((b) => b.id === id);
      if (!target || id === tree.current) return false;
      const shown = get().clock.displayTime;
      const a = get().runs.a;
      switching = true;
      try {
        if (!a.actions.load(a.scenarioId, a.seed, a.conf, true)) return false;
      } finally {
        switching = false;
      }
      const fresh = get().runs.a;
      let sim = fresh.sim;
      try {
        sim = fresh.recorder.load(sim, target.commands);
      } catch (e) {
        if (!(e instanceof ReplayError)) throw e;
        ctx.notify(`The branch stops at ${(e.recorded.at / 1000).toFixed(3)} s: its command could not be applied (${e.cause.message}).`);
        sim = e.sim;
      }
      set((s) => ({ runs: { ...s.runs, a: { ...s.runs.a, sim, commands: [...fresh.recorder.commands], version: s.runs.a.version + 1 } }, branches: { ...tree, current: id } }));
      // the branch taken as far as it went, then shown at the moment that was shown (or its end)
      const replay = get().runs.a.driver.replayWork(target.headTime, () => {});
      ctx.startWork({
        ...replay,
        label: replay.label,
        end(cancelled) {
          replay.end(cancelled);
          get().clockActions.seek(Math.min(shown, get().runs.a.headTime));
        },
      });
      return true;
    },
    openBeside(id) {
      const tree = current();
      const target = tree.branches.find((b) => b.id === id);
      const a = get().runs.a;
      if (!target) return false;
      return get().compareActions.open(a.conf, a.seed, target.commands);
    },
  };

  return {
    branches: singleBranch(),
    branchActions: actions,
    /** RunContext.branched: run A keeps the history it left; run B's past is still discarded */
    branched(id: 'a' | 'b', left: { commands: import('../engine').RecordedCommand[]; headTime: number }, at: number): boolean {
      if (id !== 'a') return false;
      const kept = get().branches.current;
      set((s) => ({ branches: fork(s.branches, left, at) }));
      ctx.notify(`You changed the past at ${(at / 1000).toFixed(3)} s: a new branch goes on from here; the run you left is kept as branch ${kept + 1} under the timeline.`);
      return true;
    },
    /** a new run of A (another scenario, Reset, new settings that reshape the job) starts a single history */
    restarted(id: 'a' | 'b') {
      if (id === 'a' && !switching) set(() => ({ branches: singleBranch() }));
    },
  };
}
