import { formatDuration, quote, type Simulation } from '../engine';
import { UsageError } from './args';

// The engine has no clock; the command does. It runs a simulation in slices of events and looks
// at the real time between slices, so an input within every limit that still asks for too much
// work (a day of a 10 ms checkpoint interval, say) ends with a message instead of never.

/** Real time one `sim` run may take unless SIM_WALL_LIMIT_MS says otherwise. */
export const DEFAULT_WALL_LIMIT_MS = 60_000;
export const WALL_LIMIT_ENV = 'SIM_WALL_LIMIT_MS';
const MAX_WALL_LIMIT_MS = 24 * 3_600_000;
/** Events between two looks at the clock: a few tens of milliseconds of work. */
export const EVENTS_PER_SLICE = 10_000;

export class WallLimitError extends Error {
  constructor(readonly limitMs: number, readonly reachedMs: number, readonly untilMs: number, readonly events: number) {
    super(`stopped after ${formatDuration(limitMs)} of real time, ${formatDuration(reachedMs)} into the ${formatDuration(untilMs)} asked for`
      + ` (${events.toLocaleString('en-US')} events); give a shorter --until, or lighten the job (a longer`
      + ` execution.checkpointing.interval, a lower sim.source.rate), or set ${WALL_LIMIT_ENV} to allow more time`);
    this.name = 'WallLimitError';
  }
}

/** The guard in milliseconds: the environment's SIM_WALL_LIMIT_MS, or the default. */
export function wallLimitFrom(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[WALL_LIMIT_ENV];
  if (text === undefined || text === '') return DEFAULT_WALL_LIMIT_MS;
  const ms = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 1 && ms <= MAX_WALL_LIMIT_MS)) throw new UsageError(`${WALL_LIMIT_ENV} takes whole milliseconds from 1 to ${MAX_WALL_LIMIT_MS}, got ${quote(text)}`);
  return ms;
}

/**
 * `sim.runUntil(untilMs)`, one slice of events at a time, event for event the same run; throws a
 * WallLimitError once `now()` says more than `limitMs` have passed.
 */
export function runWithinWallLimit(sim: Simulation, untilMs: number, limitMs: number, now: () => number, slice = EVENTS_PER_SLICE): void {
  const started = now();
  let events = 0;
  for (;;) {
    const ran = sim.runUntil(untilMs, slice);
    events += ran;
    if (ran < slice) return;
    if (now() - started > limitMs) throw new WallLimitError(limitMs, sim.now, untilMs, events);
  }
}
