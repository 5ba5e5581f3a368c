import { ConfigError, validateConf, type RecordedCommand } from '../engine';
import { DEFAULT_KEYFRAME_BYTES, type RecorderOptions } from '../engine/timeline/recorder';
import type { AppState, CompareActions, CompareState, RunActions, RunId, RunSetup } from './appState';

export type { CompareActions, CompareState } from './appState';
import type { SlicedWork } from './slicedWork';
import { singleBranch } from './branches';

// Two runs side by side (CONTRACTS 7): run B is run A's scenario with other settings, opened from
// a link, the Cost tab or the Settings panel. A command can go to one run or to both at the same
// simulated moment ("to both runs"): the same kill, the same TaskManager failure, the same armed
// phase fault, the same checkpoint trigger.



/**
 * Each of two runs compared keeps its time-travel keyframes within half the recorder's default
 * (DEFAULT_KEYFRAME_BYTES), so two runs hold about what one would (`npm run bench`: compareHeapMB).
 */
export const COMPARED_KEYFRAME_BYTES = DEFAULT_KEYFRAME_BYTES / 2;

export function comparedRecorderOptions(compared: boolean): RecorderOptions {
  return compared ? { maxKeyframeBytes: COMPARED_KEYFRAME_BYTES } : {};
}

/** The commands that act on a job and strike both runs with "to both runs". */
const MIRRORED = ['triggerCheckpoint', 'triggerSavepoint', 'stopWithSavepoint', 'injectFault', 'armFault'] as const;

type Set = (fn: (s: AppState) => Partial<AppState>) => void;

export interface CompareContext {
  get: () => AppState;
  set: Set;
  notify(message: string): void;
  startWork(work: SlicedWork): void;
}

export const otherRun = (id: RunId): RunId => (id === 'a' ? 'b' : 'a');

/** A's commands that B takes on: its faults and triggers, not its settings changes (B has its own settings). */
export function commandsForB(commands: RecordedCommand[]): RecordedCommand[] {
  return commands.filter((c) => c.command.kind !== 'set-config');
}

/** Run B is of run A's scenario; once A opens another one, the comparison has nothing to compare. */
export function sameScenario(s: AppState): boolean {
  const b = s.runs.b;
  return !b || (b.scenarioId === s.runs.a.scenarioId && b.customScenario === s.runs.a.customScenario);
}

/** Closes the comparison when run A starts another scenario. */
export function followRunA(store: { subscribe(listener: (s: AppState) => void): () => void; getState(): AppState }): () => void {
  return store.subscribe((s) => {
    if (!sameScenario(s)) s.compareActions.close();
  });
}

export function createCompareSlice(ctx: CompareContext): { compare: CompareState; compareActions: CompareActions; mirror: (id: RunId, own: RunActions) => RunActions } {
  const { get, set, notify } = ctx;
  /** each run's own actions, before mirroring */
  const own = new Map<RunId, RunActions>();

  const mirror = (id: RunId, actions: RunActions): RunActions => {
    own.set(id, actions);
    const out: RunActions = { ...actions };
    for (const name of MIRRORED) {
      const act = actions[name] as (...args: unknown[]) => void;
      out[name] = ((...args: unknown[]) => {
        act(...args);
        const s = get();
        const other = s.runs[otherRun(id)];
        const theirs = own.get(otherRun(id));
        if (!s.compare.toBoth || !other || !theirs) return;
        // both at the moment shown: the clock keeps them there; a replay under way may not have
        const here = s.runs[id]!.sim.now;
        if (other.sim.now !== here) {
          notify(`Run ${otherRun(id).toUpperCase()} is at t = ${(other.sim.now / 1000).toFixed(3)} s, not ${(here / 1000).toFixed(3)} s: the command went to run ${id.toUpperCase()} only.`);
          return;
        }
        (theirs[name] as (...args: unknown[]) => void)(...args);
      }) as never;
    }
    return out;
  };

  const actions: CompareActions = {
    open(conf, seed, run) {
      const a = get().runs.a;
      try {
        validateConf(new Map(Object.entries(conf)));
      } catch (e) {
        notify(`Could not compare: ${e instanceof ConfigError ? e.message : (e as Error).message}. The current run is kept.`);
        return false;
      }
      const setup: RunSetup = { scenarioId: a.scenarioId, customScenario: a.customScenario, seed: seed ?? a.seed, conf: { ...conf } };
      const ok = get().addRun('b', setup, run ?? commandsForB(a.commands));
      set((s) => ({ compare: { ...s.compare, panels: 'a' }, branches: { a: s.branches.a, b: singleBranch() } }));
      // a run that could not start shows the default scenario: no comparison then
      if (!sameScenario(get())) {
        actions.close();
        return false;
      }
      return ok;
    },
    close() {
      get().removeRun('b');
      set((s) => ({ compare: { ...s.compare, panels: 'a', toBoth: false }, branches: { a: s.branches.a } }));
    },
    setToBoth: (toBoth) => set((s) => ({ compare: { ...s.compare, toBoth } })),
    showPanelsOf: (panels) => set((s) => ({ compare: { ...s.compare, panels: s.runs[panels] ? panels : 'a' } })),
  };
  return { compare: { toBoth: false, panels: 'a' }, compareActions: actions, mirror };
}
