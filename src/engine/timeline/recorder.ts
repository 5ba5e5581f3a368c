import type { SimState } from '../model/types';
import type { CheckpointPhase, Fault } from '../faults/faultSpec';
import { Simulation } from '../sim/simulation';

// Time travel on the deterministic engine. A run is its initial state plus the user's commands,
// each at a simulated time; keyframes (clones of the plain state) are taken as the run advances
// and thinned as it grows, so memory stays bounded. Seeking restores the nearest keyframe and
// replays to the target. A command given in the past forks the run there: the future is discarded.

export type UserCommand =
  | { kind: 'fault'; fault: Fault }
  | { kind: 'arm-fault'; fault: Fault; when: CheckpointPhase }
  | { kind: 'trigger-checkpoint' }
  | { kind: 'trigger-savepoint' }
  | { kind: 'stop-with-savepoint' }
  | { kind: 'set-config'; conf: Record<string, string> };

export interface RecordedCommand { at: number; command: UserCommand }

export interface RecorderOptions {
  keyframeEveryMs?: number;
  maxKeyframes?: number;
  /** keyframes are thinned to stay within this many (estimated) bytes, however long the run */
  maxKeyframeBytes?: number;
}

/** A cheap estimate of a state's size in memory: what grows with the run. */
export function estimateStateBytes(state: SimState): number {
  let n = 64 * 1024;
  for (const st of state.subtasks) {
    if (st.sink) n += 110 * (st.sink.received.length + st.sink.committed.length + st.sink.open.length);
    for (const g in st.keyed) n += 120 * Object.keys(st.keyed[g]).length;
  }
  for (const ch of state.channels) n += 110 * (ch.items.length + ch.priority.length);
  n += 1500 * state.coordinator.history.length + 120 * state.queue.length;
  return n;
}

export function applyCommand(sim: Simulation, c: UserCommand): void {
  switch (c.kind) {
    case 'fault': sim.injectFault(c.fault); break;
    case 'arm-fault': sim.armFault(c.fault, c.when); break;
    case 'trigger-checkpoint': sim.triggerCheckpoint(); break;
    case 'trigger-savepoint': sim.triggerSavepoint(); break;
    case 'stop-with-savepoint': sim.stopWithSavepoint(); break;
    case 'set-config': sim.reconfigure(c.conf); break;
  }
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

  constructor(initial: SimState, options: RecorderOptions = {}) {
    this.spacing = options.keyframeEveryMs ?? 1000;
    this.maxKeyframes = options.maxKeyframes ?? 240;
    this.maxBytes = options.maxKeyframeBytes ?? 48 * 2 ** 20;
    this.keyframes.push({ time: initial.now, state: structuredClone(initial), commands: 0, bytes: estimateStateBytes(initial) });
    this.headTime = initial.now;
  }

  /** Runs `sim` forward to `to`, applying recorded commands on the way and keyframing new ground. */
  advance(sim: Simulation, to: number, maxEvents = Infinity): void {
    let budget = maxEvents;
    while (sim.now < to && budget > 0) {
      const nextCommand = this.commands.find((c) => c.at > sim.now);
      const lastKf = this.keyframes[this.keyframes.length - 1].time;
      const nextKeyframe = sim.now >= this.headTime ? Math.max(lastKf + this.spacing, sim.now + 1e-9) : Infinity;
      const stop = Math.min(to, nextCommand ? nextCommand.at : Infinity, nextKeyframe);
      budget -= sim.runUntil(stop, budget);
      if (sim.now < stop) break; // out of event budget for this frame
      if (nextCommand && sim.now === nextCommand.at) {
        for (const c of this.commands.filter((x) => x.at === stop)) applyCommand(sim, c.command);
      }
      if (sim.now === nextKeyframe && sim.now > this.keyframes[this.keyframes.length - 1].time) {
        this.keyframe(sim.state, this.commands.filter((c) => c.at <= sim.now).length);
      }
    }
    this.headTime = Math.max(this.headTime, sim.now);
  }

  /**
   * Replays a run carried elsewhere (a link): `sim` is its initial state, `commands` its commands.
   * Commands due at the very start are applied here; `advance` applies only those still ahead.
   */
  replay(sim: Simulation, commands: RecordedCommand[], to: number): void {
    this.commands = [...commands];
    sim.runUntil(sim.now);
    for (const c of this.commands.filter((x) => x.at === sim.now)) applyCommand(sim, c.command);
    this.advance(sim, to);
  }

  private keyframe(state: SimState, commands: number): void {
    this.keyframes.push({ time: state.now, state: structuredClone(state), commands, bytes: estimateStateBytes(state) });
    while (this.keyframes.length > this.maxKeyframes || (this.keyframes.length > 8 && this.keyframeBytes() > this.maxBytes)) {
      // thin: keep every other keyframe but the first; the spacing of new ones doubles
      const kept = this.keyframes.filter((_, i) => i === 0 || i % 2 === 0);
      this.keyframes.length = 0;
      this.keyframes.push(...kept);
      this.spacing *= 2;
    }
  }

  keyframeBytes(): number {
    return this.keyframes.reduce((n, k) => n + k.bytes, 0);
  }

  /** One step: the next engine event, or a recorded command due before it. */
  stepOne(sim: Simulation): boolean {
    const next = sim.nextEventTime();
    const due = this.commands.find((c) => c.at > sim.now && (next === undefined || c.at <= next));
    let moved: boolean;
    if (due) {
      this.advance(sim, due.at);
      moved = true;
    } else moved = sim.step();
    this.headTime = Math.max(this.headTime, sim.now);
    return moved;
  }

  /**
   * A simulation exactly as the run was at `t` (not past how far the run has been taken).
   * `watch` sees the simulation before it replays from its keyframe (at `from`) to `t`.
   */
  seek(t: number, watch?: (sim: Simulation, from: number) => void, replayAtLeastMs = 0): Simulation {
    const target = Math.max(0, Math.min(t, this.headTime));
    let kf = this.keyframes[0];
    for (const k of this.keyframes) if (k.time <= target - replayAtLeastMs) kf = k;
    const sim = new Simulation(structuredClone(kf.state));
    watch?.(sim, kf.time);
    const pending = this.commands.slice(kf.commands).filter((c) => c.at <= target);
    for (const c of pending) {
      sim.runUntil(c.at);
      applyCommand(sim, c.command);
    }
    sim.runUntil(target);
    return sim;
  }

  /** The time of the last event before `t`: where one step back lands. */
  previousEventTime(t: number): number {
    let kf = this.keyframes[0];
    for (const k of this.keyframes) if (k.time < t) kf = k;
    const sim = new Simulation(structuredClone(kf.state));
    const commands = this.commands.slice(kf.commands).filter((c) => c.at < t);
    let last = kf.time;
    for (;;) {
      const next = sim.nextEventTime();
      if (next === undefined || next >= t) return last;
      const due = commands.filter((c) => c.at < next && c.at >= sim.now);
      for (const c of due) {
        sim.runUntil(c.at);
        applyCommand(sim, c.command);
        commands.splice(commands.indexOf(c), 1);
      }
      sim.step();
      last = sim.now;
    }
  }

  /** Records a command at `sim.now`, applies it, and forks when it is given in the past. */
  command(sim: Simulation, command: UserCommand): { forked: boolean } {
    // Stepping may stop between events of the same instant; a replay applies the command after
    // all of them (runUntil), so finish the instant first.
    sim.runUntil(sim.now);
    const at = sim.now;
    const forked = at < this.headTime;
    applyCommand(sim, command); // first: a refused command changes nothing
    if (forked) {
      this.commands = this.commands.filter((c) => c.at <= at);
      while (this.keyframes.length > 1 && this.keyframes[this.keyframes.length - 1].time > at) this.keyframes.pop();
      this.headTime = at;
    }
    this.commands.push({ at, command });
    return { forked };
  }
}
