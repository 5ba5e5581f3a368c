import { createStore } from 'zustand/vanilla';
import { DEFAULT_SCENARIO_ID, formatTraceHash, parseScenario, ScenarioError, Simulation, type ScenarioSpec } from '../engine';
import type { AppState, RunId, RunSetup } from './appState';
import { createClockSlice, runsOf } from './clockSlice';
import { compareConf, type CompareParams } from './compareParams';
import { comparedRecorderOptions, createCompareSlice, followRunA } from './compareSlice';
import { inSequence } from './compareWork';
import { createBranchesSlice } from './branchesSlice';
import { readLinkBranches } from './branches';
import { createRunSlice, type RunContext } from './runSlice';
import { currentScenario } from './scenarioFile';
import { nextFrame, workRunner, type Scheduler, type WorkRunner } from './slicedWork';
import { createViewSlice } from './viewSlice';

// The page's one store, composed of slices the way zustand composes them: a run slice per run
// (a, and b when two runs are compared), one playback clock for all of them, the view, the
// notices, and the long work under way. It is the only place that creates simulations.

export interface AppInit {
  scenarioId?: string;
  /** a scenario carried in a link, not yet validated */
  scenario?: unknown;
  seed?: number;
  conf?: Record<string, string>;
  notices?: string[];
  /** a link's commands, decoded JSON not yet checked */
  run?: unknown;
  /** the simulated ms a link opens at */
  at?: number;
  /** a link's `b.` parameters: run B beside run A (compareParams.ts) */
  b?: CompareParams;
  /** a link's branches of run A, decoded JSON not yet checked (branches.ts); run B's ride in `b` */
  branches?: unknown;
}

export interface AppStoreOptions {
  /** how sliced work gets its next piece: animation frames by default, all at once in tests */
  scheduler?: Scheduler;
}

export function createAppStore(initial: AppInit = {}, options: AppStoreOptions = {}) {
  const notices = [...(initial.notices ?? [])];
  let custom: ScenarioSpec | null = null;
  if (initial.scenario !== undefined) {
    try {
      custom = parseScenario(initial.scenario);
    } catch (e) {
      notices.push(`The link's scenario is not valid: ${e instanceof ScenarioError ? e.problems.join('; ') : (e as Error).message}. Showing a built-in one.`);
    }
  }
  const setup: RunSetup = { scenarioId: custom?.id ?? initial.scenarioId ?? DEFAULT_SCENARIO_ID, customScenario: custom, seed: initial.seed, conf: initial.conf ?? {} };
  // made once the store exists: it reports progress into it
  const work: { runner?: WorkRunner } = {};
  const store = createStore<AppState>()((set, get) => {
    const notify = (message: string) => set((s) => ({ notices: [...s.notices, message] }));
    const clockSlice = createClockSlice(set, get, notify);
    // acting on the clock ends the replay under way: the run stays where it got
    const clockActions = { ...clockSlice.clockActions };
    for (const name of ['play', 'togglePlay', 'seek', 'step', 'stepBack', 'nextMoment', 'previousMoment'] as const) {
      const act = clockSlice.clockActions[name] as (...args: unknown[]) => void;
      clockActions[name] = ((...args: unknown[]) => {
        if (work.runner?.current()?.holdsClock) work.runner.cancel();
        act(...args);
      }) as never;
    }
    const advance = clockActions.advance;
    clockActions.advance = (realMs) => {
      if (!work.runner?.current()?.holdsClock) advance(realMs);
    };
    const ctx: RunContext = {
      get, set, notify,
      recorderOptions: (id) => comparedRecorderOptions(id === 'b' || initial.b !== undefined || (get() as AppState | undefined)?.runs?.b !== undefined),
      branched: (id, left, at) => branchesSlice.branched(id, left, at),
      restarted(id) {
        branchesSlice.restarted(id);
        if (work.runner?.current()?.holdsClock) work.runner.cancel();
        set((s) => ({ clock: { ...s.clock, displayTime: 0, playing: false, beat: 0 }, view: { ...s.view, selectedSubtask: null } }));
        for (const r of runsOf(get())) if (r.id !== id) r.driver.seekTo(0);
      },
      halt: () => set((s) => ({ clock: { ...s.clock, playing: false } })),
      startWork: (piece) => work.runner?.start(piece),
    };
    const compareSlice = createCompareSlice({ get, set, notify, startWork: ctx.startWork });
    const branchesSlice = createBranchesSlice({ get, set, notify, startWork: ctx.startWork });
    const a = createRunSlice('a', ctx, { setup, run: initial.run }, notices);
    a.actions = compareSlice.mirror('a', a.actions);
    return {
      ...clockSlice,
      clockActions,
      ...createViewSlice(set),
      compare: compareSlice.compare,
      compareActions: compareSlice.compareActions,
      branches: branchesSlice.branches,
      branchActions: branchesSlice.branchActions,
      lesson: null,
      runs: { a },
      notices,
      busy: null,
      notify,
      dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
      addRun(id: RunId, runSetup: RunSetup, commands?: unknown) {
        if (id === 'a') return false;
        const problems: string[] = [];
        const run = createRunSlice(id, ctx, { setup: runSetup, run: commands }, problems);
        run.actions = compareSlice.mirror(id, run.actions);
        set((s) => ({ runs: { ...s.runs, [id]: run } }));
        for (const p of problems) notify(p);
        const at = get().clock.displayTime;
        if (at > 0) work.runner?.start(run.driver.replayWork(at, () => {}));
        return problems.length === 0;
      },
      removeRun(id) {
        if (id === 'a') return;
        set((s) => ({ runs: { a: s.runs.a } }));
      },
      cancelBusy: () => work.runner?.cancel(),
      referenceTraceHash(ms) {
        const { seed, conf, scenarioId, customScenario } = get().runs.a;
        const sim = Simulation.create(currentScenario({ scenarioId, customScenario }), { seed, conf });
        sim.runUntil(ms);
        return formatTraceHash(sim.state.traceHash);
      },
    };
  });
  const runner = workRunner(options.scheduler ?? nextFrame, (busy) => store.setState({ busy }), (failed, e) => {
    store.getState().notify(`${failed.label} stopped: ${e.message}`);
    store.setState((s) => ({ clock: { ...s.clock, playing: false } }));
  });
  work.runner = runner;
  followRunA(store);
  if (initial.branches !== undefined) {
    const a = store.getState().runs.a;
    const problems: string[] = [];
    const tree = readLinkBranches(initial.branches, a.recorder.keyframes[0].state, a.sim.state.plan, { commands: a.commands, headTime: a.headTime }, problems);
    if (tree) store.setState((s) => ({ branches: { ...s.branches, a: tree } }));
    for (const p of problems) store.getState().notify(p);
  }
  if (initial.b) {
    const a = store.getState().runs.a;
    const opened = store.getState().compareActions.open(compareConf(a.conf, initial.b), initial.b.seed ?? a.seed, initial.b.run ?? []);
    const b = store.getState().runs.b;
    if (b && initial.b.branches !== undefined) {
      const problems: string[] = [];
      const tree = readLinkBranches(initial.b.branches, b.recorder.keyframes[0].state, b.sim.state.plan, { commands: b.commands, headTime: b.headTime }, problems, 'b');
      if (tree && opened) store.setState((s) => ({ branches: { ...s.branches, b: tree } }));
      for (const p of problems) store.getState().notify(p);
    }
  }
  if (initial.at) {
    const reached = (t: number) => store.setState((s) => ({ clock: { ...s.clock, displayTime: t } }));
    // with two runs: both to the link's moment, one after the other; the clock shows where the last got
    const runs = runsOf(store.getState());
    runner.start(inSequence('Replaying both runs', runs.map((r, i) => r.driver.replayWork(initial.at!, i === runs.length - 1 ? reached : () => {}))));
  }
  return store;
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
