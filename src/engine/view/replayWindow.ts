import { Simulation } from '../sim/simulation';
import { applyCommand, type RunRecorder } from '../timeline/recorder';
import type { TraceListener } from '../trace/events';
import type { SimState } from '../sim/state';

// Some pictures need what happened, not only what is: which transaction a write went into, which
// records slipped past a barrier. The engine keeps no history, but a run replays exactly: this
// replays a stretch of it from the recorder's nearest keyframe, on a copy, telling a listener every
// trace event. The run itself, its recorder and its listeners are not touched.

/** Engine events a replay may run: past it the picture says it is incomplete rather than freeze the page. */
export const REPLAY_EVENT_BUDGET = 400_000;

export interface ReplayWindow {
  /** the replay's own simulation where it stopped (another job's, if a restore replaced it) */
  state: SimState;
  /** when the replay began (the keyframe's time, at or before `from`) */
  from: number;
  /** false when it ran out of events before `to` */
  complete: boolean;
}

/**
 * Replays the run from the latest keyframe at or before `from` up to `to`, applying its recorded
 * commands as the recorder does. `begin` is told each simulation the replay runs (the first one
 * as it starts; another when a restore replaced the job) and returns the trace listener for it.
 */
export function replayWindow(
  recorder: Pick<RunRecorder, 'keyframes' | 'commands'>, from: number, to: number,
  begin: (state: SimState, at: number) => TraceListener, budget = REPLAY_EVENT_BUDGET,
): ReplayWindow {
  let kf = recorder.keyframes[0];
  for (const k of recorder.keyframes) if (k.time <= from) kf = k;
  let sim = new Simulation(structuredClone(kf.state));
  let stop = sim.subscribe(begin(sim.state, sim.now));
  let left = budget;
  const pending = recorder.commands.slice(kf.commands).filter((c) => c.at <= to);
  for (const c of pending) {
    left -= sim.runUntil(c.at, left);
    if (left <= 0 && (sim.nextEventTime() ?? Infinity) <= c.at) return { state: sim.state, from: kf.time, complete: false };
    let next: Simulation;
    try {
      next = applyCommand(sim, c.command);
    } catch {
      break; // the run itself stopped here (its recorder dropped the command and what came after)
    }
    if (next !== sim) {
      stop();
      sim = next;
      stop = sim.subscribe(begin(sim.state, sim.now));
    }
  }
  left -= sim.runUntil(to, left);
  stop();
  return { state: sim.state, from: kf.time, complete: !(left <= 0 && (sim.nextEventTime() ?? Infinity) <= to) };
}
