import {
  builtinScenario, CHECKPOINT_ALGORITHMS, costWith, decodeCommands, DEFAULT_SCENARIO_ID, ReplayError, runCost, RunRecorder, Simulation,
  type RecordedCommand, type RunCost, type SimState, type UserCommand,
} from '../engine';
import { algorithmOf } from '../engine/checkpoint/algorithmCost';
import { checkCommands } from '../engine/timeline/dryCheck';
import type { RecorderOptions } from '../engine/timeline/recorder';
import { jobChangeOf, type JobChange } from '../engine/jobs/upgradeJob';
import type { AppState, RescaleInfo, RunActions, RunDriver, RunId, RunSetup, RunState, TimelineMarker } from './appState';
import { joinMarkers, markersOf, type JoinedMarkers } from './markers';
import { narrate, type LogLine } from './narrate';
import { currentScenario, readScenarioFile } from './scenarioFile';
import { settingsInForce } from './settingsInForce';
import type { SlicedWork } from './slicedWork';
import { oracleWork } from './oracleWork';

// One run: its simulation, the recorder of its commands (time travel), the narrated log, the
// oracle's verdict, the timeline's markers, the last rescale. Everything per run lives in the
// closure made here (log ids, narration), so two runs can share one store.

export const EVENT_LOG_LIMIT = 300;
/** a seek replays at least this much simulated time, so the event log shows what led there */
const LOG_REPLAY_MS = 4000;
/** engine events per piece of sliced work: with a tiny checkpoint interval one event can cost milliseconds */
export const EVENTS_PER_SLICE = 20;
/** while a long replay goes on, the run on screen follows it this often (real ms) */
const SHOW_REPLAY_EVERY_MS = 1000;
/** a seek that takes longer than this (real ms) goes on in pieces */
const SYNC_SEEK_MS = 150;

type SetApp = (fn: (s: AppState) => Partial<AppState>) => void;

/** What a run needs from the store around it. */
export interface RunContext {
  get: () => AppState;
  set: SetApp;
  notify(message: string): void;
  /** a new run started: the clock goes back to its start, the other runs with it */
  restarted(id: RunId): void;
  /** a command was refused while replaying: playback stops */
  halt(): void;
  startWork(work: SlicedWork): void;
  /** the time-travel recorder's options for a new run (two runs compared share the memory of one budget) */
  recorderOptions?(id: RunId): RecorderOptions;
  /** the run forked at `at` in the past; `left` is the history it was on. True: kept as a branch (branchesSlice.ts) */
  branched?(id: RunId, left: { commands: RecordedCommand[]; headTime: number }, at: number): boolean;
}

export interface RunInit {
  setup: RunSetup;
  /** a link's commands, decoded JSON not yet checked */
  run?: unknown;
  /** where a link opens */
  at?: number;
}

/** `rescale` is null after an upgrade that added operators: there is no before to show them in */
interface Replaced { at: number; markers: TimelineMarker[]; rescale: RescaleInfo | null; jobChange: JobChange | null }

function inFlight(state: SimState): number {
  return state.channels.reduce((n, ch) => n + ch.records, 0);
}

function sameCommands(a: RecordedCommand[], b: RecordedCommand[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

export function describeCommand(c: RecordedCommand): string {
  const what = c.command.kind === 'restore' ? `restore from ${c.command.snapshotId}` : c.command.kind === 'fault' || c.command.kind === 'arm-fault' ? `${c.command.kind} ${c.command.fault.kind}` : c.command.kind;
  return `"${what}" at ${(c.at / 1000).toFixed(3)} s`;
}

/**
 * The run `id` of the store, with its actions. `notices` collects what went wrong while it was made
 * (a link's commands the job refused, a scenario that does not start).
 */
export function createRunSlice(id: RunId, ctx: RunContext, init: RunInit, notices: string[]): RunState {
  let nextLogId = 0;
  /** narrated lines wait here and are handed to the store once per move */
  const pending: LogLine[] = [];
  let narrating: { target: LogLine[]; stop: () => void } = { target: pending, stop: () => {} };
  let replaced: Replaced[] = [];
  let refusals = 0;

  const narrateInto = (sim: Simulation, target: LogLine[]) => {
    narrating.stop();
    const stop = sim.subscribe((ev) => {
      const line = narrate(ev, sim.state);
      if (line) target.push({ ...line, id: nextLogId++ });
    });
    narrating = { target, stop };
  };

  const run = (): RunState => ctx.get().runs[id]!;
  const patch = (p: Partial<RunState>) => ctx.set((s) => ({ runs: { ...s.runs, [id]: { ...s.runs[id]!, ...p } } }));

  const newRecorder = (sim: Simulation): RunRecorder => {
    const recorder = new RunRecorder(sim.state, ctx.recorderOptions?.(id));
    recorder.onReplace = (next, previous, c) => {
      if (c.command.kind !== 'restore' && c.command.kind !== 'upgrade') return;
      const snapshotId = c.command.kind === 'restore' ? c.command.snapshotId : next.state.restores.at(-1)?.id ?? 0;
      const comparable = next.state.plan.operators.every((o) => previous.state.plan.operators.some((p) => p.id === o.id));
      const rescale: RescaleInfo | null = comparable ? { at: c.at, snapshotId, before: previous.state.plan, beforeState: previous.state, after: next.state.plan } : null;
      replaced = replaced.filter((r) => r.at < c.at).concat({ at: c.at, markers: markersOf(previous.state).filter((m) => m.time <= c.at), rescale, jobChange: c.command.kind === 'upgrade' ? jobChangeOf(previous.state, next.state, c.at) : null });
      const records = inFlight(next.state);
      narrating.target.push({
        id: nextLogId++, time: next.now, kind: 'job', ids: next.state.plan.operators.map((o) => `op:${o.id}`),
        text: `New job started from ${c.command.kind === 'upgrade' ? `savepoint ${snapshotId} (upgrade)` : snapshotId} with parallelism ${next.state.plan.operators.map((o) => `${o.id}=${o.parallelism}`).join(', ')}${records ? `; ${records} in-flight records of its channel state are replayed first (a channel may hold more than its credits while they drain)` : ''}`,
      });
      narrateInto(next, narrating.target);
    };
    return recorder;
  };

  // the same array while the marks are the same: the timeline draws them again only when they change
  let joined: JoinedMarkers | null = null;
  const markersAt = (sim: Simulation): TimelineMarker[] => (joined = joinMarkers([...replaced.filter((r) => r.at <= sim.now).map((r) => r.markers), markersOf(sim.state)], joined)).markers;
  const rescaleAt = (t: number): RescaleInfo | null => replaced.filter((r) => r.at <= t).at(-1)?.rescale ?? null;
  const jobChangeAt = (t: number): JobChange | null => replaced.filter((r) => r.at <= t).at(-1)?.jobChange ?? null;

  const takeLog = (log: LogLine[]): LogLine[] => {
    if (!pending.length) return log;
    const lines = pending.splice(0);
    return log.concat(lines.length > EVENT_LOG_LIMIT ? lines.slice(-EVENT_LOG_LIMIT) : lines).slice(-EVENT_LOG_LIMIT);
  };

  /** after the engine moved: log, head, markers and version follow */
  const moved = (extra: Partial<RunState> = {}, light = false) => {
    const r = run();
    const sim = extra.sim ?? r.sim;
    // reading every checkpoint of a long run for its markers on each piece of a replay would make it quadratic
    const atHead = !light && sim.now >= r.recorder.headTime;
    patch({
      sim, version: r.version + 1, headTime: r.recorder.headTime,
      markers: atHead ? markersAt(sim) : r.markers, rescale: rescaleAt(sim.now), jobChange: jobChangeAt(sim.now),
      commands: sameCommands(r.commands, r.recorder.commands) ? r.commands : [...r.recorder.commands],
      ...extra, log: takeLog(extra.log ?? r.log),
    });
  };

  /** a recorded command the job refused on the way: the run stops right before it */
  const refused = (e: ReplayError) => {
    refusals++;
    ctx.notify(`The run stops at ${(e.recorded.at / 1000).toFixed(3)} s: its command ${describeCommand(e.recorded)} could not be applied (${e.cause.message}). The run is kept up to there; what came after it was dropped.`);
    ctx.halt();
    moved({ sim: e.sim });
  };

  const command = (c: UserCommand) => {
    const r = run();
    const left = { commands: r.recorder.commands, headTime: r.recorder.headTime };
    const { forked, sim } = r.recorder.command(r.sim, c);
    if (forked) {
      replaced = replaced.filter((x) => x.at <= sim.now);
      if (!ctx.branched?.(id, left, sim.now)) ctx.notify(`You changed the past at ${(sim.now / 1000).toFixed(3)} s: the run after that moment was discarded, and it goes on from here.`);
    }
    moved({ sim, markers: markersAt(sim) });
  };

  /** A command that starts the job anew (submit, upgrade): refused, a notice says why and the run is kept;
   * done, an earlier refusal is settled and the selection and the oracle's verdict (of the old job) go. */
  const startsNewJob = (c: UserCommand, refusal: string): boolean => {
    try {
      command(c);
    } catch (e) {
      ctx.notify(`${refusal}: ${(e as Error).message}`);
      return false;
    }
    ctx.set((s) => ({ notices: s.notices.filter((n) => !n.startsWith(refusal)), view: { ...s.view, selectedSubtask: null } }));
    ctx.halt();
    patch({ oracle: null });
    return true;
  };

  /** a fresh run of `setup` (throws when its scenario or settings do not start) */
  const fresh = (setup: RunSetup) => {
    const sim = Simulation.create(currentScenario(setup), { seed: setup.seed, conf: setup.conf });
    pending.length = 0;
    replaced = [];
    narrateInto(sim, pending);
    return { ...setup, sim, recorder: newRecorder(sim), commands: [], headTime: sim.now, markers: [], log: [], oracle: null, rescale: null, jobChange: null, cost: null };
  };

  const start = (setup: RunSetup) => {
    patch({ ...fresh(setup), version: run().version + 1 });
    ctx.restarted(id);
  };

  const driver: RunDriver = {
    advanceTo(to, maxEvents, light = false) {
      const r = run();
      try {
        moved({ sim: r.recorder.advance(r.sim, to, maxEvents) }, light);
      } catch (e) {
        if (!(e instanceof ReplayError)) throw e;
        refused(e);
      }
      return run().sim.now;
    },
    nextTime: () => run().recorder.nextTime(run().sim),
    stepOne() {
      const r = run();
      try {
        const { sim, moved: ran } = r.recorder.stepOne(r.sim);
        moved({ sim });
        return ran;
      } catch (e) {
        if (!(e instanceof ReplayError)) throw e;
        refused(e);
        return false;
      }
    },
    seekTo(t, done) {
      const r = run();
      // the log up to the keyframe is still true; from there the replay narrates itself again
      let kept = r.log;
      const replayed: LogLine[] = [];
      const job = r.recorder.beginSeek(t, (s, from) => {
        kept = r.log.filter((l) => l.time < from);
        narrateInto(s, replayed);
      }, LOG_REPLAY_MS);
      const arrive = () => {
        narrateInto(job.sim, pending);
        moved({ sim: job.sim, log: kept.concat(replayed.slice(-EVENT_LOG_LIMIT)).slice(-EVENT_LOG_LIMIT) });
      };
      const started = performance.now();
      let arrived = false;
      while (!arrived && performance.now() - started < SYNC_SEEK_MS) arrived = job.run(EVENTS_PER_SLICE);
      if (!done || arrived) {
        job.run(Infinity);
        arrive();
        return true;
      }
      // a long stretch to replay: the rest in pieces, the page drawn in between
      ctx.startWork({
        label: `Seeking to t = ${(job.target / 1000).toFixed(3)} s`,
        holdsClock: true,
        step() {
          if (replayed.length > 4 * EVENT_LOG_LIMIT) replayed.splice(0, replayed.length - EVENT_LOG_LIMIT);
          return job.run(EVENTS_PER_SLICE);
        },
        progress: () => ({ done: job.sim.now - job.from, total: job.target - job.from }),
        end(cancelled) {
          // cancelled: the run stays where it was
          if (cancelled) narrateInto(run().sim, pending);
          else arrive();
          done(run().sim.now);
        },
      });
      return false;
    },
    previousEventTime: (t) => run().recorder.previousEventTime(t),
    replayWork(to, onMove) {
      const from = run().sim.now;
      const refusedBefore = refusals;
      let shown = performance.now();
      return {
        label: `Replaying the run to t = ${(to / 1000).toFixed(3)} s`,
        holdsClock: true,
        step() {
          const r = run();
          let sim: Simulation;
          try {
            sim = r.recorder.advance(r.sim, to, EVENTS_PER_SLICE);
          } catch (e) {
            if (!(e instanceof ReplayError)) throw e;
            refused(e);
            return true;
          }
          if (sim !== r.sim) patch({ sim });
          return sim.now >= to || refusals > refusedBefore;
        },
        frame() {
          // drawing the whole page costs more than a piece of replay: show the run now and then
          if (performance.now() - shown < SHOW_REPLAY_EVERY_MS) return;
          shown = performance.now();
          moved({}, true);
          onMove(run().sim.now);
        },
        progress: () => ({ done: run().sim.now - from, total: to - from }),
        end() {
          moved();
          onMove(run().sim.now);
        },
      };
    },
    finished: () => run().sim.state.job.status === 'FINISHED',
  };

  const actions: RunActions = {
    load(scenarioId, seed, conf = {}, sameScenario = false) {
      try {
        const { customScenario } = run();
        // the scenario in force is reloaded from its own spec (a file's stays a file's)
        const spec = sameScenario && customScenario ? customScenario : builtinScenario(scenarioId);
        if (!spec) throw new Error(`scenario "${scenarioId}" does not exist`);
        start({ scenarioId, customScenario: spec === customScenario ? customScenario : null, seed, conf });
        return true;
      } catch (e) {
        ctx.notify(`Could not load "${scenarioId}": ${(e as Error).message}. The current run is kept.`);
        return false;
      }
    },
    openScenarioFile(name, text) {
      const read = readScenarioFile(text);
      try {
        if ('problem' in read) throw new Error(read.problem);
        start({ scenarioId: read.spec.id, customScenario: read.spec, seed: undefined, conf: {} });
        return true;
      } catch (e) {
        ctx.notify(`Could not open ${name}: ${(e as Error).message}. The current run is kept.`);
        return false;
      }
    },
    reset() {
      // a new run with the settings shown at the moment the user left
      const r = run();
      actions.load(r.scenarioId, r.seed, settingsInForce(r, ctx.get().clock.displayTime), true);
    },
    triggerCheckpoint: () => command({ kind: 'trigger-checkpoint' }),
    triggerSavepoint: () => command({ kind: 'trigger-savepoint' }),
    stopWithSavepoint: () => command({ kind: 'stop-with-savepoint' }),
    injectFault: (fault) => command({ kind: 'fault', fault }),
    armFault: (fault, when) => command({ kind: 'arm-fault', fault, when }),
    applySettings(conf) {
      try {
        // the run's conf stays what it started with: the command carries the change (settingsInForce.ts)
        command({ kind: 'set-config', conf });
        return true;
      } catch (e) {
        if (/shape the job itself/.test((e as Error).message)) {
          const { scenarioId, seed } = run();
          const ok = actions.load(scenarioId, seed, conf, true);
          if (ok) ctx.notify('These settings shape the job itself (channels, sources, sinks, parallelism): a new run started with them.');
          return ok;
        }
        ctx.notify(`Settings not applied: ${(e as Error).message}. The current run is kept.`);
        return false;
      }
    },
    restoreFrom(snapshotId, parallelism, allowNonRestoredState) {
      try {
        command({ kind: 'restore', snapshotId, parallelism: { ...parallelism }, allowNonRestoredState });
      } catch (e) {
        ctx.notify(`Could not restore from ${snapshotId}: ${(e as Error).message}`);
        return false;
      }
      // an earlier refused attempt is settled now
      ctx.set((s) => ({ notices: s.notices.filter((n) => !n.startsWith('Could not restore')), view: { ...s.view, selectedSubtask: null } }));
      ctx.halt();
      patch({ oracle: null });
      return true;
    },
    cancelJob() {
      try {
        command({ kind: 'cancel' });
      } catch (e) {
        ctx.notify(`Could not cancel the job: ${(e as Error).message}`);
        return false;
      }
      ctx.halt();
      return true;
    },
    submitJob: (options) => startsNewJob({ kind: 'submit', ...options }, 'Could not submit the job'),
    upgradeJob: (scenario, allowNonRestoredState) => startsNewJob({ kind: 'upgrade', scenario, allowNonRestoredState }, 'Could not upgrade the job'),
    checkOracle() {
      const { sim } = run();
      const at = sim.now;
      ctx.startWork(oracleWork(sim.state, (result) => patch({ oracle: { at, result } })));
    },
    compareAlgorithms() {
      const live = run().sim.state;
      ctx.startWork(costWork(live, (cost) => patch({ cost })));
    },
    seek: (t) => ctx.get().clockActions.seek(t),
    step: () => ctx.get().clockActions.step(),
    stepBack: () => ctx.get().clockActions.stepBack(),
  };

  // the first run of this slice, and a link's commands
  let setup = init.setup;
  let first;
  try {
    first = fresh(setup);
  } catch (e) {
    notices.push(`Could not start "${setup.scenarioId}": ${(e as Error).message}. Showing "${DEFAULT_SCENARIO_ID}".`);
    setup = { scenarioId: DEFAULT_SCENARIO_ID, customScenario: null, seed: undefined, conf: {} };
    first = fresh(setup);
  }
  let { sim } = first;
  if (init.run !== undefined) {
    const loaded = loadCommands(first.recorder, sim, init.run, notices);
    sim = loaded;
  }
  return { id, version: 0, ...first, sim, commands: [...first.recorder.commands], headTime: first.recorder.headTime, markers: markersAt(sim), actions, driver };
}

/** Checks a link's commands against the job and takes them on; what the job refuses is reported. */
function loadCommands(recorder: RunRecorder, sim: Simulation, value: unknown, notices: string[]): Simulation {
  let commands: RecordedCommand[];
  try {
    commands = decodeLinkCommands(value, sim);
  } catch (e) {
    notices.push(`The link's run could not be replayed: ${(e as Error).message}. Starting the scenario without it.`);
    return sim;
  }
  try {
    return recorder.load(sim, commands);
  } catch (e) {
    if (!(e instanceof ReplayError)) throw e;
    notices.push(`The link's run stops at ${(e.recorded.at / 1000).toFixed(3)} s: its command ${describeCommand(e.recorded)} could not be applied (${e.cause.message}).`);
    return e.sim;
  }
}

function decodeLinkCommands(value: unknown, sim: Simulation): RecordedCommand[] {
  const commands = decodeCommands(value, sim.state.plan);
  checkCommands(sim.state, commands);
  return commands;
}

/** The Cost comparison as sliced work: each algorithm's replay from the run's setup, a piece at a time. */
function costWork(live: SimState, report: (cost: { at: number; rows: RunCost[]; done: boolean }) => void): SlicedWork {
  const rows: RunCost[] = [];
  const at = live.now;
  const raw = live.config.raw;
  let replay: { sim: Simulation; algorithm: string; current: boolean } | null = null;
  report({ at, rows: [], done: false });
  return {
    label: 'Comparing checkpoint algorithms',
    step() {
      if (!replay) {
        const entry = CHECKPOINT_ALGORITHMS[rows.length];
        const current = entry.algorithm === algorithmOf(raw);
        try {
          replay = { sim: Simulation.create(live.scenario, { seed: live.seed, conf: { ...raw, ...entry.conf } }), algorithm: entry.algorithm, current };
        } catch {
          // refused settings: the engine names why
          rows.push(costWith({ scenario: live.scenario, seed: live.seed, config: live.config, now: at }, entry));
          report({ at, rows: [...rows], done: rows.length === CHECKPOINT_ALGORITHMS.length });
          return rows.length === CHECKPOINT_ALGORITHMS.length;
        }
      }
      replay.sim.runUntil(at, EVENTS_PER_SLICE);
      if (replay.sim.now < at) return false;
      rows.push(runCost(replay.sim.state, replay.algorithm, replay.current));
      replay = null;
      report({ at, rows: [...rows], done: rows.length === CHECKPOINT_ALGORITHMS.length });
      return rows.length === CHECKPOINT_ALGORITHMS.length;
    },
    progress: () => ({ done: rows.length * at + (replay?.sim.now ?? 0), total: CHECKPOINT_ALGORITHMS.length * at }),
    end(cancelled) {
      if (cancelled) report({ at, rows: [...rows], done: true });
    },
  };
}
