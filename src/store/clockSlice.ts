import type { AppState, ClockActions, ClockState, RunState } from './appState';
import { DEFAULT_SPEED_POSITION, EVENT_BY_EVENT_BEAT_MS, speedMultiplier } from './speed';

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
      const target = c.displayTime + Math.min(realMs, 250) * speedMultiplier(c.speedPosition);
      let reached = target;
      for (const r of runsOf(get())) reached = Math.min(reached, r.driver.advanceTo(target, MAX_EVENTS_PER_FRAME));
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
    stepBack() {
      const { clock: c } = get();
      if (c.displayTime <= 0) return;
      actions.seek(Math.max(...runsOf(get()).map((r) => r.driver.previousEventTime(c.displayTime))));
    },
  };
  return { clock: { displayTime: 0, playing: false, speedPosition: DEFAULT_SPEED_POSITION, beat: 0 }, clockActions: actions };
}
