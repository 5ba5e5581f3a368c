import { ReplayError, type RecordedCommand } from '../engine';
import type { AppState, BranchActions, RunId } from './appState';

export type { BranchActions } from './appState';
import { fork, singleBranch, withCurrent, type BranchTree } from './branches';
import type { SlicedWork } from './slicedWork';

// Each run's branches in the store: a fork in the past keeps the history it left as a branch; the
// user switches between branches (the run is replayed on the one chosen and shown at the same
// moment, or where that branch ends) and opens any branch of run A beside it as run B. Run B so
// opened takes run A's whole tree with it (the same job and settings): each of the two runs can
// then show any branch, so any two branches are seen side by side.

type SetState = (fn: (s: AppState) => Partial<AppState>) => void;

export interface BranchContext {
  get: () => AppState;
  set: SetState;
  notify(message: string): void;
  startWork(work: SlicedWork): void;
}

export type RunBranches = AppState['branches'];

const withTree = (trees: RunBranches, id: RunId, tree: BranchTree | undefined): RunBranches =>
  id === 'a' ? { ...trees, a: tree ?? singleBranch() } : tree ? { ...trees, b: tree } : { a: trees.a };

export function createBranchesSlice(ctx: BranchContext) {
  const { get, set } = ctx;
  /** a switch reloads the run itself: that is no new run whose branches start over */
  const switching = new Set<RunId>();

  /** the run's tree with its current branch's entry brought up to date with the run */
  const current = (id: RunId): BranchTree | null => {
    const s = get();
    const run = s.runs[id];
    const tree = s.branches[id];
    return run && tree ? withCurrent(tree, { commands: run.commands, headTime: run.headTime }) : null;
  };

  const actions: BranchActions = {
    switchTo(branch, id = 'a') {
      const tree = current(id);
      const target = tree?.branches.find((b) => b.id === branch);
      if (!tree || !target || branch === tree.current) return false;
      const shown = get().clock.displayTime;
      const run = get().runs[id]!;
      switching.add(id);
      try {
        if (!run.actions.load(run.scenarioId, run.seed, run.conf, true)) return false;
      } finally {
        switching.delete(id);
      }
      const fresh = get().runs[id]!;
      let sim = fresh.sim;
      try {
        sim = fresh.recorder.load(sim, target.commands);
      } catch (e) {
        if (!(e instanceof ReplayError)) throw e;
        ctx.notify(`The branch stops at ${(e.recorded.at / 1000).toFixed(3)} s: its command could not be applied (${e.cause.message}).`);
        sim = e.sim;
      }
      set((s) => ({ runs: { ...s.runs, [id]: { ...s.runs[id]!, sim, commands: [...fresh.recorder.commands], version: s.runs[id]!.version + 1 } }, branches: withTree(s.branches, id, { ...tree, current: branch }) }));
      // the branch taken as far as it went, then shown at the moment that was shown (or its end)
      const replay = get().runs[id]!.driver.replayWork(target.headTime, () => {});
      ctx.startWork({
        ...replay,
        end(cancelled) {
          replay.end(cancelled);
          get().clockActions.seek(Math.min(shown, get().runs[id]?.headTime ?? shown));
        },
      });
      return true;
    },
    openBeside(branch) {
      const tree = current('a');
      const target = tree?.branches.find((b) => b.id === branch);
      const a = get().runs.a;
      if (!tree || !target) return false;
      if (!get().compareActions.open(a.conf, a.seed, target.commands)) return false;
      // the same job and settings: run B can show any branch of run A's tree, this one first
      set((s) => ({ branches: withTree(s.branches, 'b', { ...tree, current: branch }) }));
      return true;
    },
  };

  return {
    branches: { a: singleBranch() } as RunBranches,
    branchActions: actions,
    /** RunContext.branched: the run keeps the history it left as a branch */
    branched(id: RunId, left: { commands: RecordedCommand[]; headTime: number }, at: number): boolean {
      const tree = get().branches[id];
      if (!tree) return false;
      set((s) => ({ branches: withTree(s.branches, id, fork(tree, left, at)) }));
      const t = (at / 1000).toFixed(3);
      ctx.notify(id === 'a'
        ? `You changed the past at ${t} s: a new branch goes on from here; the run you left is kept as branch ${tree.current + 1} under the timeline.`
        : `You changed the past of run B at ${t} s: a new branch of run B goes on from here; the history it left is kept as its branch ${tree.current + 1} under the timeline.`);
      return true;
    },
    /** a new run (another scenario, Reset, new settings that reshape the job) starts a single history */
    restarted(id: RunId) {
      if (!switching.has(id) && get().runs[id]) set((s) => ({ branches: withTree(s.branches, id, singleBranch()) }));
    },
  };
}
