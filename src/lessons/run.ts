import {
  ConfigError, RunRecorder, Simulation, type RecordedCommand, type SimState, type TraceEvent,
} from '../engine';
import { isMilestone } from './events';
import { memoOracle, type RunView } from './facts';
import { LESSON_LIMITS } from './limits';
import { startState, type LessonSetup } from './parse';
import type { Predicate } from './predicate';
import { watch, type Watch } from './watch';

// One run of a lesson, headless: a simulation and its run recorder, the milestones its facts read,
// and the channels alignment blocked. A step runs in a window: the step's commands are recorded at
// their times (counted from the step's start), events run one by one, and the window closes when
// `until` holds or its time is up. A fork carries on from the same moment without touching this run.
//
// A set-config command whose keys shape the job itself (sinks, sources, channels) cannot change a
// running job: like the page's Settings, it starts a new run with those settings, and the step's
// clock starts again with it.

export interface WindowSpec {
  commands: readonly RecordedCommand[];
  until?: Predicate;
  goal?: Predicate;
  withinMs: number;
}

export interface WindowResult {
  /** `until` held (always true without one) */
  fired: boolean;
  /** `goal` held when the window closed (undefined without one) */
  goal?: boolean;
  /** why the window ended early: out of events, a command the job refused */
  error?: string;
  /** the step's start and end in simulated time (the start moves when a command started a new run) */
  startedAt: number;
  endedAt: number;
}

const SHAPES_THE_JOB = /shape the job itself/;

export class LessonRun implements RunView {
  sim: Simulation;
  recorder: RunRecorder;
  milestones: TraceEvent[] = [];
  everBlocked = new Map<number, Set<number>>();
  /** every event this run and the runs forked from it have run: the lesson's budget */
  readonly spent: { events: number };
  /** extra configuration of the new run a command started */
  private extraConf: Record<string, string>;
  private listeners: ((ev: TraceEvent) => void)[] = [];
  readonly oracle = memoOracle(() => this.sim.state);

  private constructor(readonly setup: LessonSetup, state: SimState, spent: { events: number }, extraConf: Record<string, string>) {
    this.spent = spent;
    this.extraConf = extraConf;
    this.sim = new Simulation(state);
    this.recorder = new RunRecorder(state);
    this.attach();
  }

  static start(setup: LessonSetup): LessonRun {
    return new LessonRun(setup, startState(setup), { events: 0 }, {});
  }

  get state(): SimState {
    return this.sim.state;
  }

  /** A run that goes on from this moment on its own (same lesson budget). */
  fork(): LessonRun {
    const f = new LessonRun(this.setup, structuredClone(this.sim.state), this.spent, { ...this.extraConf });
    f.milestones = [...this.milestones];
    f.everBlocked = new Map([...this.everBlocked].map(([ch, cps]) => [ch, new Set(cps)]));
    return f;
  }

  private attach(): void {
    this.recorder.onReplace = (next) => {
      this.sim = next;
      this.attachSim();
    };
    this.attachSim();
  }

  private attachSim(): void {
    this.sim.subscribe((ev) => {
      if (isMilestone(ev) && this.milestones.length < LESSON_LIMITS.milestones) this.milestones.push(ev);
      for (const l of this.listeners) l(ev);
    });
  }

  private noteBlocked(): void {
    for (const st of this.sim.state.subtasks) {
      for (const ch of st.blockedInputs) {
        let cps = this.everBlocked.get(ch);
        if (!cps) this.everBlocked.set(ch, (cps = new Set()));
        cps.add(st.alignment?.checkpointId ?? 0);
      }
    }
  }

  /** A new run with `conf` on top, from time 0 (a setting that shapes the job). */
  private restartWith(conf: Record<string, string>): void {
    this.extraConf = { ...this.extraConf, ...conf };
    const state = startState(this.setup, this.extraConf);
    this.sim = new Simulation(state);
    this.recorder = new RunRecorder(state);
    this.milestones = [];
    this.everBlocked = new Map();
    this.attach();
  }

  /** Runs one step's window; see WindowSpec. */
  runWindow(spec: WindowSpec): WindowResult {
    let startedAt = this.sim.now;
    let watches: { until?: Watch; goal?: Watch } = {};
    const begin = () => {
      const ctx = { plan: this.sim.state.plan, now: () => this.sim.now, startedAt, view: this as RunView };
      watches = { until: spec.until && watch(spec.until, ctx), goal: spec.goal && watch(spec.goal, ctx) };
    };
    const listener = (ev: TraceEvent) => {
      watches.until?.onEvent(ev);
      watches.goal?.onEvent(ev);
    };
    this.listeners.push(listener);
    begin();
    const pending = spec.commands.map((c) => ({ ...c })).sort((a, b) => a.at - b.at);
    let error: string | undefined;
    let stepEvents = 0;
    const fired = () => !watches.until || watches.until.holds();
    try {
      for (;;) {
        if (spec.until && fired()) break;
        const deadline = startedAt + spec.withinMs;
        const next = pending[0];
        const stop = next ? Math.min(startedAt + next.at, deadline) : deadline;
        const t = this.sim.nextEventTime();
        if (t !== undefined && t <= stop) {
          if (stepEvents >= LESSON_LIMITS.stepEvents || this.spent.events >= LESSON_LIMITS.lessonEvents) {
            error = `out of the event budget (${LESSON_LIMITS.stepEvents} events a step, ${LESSON_LIMITS.lessonEvents} a lesson)`;
            break;
          }
          this.sim.step();
          stepEvents++;
          this.spent.events++;
          this.noteBlocked();
          continue;
        }
        this.sim.runUntil(stop);
        if (next && startedAt + next.at <= deadline) {
          pending.shift();
          if (!this.command(next.command)) {
            // a new run: the step's clock starts again, with the commands still ahead
            const restartAt = next.at;
            for (const c of pending) c.at = Math.max(0, c.at - restartAt);
            startedAt = this.sim.now;
            spec = { ...spec, withinMs: Math.max(0, spec.withinMs - restartAt) };
            begin();
          }
          continue;
        }
        break; // the window's time is up
      }
    } catch (e) {
      error = (e as Error).message;
    } finally {
      this.listeners.splice(this.listeners.indexOf(listener), 1);
    }
    const goal = watches.goal ? !error && watches.goal.holds() : undefined;
    return { fired: !error && fired(), goal, error, startedAt, endedAt: this.sim.now };
  }

  /** Records and applies a command; false when it started a new run instead. */
  private command(c: RecordedCommand['command']): boolean {
    try {
      this.sim = this.recorder.command(this.sim, c).sim;
      return true;
    } catch (e) {
      if (c.kind === 'set-config' && e instanceof ConfigError && SHAPES_THE_JOB.test(e.message)) {
        this.restartWith(c.conf);
        return false;
      }
      throw e;
    }
  }
}
