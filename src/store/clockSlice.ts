import type { AppState, ClockActions, ClockState, RunState } from './appState';
import { isMoment, MOMENT_MAX_MS, nextMomentOf, previousMomentOf } from './moments';
import { DEFAULT_SPEED_POSITION, EVENT_BY_EVENT_BEAT_MS, keyframeStretch, speedMultiplier } from './speed';
import { EngineBudget } from './engineBudget';

// The one playback clock of the page: every run moves with it, so runs side by side always show
// the same simulated moment.

/** at most this many engine events per run per animation frame, so fast-forward never freezes the page */
export const MAX_EVENTS_PER_FRAME = 50_000;

type Set = (fn: (s: AppState) => Partial<AppState>) => void;

export function runsOf(s: AppState): RunState[] {
  return s.runs.b ? [s.runs.a, s.runs.b] : [s.runs.a];
}

export function createClockSlice(set: Set, get: () => AppState, notify: (message: string) => void): { clock: ClockState; clockActions: ClockActions } {
  const clock = (p: Partial<ClockState>) => set((s) => ({ clock: { ...s.clock, ...p } }));
  // the engine's share of a frame, in events measured per millisecond (engineBudget.ts)
  const budget = new EngineBudget(undefined, MAX_EVENTS_PER_FRAME);
  /** the last frame's runs stopped short of the speed's target: the engine's share bounded it */
  let engineBound = false;
  /** when the last playing frame began (performance.now()): frames are timed here, not by the caller's realMs */
  let lastFrameAt: number | undefined;
  /** every run one event on: the run whose next event comes first steps, the others catch up to it */
  const stepAll = (): boolean => {
    const runs = runsOf(get());
    let first: RunState | null = null;
    let firstTime = Infinity;
    for (const r of runs) {
      const t = r.driver.nextTime();
      if (t !== undefined && t < firstTime) [first, firstTime] = [r, t];
    }
    if (!first) return false;
    const ran = first.driver.stepOne();
    const now = get().runs[first.id]!.sim.now;
    for (const r of runs) if (r !== first) r.driver.advanceTo(now, Infinity);
    clock({ displayTime: now });
    return ran;
  };
  const actions: ClockActions = {
    play: () => clock({ playing: true }),
    pause: () => clock({ playing: false }),
    togglePlay: () => clock({ playing: !get().clock.playing }),
    setSpeed: (position) => clock({ speedPosition: Math.max(0, Math.min(100, Math.round(position))) }),
    advance(realMs) {
      const { clock: c } = get();
      if (!c.playing) return;
      if (c.speedPosition <= 0) {
        let beat = c.beat + realMs;
        let stepped = false;
        while (beat >= EVENT_BY_EVENT_BEAT_MS) {
          beat -= EVENT_BY_EVENT_BEAT_MS;
          stepped = stepAll() || stepped;
        }
        const more = runsOf(get()).some((r) => r.driver.nextTime() !== undefined);
        clock({ beat, playing: get().clock.playing && (stepped || more) });
        return;
      }
      // the last frame's length, start to start: a long one while the engine was bounded leaves it less of the next
      const frameAt = performance.now();
      if (lastFrameAt !== undefined) budget.observeFrame(frameAt - lastFrameAt, engineBound);
      lastFrameAt = frameAt;
      const target = c.displayTime + Math.min(realMs, 250) * speedMultiplier(c.speedPosition);
      let reached = target;
      const runs = runsOf(get());
      const events = () => runsOf(get()).reduce((n, r) => n + r.sim.state.stats.events, 0);
      const e0 = events();
      const t0 = performance.now();
      const stretch = keyframeStretch(c.speedPosition);
      for (const r of runs) {
        r.recorder.keyframeStretch = stretch;
        reached = Math.min(reached, r.driver.advanceTo(target, Math.ceil(budget.events() / runs.length)));
      }
      budget.observe(events() - e0, performance.now() - t0);
      engineBound = reached < target;
      const finished = runsOf(get()).every((r) => r.driver.finished());
      // a run that cannot go on (the simulator's run guard stopped it) must not leave the page playing with time stuck
      const stuck = reached <= c.displayTime && target > c.displayTime;
      if (stuck) {
        const why = runsOf(get()).map((r) => r.sim.state.job.failure).find(Boolean);
        notify(`The run cannot go on past t = ${(reached / 1000).toFixed(3)} s${why ? `: ${why}` : ''}. Playback paused.`);
      }
      // a run that stopped (a refused command) paused the clock meanwhile: it stays paused
      clock({ displayTime: reached, playing: get().clock.playing && !finished && !stuck });
    },
    seek(t) {
      const runs = runsOf(get());
      const was = get().clock.displayTime;
      // no run is shown past how far it has been taken, and all show one moment
      const target = Math.max(0, Math.min(t, ...runs.map((r) => r.recorder.headTime)));
      clock({ playing: false });
      // one run after the other: a long replay goes on in pieces before the next run's
      const from = (i: number): void => {
        for (; i < runs.length; i++) {
          const arrived = runs[i].driver.seekTo(target, (now) => {
            if (now === target) from(i + 1);
            else {
              // cancelled: the runs that moved go back to the moment still shown
              for (const r of runs.slice(0, i)) r.driver.seekTo(was);
            }
          });
          if (!arrived) return;
        }
        clock({ displayTime: target });
      };
      from(0);
    },
    step() {
      const ran = stepAll();
      clock({ playing: false });
      if (!ran) notify('Nothing left to happen: every subtask has finished.');
    },
    nextMoment() {
      const runs = runsOf(get());
      const start = get().clock.displayTime;
      clock({ playing: false });
      // where each run's next moment is, looked for on copies; the first one is where every run stops
      const ahead = runs.map((r) => nextMomentOf(r.sim, r.recorder));
      let first = -1;
      for (let i = 0; i < runs.length; i++) {
        const m = ahead[i].time;
        if (m !== undefined && (first < 0 || m < ahead[first].time!)) first = i;
      }
      if (first < 0) {
        const reached = Math.min(...ahead.map((a) => a.reached));
        for (const r of runs) r.driver.advanceTo(reached, Infinity);
        clock({ displayTime: Math.min(...runsOf(get()).map((r) => r.sim.now)) });
        const shown = get().clock.displayTime;
        if (ahead.every((a) => a.ended)) notify(`No checkpoint or failure is left to happen: the run stopped at t = ${(shown / 1000).toFixed(3)} s.`);
        else notify(`No checkpoint or failure in the next ${MOMENT_MAX_MS / 1000} s: stopped at t = ${(shown / 1000).toFixed(3)} s.`);
        return;
      }
      const at = ahead[first].time!;
      const lead = runs[first];
      // the lead run: at once to the instant before, then event by event until the moment happened
      lead.driver.advanceTo(Math.max(start, ahead[first].before), Infinity);
      let seen = false;
      const sim = get().runs[lead.id]!.sim;
      const stop = sim.subscribe((ev) => {
        if (isMoment(ev, sim.state)) seen = true;
      });
      for (let n = 0; n < 100_000 && !seen && get().runs[lead.id]!.sim.now <= at; n++) {
        if (!lead.driver.stepOne()) break;
        // a restore replaced the job: that is the moment
        if (get().runs[lead.id]!.sim !== sim) seen = true;
      }
      stop();
      const t = get().runs[lead.id]!.sim.now;
      for (const r of runs) if (r !== lead) r.driver.advanceTo(t, Infinity);
      clock({ displayTime: t });
    },
    previousMoment() {
      const t = get().clock.displayTime;
      const times = runsOf(get()).map((r) => previousMomentOf(r.recorder, t)).filter((m): m is number => m !== undefined);
      // the store's seek: it ends a replay under way first
      if (times.length) get().clockActions.seek(Math.max(...times));
      else if (t > 0) get().clockActions.seek(0);
    },
    stepBack() {
      const { clock: c } = get();
      if (c.displayTime <= 0) return;
      actions.seek(Math.max(...runsOf(get()).map((r) => r.driver.previousEventTime(c.displayTime))));
    },
  };
  return { clock: { displayTime: 0, playing: false, speedPosition: DEFAULT_SPEED_POSITION, beat: 0 }, clockActions: actions };
}
