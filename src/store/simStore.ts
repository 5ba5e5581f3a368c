import { createStore } from 'zustand/vanilla';
import { builtinScenario, computeOracle, decodeCommands, DEFAULT_SCENARIO_ID, parseScenario, restoreJob, RunRecorder, ScenarioError, Simulation, type CheckpointPhase, type Fault, type OracleResult, type PhysicalPlan, type RecordedCommand, type ScenarioSpec, type SimState, type UserCommand } from '../engine';
import { narrate, type LogLine } from './narrate';
import { DEFAULT_SPEED_POSITION, EVENT_BY_EVENT_BEAT_MS, speedMultiplier } from './speed';

// The one place that holds the running simulation. The engine mutates its state in place;
// `version` changes whenever it advanced, so selectors that read the state run again.

export const EVENT_LOG_LIMIT = 300;
/** a seek replays at least this much simulated time, so the event log shows what led there */
const LOG_REPLAY_MS = 4000;
/** at most this many engine events per animation frame, so fast-forward never freezes the page */
export const MAX_EVENTS_PER_FRAME = 50_000;

export interface SimStoreState {
  scenarioId: string;
  /** a scenario the user opened from a file (or a link carrying one); null: the built-in `scenarioId` */
  customScenario: ScenarioSpec | null;
  seed: number | undefined;
  conf: Record<string, string>;
  sim: Simulation;
  version: number;
  /** simulated time the page shows; the engine has run every event up to it */
  displayTime: number;
  playing: boolean;
  speedPosition: number;
  /** real ms accumulated toward the next beat in event-by-event mode */
  beat: number;
  selectedSubtask: number | null;
  notices: string[];
  log: LogLine[];
  /** the exactly-once oracle's last verdict, with the simulated time it was taken at */
  oracle: { at: number; result: OracleResult } | null;
  /** keyframes and commands of this run: time travel */
  recorder: RunRecorder;
  /** the user's commands of this run (a copy of the recorder's, for the share link) */
  commands: RecordedCommand[];
  /** false once the job was restored from a snapshot: a link cannot carry that (yet) */
  shareable: boolean;
  /** how far the run has been taken, and what happened on the way (for the timeline) */
  headTime: number;
  markers: TimelineMarker[];
  /** the last restore from a snapshot: the plans before and after, for the rescale view */
  rescale: { snapshotId: number; before: PhysicalPlan; beforeState: SimState; after: PhysicalPlan } | null;
}

export interface TimelineMarker { time: number; kind: 'trigger' | 'completed' | 'failed' | 'savepoint' | 'fault' | 'restored'; label: string }

/** What the timeline marks, read off the state at the head of the run. */
export function markersOf(state: SimState): TimelineMarker[] {
  const out: TimelineMarker[] = [];
  for (const h of state.coordinator.history) {
    out.push({ time: h.triggerTime, kind: h.isSavepoint ? 'savepoint' : 'trigger', label: `${h.isSavepoint ? 'savepoint' : 'checkpoint'} ${h.id} triggered` });
    if (h.status === 'COMPLETED' && h.latestAckTime !== null) out.push({ time: h.latestAckTime, kind: 'completed', label: `checkpoint ${h.id} completed` });
    if (h.status === 'FAILED' && h.failureTime !== null) out.push({ time: h.failureTime, kind: 'failed', label: `checkpoint ${h.id} failed` });
  }
  for (const r of state.restores) out.push({ time: r.restore_timestamp, kind: 'restored', label: `restored from checkpoint ${r.id}` });
  for (const f of state.recovery.struck) out.push({ time: f.time, kind: 'fault', label: f.label });
  return out;
}

export interface SimStoreActions {
  /** a new run of a built-in scenario, or (`sameScenario`) of the scenario in force, file or not */
  load(scenarioId: string, seed?: number, conf?: Record<string, string>, sameScenario?: boolean): boolean;
  /** opens a scenario file's contents: validated, then run (its problems are reported, the current run kept) */
  openScenarioFile(name: string, text: string): boolean;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(position: number): void;
  /** the playback clock: real milliseconds passed since the last frame */
  advance(realMs: number): void;
  select(subtask: number | null): void;
  triggerCheckpoint(): void;
  triggerSavepoint(): void;
  stopWithSavepoint(): void;
  injectFault(fault: Fault): void;
  armFault(fault: Fault, when: CheckpointPhase): void;
  /** show the run as it was at `t` */
  seek(t: number): void;
  stepBack(): void;
  /** new settings: from now on when the running job can take them, else in a new run */
  applySettings(conf: Record<string, string>): boolean;
  /** start the job again from a retained checkpoint or savepoint, with new parallelism per operator */
  restoreFrom(snapshotId: number, parallelism: Record<string, number>, allowNonRestoredState: boolean): boolean;
  checkOracle(): void;
  notify(message: string): void;
  dismissNotice(index: number): void;
}

export type SimStore = SimStoreState & SimStoreActions;

// Narrated lines are collected per event and handed to the store once per advance.
const logFlushers = new WeakMap<Simulation, () => void>();
/** log line ids are unique for the page's life: the log keeps lines across seeks and new runs */
let nextLogId = 0;

function narrateInto(sim: Simulation, lines: LogLine[]): () => void {
  return sim.subscribe((ev) => {
    const line = narrate(ev, sim.state);
    if (line) lines.push({ ...line, id: nextLogId++ });
  });
}

function attachLog(sim: Simulation, get: () => SimStore, set: (p: Partial<SimStore>) => void): Simulation {
  const pendingLines: LogLine[] = [];
  narrateInto(sim, pendingLines);
  logFlushers.set(sim, () => {
    if (!pendingLines.length) return;
    set({ log: get().log.concat(pendingLines.splice(0)).slice(-EVENT_LOG_LIMIT) });
  });
  return sim;
}

function inFlight(state: SimState): number {
  return state.channels.reduce((n, ch) => n + ch.records, 0);
}

function flush(sim: Simulation): void {
  logFlushers.get(sim)?.();
}

/** The scenario in force: the opened file's, or the built-in one. */
export function currentScenario(s: Pick<SimStoreState, 'scenarioId' | 'customScenario'>): ScenarioSpec {
  return s.customScenario ?? builtinScenario(s.scenarioId) ?? builtinScenario(DEFAULT_SCENARIO_ID)!;
}

/** A scenario file's text as a scenario, or a message naming what is wrong. */
export function readScenarioFile(text: string): { spec: ScenarioSpec } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not JSON (${(e as Error).message})` };
  }
  try {
    return { spec: parseScenario(json) };
  } catch (e) {
    return { problem: e instanceof ScenarioError ? e.problems.join('; ') : (e as Error).message };
  }
}

export function createSimStore(initial: { scenarioId?: string; scenario?: unknown; seed?: number; conf?: Record<string, string>; notices?: string[]; run?: unknown; at?: number } = {}) {
  const store = createStore<SimStore>()((set, get) => {
    const build = (spec: ScenarioSpec, seed: number | undefined, conf: Record<string, string>): Simulation => attachLog(Simulation.create(spec, { seed, conf }), get, set);
    /** after the view moved: the head, the markers and the version follow */
    const moved = (extra: Partial<SimStore> = {}) => {
      const { sim, recorder, version, markers } = get();
      const atHead = sim.now >= recorder.headTime;
      flush(sim);
      set({ displayTime: sim.now, version: version + 1, headTime: recorder.headTime, markers: atHead ? markersOf(sim.state) : markers, ...extra });
    };
    const command = (c: UserCommand) => {
      const { sim, recorder } = get();
      const { forked } = recorder.command(sim, c);
      if (forked) get().notify(`You changed the past at ${(sim.now / 1000).toFixed(3)} s: the run after that moment was discarded, and it goes on from here.`);
      moved({ markers: markersOf(sim.state), commands: [...recorder.commands] });
    };
    const notices = [...(initial.notices ?? [])];
    let custom: ScenarioSpec | null = null;
    if (initial.scenario !== undefined) {
      try {
        custom = parseScenario(initial.scenario);
      } catch (e) {
        notices.push(`The link's scenario is not valid: ${e instanceof ScenarioError ? e.problems.join('; ') : (e as Error).message}. Showing a built-in one.`);
      }
    }
    const scenarioId = custom?.id ?? initial.scenarioId ?? DEFAULT_SCENARIO_ID;
    let first: Simulation;
    try {
      first = Simulation.create(custom ?? builtinScenario(scenarioId)!, { seed: initial.seed, conf: initial.conf });
    } catch (e) {
      notices.push(`Could not start "${scenarioId}": ${(e as Error).message}. Showing "${DEFAULT_SCENARIO_ID}".`);
      custom = null;
      first = Simulation.create(builtinScenario(DEFAULT_SCENARIO_ID)!);
    }
    attachLog(first, get, set);
    let recorder = new RunRecorder(first.state);
    if (initial.run !== undefined || initial.at) {
      // a shared link or a reload: replay the run's commands up to the moment it showed
      const initialState = structuredClone(first.state);
      try {
        recorder.replay(first, initial.run === undefined ? [] : decodeCommands(initial.run, first.state.plan), initial.at ?? 0);
      } catch (e) {
        notices.push(`The link's run could not be replayed: ${(e as Error).message}. Starting the scenario without it.`);
        first = attachLog(new Simulation(initialState), get, set);
        recorder = new RunRecorder(first.state);
      }
    }
    return {
      recorder,
      commands: [...recorder.commands],
      shareable: true,
      headTime: recorder.headTime,
      markers: markersOf(first.state),
      rescale: null,
      scenarioId: first.state.scenarioId,
      customScenario: custom,
      seed: initial.seed,
      conf: initial.conf ?? {},
      sim: first,
      version: 0,
      displayTime: first.now,
      playing: false,
      speedPosition: DEFAULT_SPEED_POSITION,
      beat: 0,
      selectedSubtask: null,
      notices,
      log: [],
      oracle: null,

      load(id, seed, conf = {}, sameScenario = false) {
        try {
          const { customScenario } = get();
          // the scenario in force is reloaded from its own spec (a file's stays a file's)
          const spec = sameScenario && customScenario ? customScenario : builtinScenario(id);
          if (!spec) throw new Error(`scenario "${id}" does not exist`);
          const sim = build(spec, seed, conf);
          set({ scenarioId: id, customScenario: spec === customScenario ? customScenario : null, seed, conf, sim, recorder: new RunRecorder(sim.state), commands: [], shareable: true, headTime: 0, markers: [], version: get().version + 1, displayTime: 0, playing: false, selectedSubtask: null, log: [], beat: 0, oracle: null, rescale: null });
          return true;
        } catch (e) {
          get().notify(`Could not load "${id}": ${(e as Error).message}. The current run is kept.`);
          return false;
        }
      },
      openScenarioFile(name, text) {
        const read = readScenarioFile(text);
        if ('problem' in read) {
          get().notify(`Could not open ${name}: ${read.problem}. The current run is kept.`);
          return false;
        }
        try {
          const sim = build(read.spec, undefined, {});
          set({ scenarioId: read.spec.id, customScenario: read.spec, seed: undefined, conf: {}, sim, recorder: new RunRecorder(sim.state), commands: [], shareable: true, headTime: 0, markers: [], version: get().version + 1, displayTime: 0, playing: false, selectedSubtask: null, log: [], beat: 0, oracle: null, rescale: null });
          return true;
        } catch (e) {
          get().notify(`Could not open ${name}: ${(e as Error).message}. The current run is kept.`);
          return false;
        }
      },
      play() {
        set({ playing: true });
      },
      pause() {
        set({ playing: false });
      },
      togglePlay() {
        set({ playing: !get().playing });
      },
      step() {
        const { sim, recorder } = get();
        const ran = recorder.stepOne(sim);
        moved({ playing: false });
        if (!ran) get().notify('Nothing left to happen: every subtask has finished.');
      },
      seek(t) {
        const { recorder, log } = get();
        // the log up to the keyframe is still true; from there the replay narrates itself again
        let kept = log;
        const replayed: LogLine[] = [];
        let stop = () => {};
        // replaying a few seconds at least gives the log something to tell, even right on a keyframe
        const seen = recorder.seek(t, (s, from) => {
          kept = log.filter((l) => l.time < from);
          stop = narrateInto(s, replayed);
        }, LOG_REPLAY_MS);
        stop();
        const sim = attachLog(seen, get, set);
        set({ sim, playing: false, log: kept.concat(replayed).slice(-EVENT_LOG_LIMIT) });
        moved();
      },
      applySettings(conf) {
        try {
          command({ kind: 'set-config', conf });
          set({ conf });
          return true;
        } catch (e) {
          if (/shape the job itself/.test((e as Error).message)) {
            const ok = get().load(get().scenarioId, get().seed, conf, true);
            if (ok) get().notify('These settings shape the job itself (channels, sources, sinks, parallelism): a new run started with them.');
            return ok;
          }
          get().notify(`Settings not applied: ${(e as Error).message}. The current run is kept.`);
          return false;
        }
      },
      restoreFrom(snapshotId, parallelism, allowNonRestoredState) {
        const { sim: old, log } = get();
        try {
          const sim = attachLog(restoreJob(old.state, snapshotId, { parallelism, allowNonRestoredState }), get, set);
          set({
            sim, recorder: new RunRecorder(sim.state), commands: [], shareable: false, headTime: sim.now, playing: false, selectedSubtask: null, oracle: null,
            rescale: { snapshotId, before: old.state.plan, beforeState: old.state, after: sim.state.plan },
            // an earlier refused attempt is settled now
            notices: get().notices.filter((n) => !n.startsWith('Could not restore')),
            log: [...log, { id: nextLogId++, time: sim.now, kind: 'job', text: `New job started from ${snapshotId} with parallelism ${sim.state.plan.operators.map((o) => `${o.id}=${o.parallelism}`).join(', ')}${inFlight(sim.state) ? `; ${inFlight(sim.state)} in-flight records of its channel state are replayed first (a channel may hold more than its credits while they drain)` : ''}` }],
          });
          moved({ markers: markersOf(sim.state) });
          return true;
        } catch (e) {
          get().notify(`Could not restore from ${snapshotId}: ${(e as Error).message}`);
          return false;
        }
      },
      stepBack() {
        const { recorder, displayTime } = get();
        if (displayTime <= 0) return;
        get().seek(recorder.previousEventTime(displayTime));
      },
      reset() {
        const { scenarioId: id, seed, conf } = get();
        get().load(id, seed, conf, true);
      },
      setSpeed(position) {
        set({ speedPosition: Math.max(0, Math.min(100, Math.round(position))) });
      },
      advance(realMs) {
        const s = get();
        if (!s.playing) return;
        const sim = s.sim;
        if (s.speedPosition <= 0) {
          let beat = s.beat + realMs;
          let stepped = false;
          while (beat >= EVENT_BY_EVENT_BEAT_MS) {
            beat -= EVENT_BY_EVENT_BEAT_MS;
            stepped = s.recorder.stepOne(sim) || stepped;
          }
          moved({ beat, playing: stepped || sim.nextEventTime() !== undefined });
          return;
        }
        const target = s.displayTime + Math.min(realMs, 250) * speedMultiplier(s.speedPosition);
        s.recorder.advance(sim, target, MAX_EVENTS_PER_FRAME);
        const finished = sim.state.job.status === 'FINISHED';
        moved({ playing: !finished });
      },
      select(subtask) {
        set({ selectedSubtask: subtask });
      },
      triggerCheckpoint() {
        command({ kind: 'trigger-checkpoint' });
      },
      triggerSavepoint() {
        command({ kind: 'trigger-savepoint' });
      },
      stopWithSavepoint() {
        command({ kind: 'stop-with-savepoint' });
      },
      injectFault(fault) {
        command({ kind: 'fault', fault });
      },
      armFault(fault, when) {
        command({ kind: 'arm-fault', fault, when });
      },
      checkOracle() {
        const { sim } = get();
        set({ oracle: { at: sim.now, result: computeOracle(sim.state) } });
      },
      notify(message) {
        set({ notices: [...get().notices, message] });
      },
      dismissNotice(index) {
        set({ notices: get().notices.filter((_, i) => i !== index) });
      },
    };
  });
  // a run replayed from a link narrated its way to where it opens: show the tail of that
  flush(store.getState().sim);
  return store;
}

export type SimStoreApi = ReturnType<typeof createSimStore>;
