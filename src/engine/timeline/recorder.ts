import type { SimState } from '../sim/state';
import type { CheckpointPhase, Fault } from '../faults/faultSpec';
import { Simulation } from '../sim/simulation';
import { restoreJob } from '../checkpoint/restoreJob';
import { upgradeJob } from '../jobs/upgradeJob';
import { cancelJob } from '../jobs/cancelJob';
import { submitJob } from '../jobs/submitJob';
import type { ClaimMode } from '../jobs/claimMode';
import type { StartingOffsets } from '../runtime/startingOffsets';
import type { ScenarioSpec } from '../scenarios/schema';
import { keyframeCopy } from './keyframeClone';

// Time travel on the deterministic engine. A run is its initial state plus the user's commands,
// each at a simulated time; keyframes (clones of the plain state) are taken as the run advances
// and thinned one at a time as it grows, so memory stays bounded and level. Seeking restores the nearest keyframe and
// replays to the target. A command given in the past forks the run there: the future is discarded.
// A restore replaces the job: the recorder's methods hand back the simulation to go on with, and
// keyframes taken after it hold the new job's plan.

export type UserCommand =
  | { kind: 'fault'; fault: Fault }
  | { kind: 'arm-fault'; fault: Fault; when: CheckpointPhase }
  | { kind: 'trigger-checkpoint' }
  | { kind: 'trigger-savepoint' }
  | { kind: 'stop-with-savepoint' }
  | { kind: 'set-config'; conf: Record<string, string> }
  /** a new job from a retained checkpoint or savepoint (`flink run -s`), other parallelism per operator id */
  | { kind: 'restore'; snapshotId: number; parallelism: Record<string, number>; allowNonRestoredState: boolean }
  /** stop-with-savepoint, then the changed job from that savepoint (jobs/upgradeJob.ts) */
  | { kind: 'upgrade'; scenario: ScenarioSpec; allowNonRestoredState: boolean }
  /** `flink cancel`: retained checkpoints follow externalized-checkpoint-retention (jobs/cancelJob.ts) */
  | { kind: 'cancel' }
  /** `flink run` again after the job ended, empty or from a snapshot (`-s`), in a claim mode (jobs/submitJob.ts) */
  | { kind: 'submit'; snapshotId?: number; claimMode?: ClaimMode; allowNonRestoredState?: boolean; startingOffsets?: StartingOffsets };

export interface RecordedCommand { at: number; command: UserCommand }

/** estimated state bytes per simulated ms between keyframes: a 1 MB state at most every second */
const KEYFRAME_BYTES_PER_MS = 1000;

export interface RecorderOptions {
  keyframeEveryMs?: number;
  maxKeyframes?: number;
  /** keyframes are thinned to stay within this many (estimated) bytes, however long the run */
  maxKeyframeBytes?: number;
}

/**
 * The default of maxKeyframeBytes. Thinned one at a time, keyframes stay near it once a run is long;
 * halving swung them between 24 and 48 MB, so this holds on average what that did.
 */
export const DEFAULT_KEYFRAME_BYTES = 36 * 2 ** 20;

/** estimated bytes of one record of the checkpoint history */
const HISTORY_RECORD_BYTES = 1500;

/** A cheap estimate of a state's size in memory: what grows with the run. */
export function estimateStateBytes(state: SimState): number {
  let n = 64 * 1024;
  for (const st of state.subtasks) {
    if (st.sink) n += 110 * (st.sink.received.length + st.sink.committed.length + st.sink.open.length);
    for (const group of st.keyed.values()) n += 120 * group.size;
  }
  for (const ch of state.channels) n += 110 * (ch.items.length + ch.priority.length);
  n += HISTORY_RECORD_BYTES * state.coordinator.history.length + 120 * state.queue.length;
  return n;
}

/** Applies `c` to `sim`; returns the simulation to go on with (another one when `c` replaced the job). */
export function applyCommand(sim: Simulation, c: UserCommand): Simulation {
  switch (c.kind) {
    case 'fault': sim.injectFault(c.fault); break;
    case 'arm-fault': sim.armFault(c.fault, c.when); break;
    case 'trigger-checkpoint': sim.triggerCheckpoint(); break;
    case 'trigger-savepoint': sim.triggerSavepoint(); break;
    case 'stop-with-savepoint': sim.stopWithSavepoint(); break;
    case 'set-config': sim.reconfigure(c.conf); break;
    case 'restore': return restoreJob(sim.state, c.snapshotId, { parallelism: c.parallelism, allowNonRestoredState: c.allowNonRestoredState });
    case 'upgrade': return upgradeJob(sim, c.scenario, { allowNonRestoredState: c.allowNonRestoredState });
    case 'cancel': cancelJob(sim); break;
    case 'submit': return submitJob(sim, c);
  }
  return sim;
}

/** A recorded command the job refused while being replayed: the run stops right before it. */
export class ReplayError extends Error {
  /** `sim`: the run as it was right before the command, to go on with */
  constructor(readonly index: number, readonly recorded: RecordedCommand, readonly cause: Error, readonly sim: Simulation) {
    super(`command ${index + 1} (${recorded.command.kind} at ${recorded.at} ms) could not be applied: ${cause.message}`);
    this.name = 'ReplayError';
  }
}

export interface SeekJob {
  readonly target: number;
  /** the keyframe's time the replay starts from */
  readonly from: number;
  /** the simulation so far (another one once a restore on the way replaced the job) */
  sim: Simulation;
  run(maxEvents: number): boolean;
}

export class RunRecorder {
  /** `commands`: how many of the recorded commands the keyframe's state already includes */
  readonly keyframes: { time: number; state: SimState; commands: number; bytes: number }[] = [];
  commands: RecordedCommand[] = [];
  /** how far the run has been taken */
  headTime = 0;
  private spacing: number;
  private readonly maxKeyframes: number;
  private readonly maxBytes: number;
  /**
   * How much further apart new keyframes are than the rule says: a page fast-forwarding sets it
   * above 1, since a keyframe's clone costs the same real time at any speed (wide at 50x spent a
   * fifth of its CPU cloning). Where keyframes fall changes no result, only how far a seek replays.
   */
  keyframeStretch = 1;
  /** told whenever a command replaced the job in a simulation this recorder runs (to move listeners over) */
  onReplace?: (next: Simulation, previous: Simulation, command: RecordedCommand) => void;

  constructor(initial: SimState, options: RecorderOptions = {}) {
    this.spacing = options.keyframeEveryMs ?? 1000;
    this.maxKeyframes = options.maxKeyframes ?? 240;
    this.maxBytes = options.maxKeyframeBytes ?? DEFAULT_KEYFRAME_BYTES;
    this.keyframes.push({ time: initial.now, state: structuredClone(initial), commands: 0, bytes: estimateStateBytes(initial) });
    this.headTime = initial.now;
  }

  /**
   * Runs `sim` forward to `to`, applying recorded commands on the way and keyframing new ground;
   * returns the simulation to go on with. A recorded command the job refuses ends the run before it
   * (it and the commands after it are dropped) and throws a ReplayError.
   */
  advance(sim: Simulation, to: number, maxEvents = Infinity): Simulation {
    let budget = maxEvents;
    while (sim.now < to && budget > 0) {
      const nextCommand = this.commands.find((c) => c.at > sim.now);
      const last = this.keyframes[this.keyframes.length - 1];
      // a large state is cloned less often: a keyframe never costs more than its share of the run
      const nextKeyframe = sim.now >= this.headTime ? Math.max(last.time + Math.max(this.spacing, last.bytes / KEYFRAME_BYTES_PER_MS) * this.keyframeStretch, sim.now + 1e-9) : Infinity;
      const stop = Math.min(to, nextCommand ? nextCommand.at : Infinity, nextKeyframe);
      budget -= sim.runUntil(stop, budget);
      if (sim.now < stop) break; // out of event budget for this frame
      if (nextCommand && sim.now === nextCommand.at) {
        for (const c of this.commands.filter((x) => x.at === stop)) sim = this.applyRecorded(sim, c);
      }
      if (sim.now === nextKeyframe && sim.now > this.keyframes[this.keyframes.length - 1].time) {
        this.keyframe(sim.state, this.commands.filter((c) => c.at <= sim.now).length);
      }
    }
    this.headTime = Math.max(this.headTime, sim.now);
    return sim;
  }

  private applyRecorded(sim: Simulation, c: RecordedCommand, replaced = this.onReplace): Simulation {
    let next: Simulation;
    try {
      next = applyCommand(sim, c.command);
    } catch (e) {
      const index = this.commands.indexOf(c);
      this.commands = this.commands.slice(0, Math.max(0, index));
      this.headTime = Math.max(this.headTime, sim.now);
      throw new ReplayError(index, c, e as Error, sim);
    }
    if (next !== sim) replaced?.(next, sim, c);
    return next;
  }

  /**
   * Takes on a run carried elsewhere (a link): `sim` is its initial state, `commands` its commands.
   * Commands due at the very start are applied here; `advance` applies only those still ahead.
   */
  load(sim: Simulation, commands: RecordedCommand[]): Simulation {
    this.commands = [...commands];
    sim.runUntil(sim.now);
    for (const c of this.commands.filter((x) => x.at === sim.now)) sim = this.applyRecorded(sim, c);
    return sim;
  }

  /** `load`, then `advance` to `to`. */
  replay(sim: Simulation, commands: RecordedCommand[], to: number): Simulation {
    return this.advance(this.load(sim, commands), to);
  }

  private keyframe(state: SimState, commands: number): void {
    const { state: copy, shared } = keyframeCopy(state, this.keyframes[this.keyframes.length - 1].state);
    this.keyframes.push({ time: state.now, state: copy, commands, bytes: estimateStateBytes(state) - HISTORY_RECORD_BYTES * shared });
    let thinned = false;
    while (this.keyframes.length > 2 && (this.keyframes.length > this.maxKeyframes || (this.keyframes.length > 8 && this.keyframeBytes() > this.maxBytes))) {
      this.keyframes.splice(this.closestKeyframe(), 1);
      thinned = true;
    }
    // Thinning one at a time, not every other one at once, keeps the memory level as the run grows
    // (halving swung it between half the budget and all of it). New keyframes then come about as
    // far apart as the kept ones are on average, so each takes one old one's place.
    if (thinned) {
      const kept = this.keyframes;
      this.spacing = Math.max(this.spacing, (kept[kept.length - 1].time - kept[0].time) / (kept.length - 1));
    }
  }

  /** The keyframe (neither the first nor the last) whose neighbours are closest: dropping it widens the gaps least; the oldest on a tie. */
  private closestKeyframe(): number {
    const k = this.keyframes;
    let best = 1;
    for (let i = 2; i < k.length - 1; i++) if (k[i + 1].time - k[i - 1].time < k[best + 1].time - k[best - 1].time) best = i;
    return best;
  }

  keyframeBytes(): number {
    return this.keyframes.reduce((n, k) => n + k.bytes, 0);
  }

  /** The time of the next engine event or recorded command, or undefined when nothing is left. */
  nextTime(sim: Simulation): number | undefined {
    const next = sim.nextEventTime();
    const due = this.commands.find((c) => c.at > sim.now);
    return due && (next === undefined || due.at <= next) ? due.at : next;
  }

  /** One step: the next engine event, or a recorded command due before it. */
  stepOne(sim: Simulation): { sim: Simulation; moved: boolean } {
    const next = sim.nextEventTime();
    const due = this.commands.find((c) => c.at > sim.now && (next === undefined || c.at <= next));
    let moved: boolean;
    if (due) {
      sim = this.advance(sim, due.at);
      moved = true;
    } else moved = sim.step();
    this.headTime = Math.max(this.headTime, sim.now);
    return { sim, moved };
  }

  /**
   * A simulation exactly as the run was at `t` (not past how far the run has been taken).
   * `watch` sees the simulation before it replays from its keyframe (at `from`) to `t`.
   */
  seek(t: number, watch?: (sim: Simulation, from: number) => void, replayAtLeastMs = 0): Simulation {
    const job = this.beginSeek(t, watch, replayAtLeastMs);
    job.run(Infinity);
    return job.sim;
  }

  /** `seek` a piece at a time: `run` replays at most `maxEvents` events and says whether it arrived. */
  beginSeek(t: number, watch?: (sim: Simulation, from: number) => void, replayAtLeastMs = 0): SeekJob {
    const target = Math.max(0, Math.min(t, this.headTime));
    let kf = this.keyframes[0];
    for (const k of this.keyframes) if (k.time <= target - replayAtLeastMs) kf = k;
    const pending = this.commands.slice(kf.commands).filter((c) => c.at <= target);
    let next = 0;
    const job: SeekJob = {
      target,
      from: kf.time,
      sim: new Simulation(structuredClone(kf.state)),
      run: (maxEvents) => {
        let budget = maxEvents;
        for (;;) {
          const c = pending[next];
          const stop = c ? c.at : target;
          budget -= job.sim.runUntil(stop, budget);
          if (job.sim.now < stop || (budget <= 0 && job.sim.nextEventTime() !== undefined && job.sim.nextEventTime()! <= stop)) return false;
          if (!c) return true;
          job.sim = this.applyRecorded(job.sim, c);
          next++;
        }
      },
    };
    watch?.(job.sim, kf.time);
    return job;
  }

  /** The time of the last event before `t`: where one step back lands. */
  previousEventTime(t: number): number {
    let kf = this.keyframes[0];
    for (const k of this.keyframes) if (k.time < t) kf = k;
    let sim = new Simulation(structuredClone(kf.state));
    const commands = this.commands.slice(kf.commands).filter((c) => c.at < t);
    let last = kf.time;
    for (;;) {
      const next = sim.nextEventTime();
      if (next === undefined || next >= t) return last;
      const due = commands.filter((c) => c.at < next && c.at >= sim.now);
      for (const c of due) {
        sim.runUntil(c.at);
        sim = applyCommand(sim, c.command);
        commands.splice(commands.indexOf(c), 1);
      }
      sim.step();
      last = sim.now;
    }
  }

  /** Records a command at `sim.now`, applies it, and forks when it is given in the past. */
  command(sim: Simulation, command: UserCommand): { forked: boolean; sim: Simulation } {
    // Stepping may stop between events of the same instant; a replay applies the command after
    // all of them (runUntil), so finish the instant first.
    sim.runUntil(sim.now);
    const at = sim.now;
    const forked = at < this.headTime;
    const next = applyCommand(sim, command); // first: a refused command changes nothing
    if (forked) {
      this.commands = this.commands.filter((c) => c.at <= at);
      while (this.keyframes.length > 1 && this.keyframes[this.keyframes.length - 1].time > at) this.keyframes.pop();
      this.headTime = at;
    }
    const recorded = { at, command };
    this.commands.push(recorded);
    if (next !== sim) this.onReplace?.(next, sim, recorded);
    this.headTime = Math.max(this.headTime, at);
    return { forked, sim: next };
  }
}
