import { describe, expect, it } from 'vitest';
import { builtinScenario, formatTraceHash, RunRecorder, Simulation, type RecordedCommand } from '../engine';
import { createAppStore, type AppStoreApi } from './appStore';
import { branchRows, MAX_BRANCHES, readBranchesParam, readLinkBranches, withBranches } from './branches';
import { pageSearch, readPageParams } from './urlParams';
import { readCompareParams, withComparison } from './compareParams';

/** One run on its own: the default scenario with `commands`, replayed to `t`. */
function alone(t: number, commands: RecordedCommand[], conf: Record<string, string> = {}): string {
  const sim = Simulation.create(builtinScenario('default')!, { conf });
  return formatTraceHash(new RunRecorder(sim.state).replay(sim, commands, t).state.traceHash);
}

const hashOf = (store: AppStoreApi, id: 'a' | 'b' = 'a') => formatTraceHash(store.getState().runs[id]!.sim.state.traceHash);

function play(store: AppStoreApi, frames: number) {
  store.getState().clockActions.play();
  for (let i = 0; i < frames; i++) store.getState().clockActions.advance(100);
  store.getState().clockActions.pause();
}

/** A run killed at about 6 s, then, back at 3 s, killed elsewhere: two branches. */
function branched(): AppStoreApi {
  const store = createAppStore({}, { scheduler: 'sync' });
  play(store, 60);
  store.getState().runs.a.actions.injectFault({ kind: 'task', subtask: 4 });
  play(store, 40);
  store.getState().clockActions.seek(3000);
  store.getState().runs.a.actions.injectFault({ kind: 'task', subtask: 5 });
  play(store, 20);
  return store;
}

describe('a history that branches', () => {
  it('acting in the past starts a branch; the history left keeps its commands and its end', () => {
    const store = branched();
    const { branches: trees, runs } = store.getState();
    const branches = trees.a;
    expect(branches.branches).toHaveLength(2);
    const [first, second] = branches.branches;
    expect(branches.current).toBe(second.id);
    expect(second.parent).toBe(first.id);
    expect(second.at).toBe(3000);
    expect(first.commands.map((c) => c.command)).toEqual([{ kind: 'fault', fault: { kind: 'task', subtask: 4 } }]);
    expect(first.headTime).toBeGreaterThan(first.commands[0].at + 3000);
    expect(runs.a.commands.map((c) => c.command)).toEqual([{ kind: 'fault', fault: { kind: 'task', subtask: 5 } }]);
    expect(branchRows(branches).map((r) => [r.branch.id, r.depth])).toEqual([[0, 0], [1, 1]]);
  });

  it('switching replays the branch chosen to its own trace, at the moment shown, and back', () => {
    const store = branched();
    const child = [...store.getState().runs.a.commands];
    const first = store.getState().branches.a.branches[0];
    const shown = store.getState().clock.displayTime;
    expect(store.getState().branchActions.switchTo(first.id)).toBe(true);
    let s = store.getState();
    expect(s.branches.a.current).toBe(first.id);
    expect(s.runs.a.commands).toEqual(first.commands);
    expect(s.runs.a.headTime).toBe(first.headTime);
    expect(s.clock.displayTime).toBe(Math.min(shown, first.headTime));
    expect(hashOf(store)).toBe(alone(s.clock.displayTime, first.commands));
    expect(s.branchActions.switchTo(1)).toBe(true);
    s = store.getState();
    expect(s.runs.a.commands).toEqual(child);
    expect(hashOf(store)).toBe(alone(s.clock.displayTime, child));
    // a new run of A (Reset) is a single history again
    s.runs.a.actions.reset();
    expect(store.getState().branches.a.branches).toHaveLength(1);
  });

  it('a branch and its parent each replay to their own hash from a link', () => {
    const store = branched();
    const s = store.getState();
    const t = s.clock.displayTime;
    const search = withBranches(pageSearch(s.runs.a.scenarioId, s.runs.a.seed, s.runs.a.conf, { commands: s.runs.a.commands, at: t }), s.branches);
    const parent = s.branches.a.branches[0];
    const child = [...s.runs.a.commands];

    const params = readPageParams(search);
    const problems: string[] = [];
    const opened = createAppStore({ ...params, branches: readBranchesParam(search, problems) }, { scheduler: 'sync' });
    expect(problems).toEqual([]);
    expect(opened.getState().notices).toEqual([]);
    expect(opened.getState().branches.a.branches.map((b) => b.id)).toEqual([0, 1]);
    // the link carries the moment to the microsecond
    expect(opened.getState().clock.displayTime).toBe(params.at);
    expect(params.at).toBeCloseTo(t, 3);
    expect(hashOf(opened)).toBe(alone(params.at!, child));
    opened.getState().branchActions.switchTo(parent.id);
    const at = opened.getState().clock.displayTime;
    expect(opened.getState().runs.a.commands).toEqual(parent.commands);
    expect(hashOf(opened)).toBe(alone(at, parent.commands));
    // the parent as run B beside the child: each its own trace, under one clock
    opened.getState().branchActions.switchTo(1);
    expect(opened.getState().branchActions.openBeside(parent.id)).toBe(true);
    const both = opened.getState();
    expect(both.runs.b!.commands).toEqual(parent.commands);
    expect(both.runs.b!.sim.now).toBe(both.clock.displayTime);
    expect(hashOf(opened, 'b')).toBe(alone(both.clock.displayTime, parent.commands));
    expect(hashOf(opened, 'a')).toBe(alone(both.clock.displayTime, child));
  });

  it('run B branches too: acting in its past keeps its history, run A is untouched, and each branch replays to its own hash from a link', () => {
    const INTERVAL = { 'execution.checkpointing.interval': '2 s' };
    const store = createAppStore({}, { scheduler: 'sync' });
    expect(store.getState().compareActions.open(INTERVAL)).toBe(true);
    play(store, 60);
    store.getState().runs.b!.actions.injectFault({ kind: 'task', subtask: 4 });
    play(store, 30);
    store.getState().clockActions.seek(2500);
    store.getState().runs.b!.actions.injectFault({ kind: 'task', subtask: 5 });
    play(store, 20);
    let s = store.getState();
    expect(s.branches.a.branches).toHaveLength(1);
    expect(s.runs.a.commands).toEqual([]);
    const tree = s.branches.b!;
    expect(tree.branches).toHaveLength(2);
    expect(tree.current).toBe(1);
    expect(tree.branches[1]).toMatchObject({ parent: 0, at: 2500 });
    expect(s.notices.some((n) => /past of run B at 2\.500 s/.test(n))).toBe(true);
    const child = [...s.runs.b!.commands];
    const parent = tree.branches[0];
    expect(parent.commands.map((c) => c.command)).toEqual([{ kind: 'fault', fault: { kind: 'task', subtask: 4 } }]);

    // the link: run B's branches ride in b.branches; each replays to its own trace
    const t = s.clock.displayTime;
    const search = withBranches(withComparison(pageSearch(s.runs.a.scenarioId, s.runs.a.seed, s.runs.a.conf, { commands: s.runs.a.commands, at: t }), s.runs), s.branches);
    expect(new URLSearchParams(search).has('b.branches')).toBe(true);
    expect(new URLSearchParams(search).has('branches')).toBe(false);
    const params = readPageParams(search);
    const b = readCompareParams(search, params.problems);
    expect(params.problems).toEqual([]);
    const opened = createAppStore({ ...params, b }, { scheduler: 'sync' });
    s = opened.getState();
    expect(s.notices).toEqual([]);
    expect(s.branches.b!.branches.map((x) => [x.id, x.parent, x.at])).toEqual([[0, null, 0], [1, 0, 2500]]);
    expect(hashOf(opened, 'b')).toBe(alone(params.at!, child, INTERVAL));
    expect(hashOf(opened, 'a')).toBe(alone(params.at!, []));
    expect(s.branchActions.switchTo(parent.id, 'b')).toBe(true);
    s = opened.getState();
    expect(s.branches.b!.current).toBe(parent.id);
    expect(s.runs.b!.commands).toEqual(parent.commands);
    expect(hashOf(opened, 'b')).toBe(alone(s.clock.displayTime, parent.commands, INTERVAL));
    // run A still on its own single history, at the same moment
    expect(s.runs.a.sim.now).toBe(s.clock.displayTime);
    expect(s.branches.a.branches).toHaveLength(1);
    // closing the comparison forgets run B's tree
    s.compareActions.close();
    expect(opened.getState().branches.b).toBeUndefined();
  });

  it('a branch of run A opened beside takes the tree along: any two branches side by side', () => {
    const store = branched();
    expect(store.getState().branchActions.openBeside(0)).toBe(true);
    let s = store.getState();
    expect(s.branches.b!.current).toBe(0);
    expect(s.branches.b!.branches.map((x) => x.id)).toEqual([0, 1]);
    // run B switches to the branch run A shows, run A to the other: swapped
    const child = [...s.runs.a.commands];
    expect(s.branchActions.switchTo(1, 'b')).toBe(true);
    expect(store.getState().branchActions.switchTo(0, 'a')).toBe(true);
    s = store.getState();
    expect(s.runs.b!.commands).toEqual(child);
    expect(s.runs.a.commands).toEqual(s.branches.a.branches[0].commands);
    expect(hashOf(store, 'b')).toBe(alone(s.clock.displayTime, child));
    expect(s.runs.a.sim.now).toBe(s.runs.b!.sim.now);
  });

  it('refuses branches from a link that are not a tree of valid runs, and says why', () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    const a = store.getState().runs.a;
    const read = (value: unknown) => {
      const problems: string[] = [];
      const tree = readLinkBranches(value, a.recorder.keyframes[0].state, a.sim.state.plan, { commands: [], headTime: 0 }, problems);
      return { tree, problems };
    };
    const ok = { current: 1, branches: [{ id: 0, parent: null, at: 0, head: 5000, commands: [] }, { id: 1, parent: 0, at: 2000, head: 2000, commands: [] }] };
    expect(read(ok).tree?.branches).toHaveLength(2);
    expect(read('x').problems[0]).toMatch(/not a list of branches/);
    expect(read({ current: 0, branches: Array.from({ length: MAX_BRANCHES + 1 }, (_, id) => ({ id, parent: null, at: 0, head: 0, commands: [] })) }).problems[0]).toMatch(/at most 16/);
    expect(read({ ...ok, branches: [ok.branches[1], ok.branches[0]] }).problems[0]).toMatch(/parent that is not before it/);
    expect(read({ ...ok, branches: [ok.branches[0], { ...ok.branches[0] }] }).problems[0]).toMatch(/given twice/);
    expect(read({ current: 1, branches: [{ ...ok.branches[0], commands: [{ at: 1, command: { kind: 'fault', fault: { kind: 'task', subtask: 999 } } }] }, ok.branches[1]] }).problems[0]).toMatch(/no subtask 999/);
    expect(read({ current: 7, branches: ok.branches }).problems[0]).toMatch(/current branch 7/);
    expect(read({ current: 1, branches: [{ ...ok.branches[0], at: -1 }, ok.branches[1]] }).problems[0]).toMatch(/no id, parent, start or head/);
  });
});
