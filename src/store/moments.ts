import { applyCommand, Simulation, type RecordedCommand, type RunRecorder, type SimState, type TraceEvent } from '../engine';

// Moments that matter, for a presenter's clicker: a checkpoint starts, a barrier reaches a task
// with several inputs (alignment starts), a task snapshots (alignment over), a checkpoint completes
// or fails, a task or a process fails, the job is restored. `nextMoment` and `previousMoment` of
// the clock look for them here, on copies of a run: the run shown is never touched.

/** at most this many engine events are looked through for the next moment */
export const MOMENT_MAX_EVENTS = 200_000;
/** and at most this much simulated time ahead (ms) */
export const MOMENT_MAX_MS = 60_000;

/** Whether `ev` is a moment that matters. `state`: the simulation's state when it happened. */
export function isMoment(ev: TraceEvent, state: SimState): boolean {
  switch (ev.type) {
    case 'checkpoint-triggered':
    case 'snapshot-started':
    case 'checkpoint-completed':
    case 'checkpoint-failed':
    case 'task-failed':
    case 'taskmanager-lost':
    case 'jobmanager-failed':
    case 'job-restored':
      return true;
    case 'alignment-started':
      // with one input channel the first barrier is the last one: nothing to align (the snapshot follows)
      return (state.plan.subtasks[ev.subtask]?.inputChannels.length ?? 0) > 1;
    default:
      return false;
  }
}

/** What a look ahead found. */
export interface MomentAhead {
  /** the moment's time; undefined when none came within the limits */
  time: number | undefined;
  /** the last instant before the moment's (or the start): the run can be advanced there at once */
  before: number;
  /** how far the look got */
  reached: number;
  /** nothing is left to happen in the run */
  ended: boolean;
}

/** hears each trace event of a copy, and each restore (`null`: a command replaced the job) */
type Seen = (ev: TraceEvent | null, time: number, state: SimState) => void;

interface Walk {
  sim: Simulation;
  commands: RecordedCommand[];
  next: number;
  seen: Seen;
}

function listen(w: Walk): void {
  const sim = w.sim;
  sim.subscribe((ev) => w.seen(ev, ev.time, sim.state));
}

function walkFrom(state: SimState, commands: RecordedCommand[], seen: Seen): Walk {
  const w: Walk = { sim: new Simulation(structuredClone(state)), commands, next: 0, seen };
  listen(w);
  return w;
}

/** when the copy's next step happens: an engine event or a recorded command; undefined: nothing left */
function upcoming(w: Walk): number | undefined {
  const next = w.sim.nextEventTime();
  const c = w.commands[w.next];
  return c && (next === undefined || c.at < next) ? c.at : next;
}

/** One engine event, or a due recorded command (applied after every event of its instant, as the recorder does). */
function stepWalk(w: Walk): void {
  const nextEvent = w.sim.nextEventTime();
  const c = w.commands[w.next];
  if (c && (nextEvent === undefined || c.at < nextEvent)) {
    w.sim.runUntil(c.at);
    w.next++;
    const next = applyCommand(w.sim, c.command);
    if (next !== w.sim) {
      w.sim = next;
      listen(w);
      w.seen(null, c.at, next.state);
    }
    return;
  }
  w.sim.step();
}

/**
 * The next moment of a run shown as `sim` (with the recorded commands still ahead of it), looked
 * for on a copy within `maxEvents` events and `maxMs` of simulated time.
 */
export function nextMomentOf(sim: Simulation, recorder: Pick<RunRecorder, 'commands'>, maxEvents = MOMENT_MAX_EVENTS, maxMs = MOMENT_MAX_MS): MomentAhead {
  const start = sim.now;
  const limit = start + maxMs;
  let found: number | undefined;
  const w = walkFrom(sim.state, recorder.commands.filter((c) => c.at > start), (ev, time, state) => {
    if (found === undefined && (ev === null || isMoment(ev, state))) found = time;
  });
  let before = start;
  let current = start;
  for (let n = 0; n < maxEvents; n++) {
    const next = upcoming(w);
    if (next === undefined) return { time: undefined, before: current, reached: current, ended: true };
    if (next > limit) return { time: undefined, before: limit, reached: limit, ended: false };
    stepWalk(w);
    if (w.sim.now > current) [before, current] = [current, w.sim.now];
    if (found !== undefined) return { time: found, before: Math.min(before, found), reached: found, ended: false };
  }
  return { time: undefined, before: current, reached: current, ended: false };
}

/**
 * The time of the last moment strictly before `t` in the run a recorder keeps, or undefined when
 * there is none: replays copies of its keyframes, one keyframe further back until one is found.
 */
export function previousMomentOf(recorder: Pick<RunRecorder, 'commands' | 'keyframes'>, t: number): number | undefined {
  const frames = recorder.keyframes.filter((k) => k.time < t);
  for (let end = frames.length; end > 0; end--) {
    const kf = frames[end - 1];
    // a keyframe holds every event of its instant: the window ends with the next keyframe's instant
    const stop = end < frames.length ? frames[end].time : t;
    let latest: number | undefined;
    const w = walkFrom(kf.state, recorder.commands.slice(kf.commands).filter((c) => c.at < t), (ev, time, state) => {
      if (time < t && (ev === null || isMoment(ev, state))) latest = time;
    });
    for (;;) {
      const next = upcoming(w);
      if (next === undefined || next >= t || next > stop) break;
      stepWalk(w);
    }
    if (latest !== undefined) return latest;
  }
  return undefined;
}
