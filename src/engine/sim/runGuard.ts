import type { SimState } from './state';
import type { Runtime } from '../runtime/runtime';
import { clearChannel } from '../runtime/channels';
import { failCheckpoint, stopCheckpointScheduler } from '../checkpoint/coordinator';

// The simulator keeps every record in flight, every record a sink keeps, every pending event and
// the whole checkpoint history in memory. A scenario within the limits (scenarios/limits.ts) can
// still outgrow that over a long run: sinks with `retain: -1` at a million records per second, a
// histogram of ever-growing sums. Flink would go on; the page would run out of memory. The guard
// stops such a run as failed by the simulator, never by Flink: no restart strategy is asked.
//
// The bounds are generous for an hour of every built-in scenario. Measured over 20 s of simulated
// time and extrapolated to an hour: `backpressure` keeps the most sink records (9 a second, written
// and committed: about 32,000); `wide` has the most items in channels (about 2,100, flat over time)
// and pending events stay under 100; the history of `wide` holds at most 720 checkpoints × 32
// subtasks = 23,040 acknowledgements; `bench` keeps the most keyed state (10,000 counts, flat).
// Each bound is at least 30 times the largest of these.

export const RUN_LIMITS = {
  /** records, barriers and markers in channels; capacities bound the records to 262,144 */
  channelItems: 1_000_000,
  /** mails waiting in the tasks' mailboxes */
  mails: 100_000,
  /** records sinks keep: written, committed, in open and pre-committed transactions */
  sinkRecords: 1_000_000,
  /** events in the event queue */
  queuedEvents: 1_000_000,
  /** checkpoints in the history × subtasks: each keeps an acknowledgement per subtask */
  checkpointAcks: 2_000_000,
  /** keyed state: a value counts one, a list its elements, a map its entries */
  keyedStateValues: 2_000_000,
} as const;

export type RunLimit = keyof typeof RUN_LIMITS;
export type RunLimits = Record<RunLimit, number>;

/** Events between two checks: the check costs O(channels + subtasks), so it runs now and then. */
export const GUARD_EVERY_EVENTS = 1024;
/** Keyed state costs a walk over every key: it is counted on every 64th check only. */
const KEYED_STATE_EVERY_CHECKS = 64;

const WHAT: Record<RunLimit, { what: string; hint: string }> = {
  channelItems: { what: 'items in channels', hint: 'lower sim.channel.capacity' },
  mails: { what: 'mails waiting in task mailboxes', hint: 'lower the processing costs or lengthen the checkpoint interval' },
  sinkRecords: { what: 'records kept by sinks (written and committed counted apart)', hint: 'give the sinks a retain bound, or lower the source rates or flat-map copies' },
  queuedEvents: { what: 'pending events', hint: 'lower the source rates or flat-map copies' },
  checkpointAcks: { what: 'checkpoint acknowledgements in the history (checkpoints × subtasks)', hint: 'lengthen execution.checkpointing.interval or shorten the run' },
  keyedStateValues: { what: 'keyed state values', hint: 'use fewer keys, or wider histogram buckets' },
};

export interface GuardTrip {
  limit: RunLimit;
  size: number;
  bound: number;
}

function channelItems(state: SimState): number {
  let n = 0;
  for (const ch of state.channels) n += ch.items.length - ch.head + ch.priority.length;
  return n;
}

function mails(state: SimState): number {
  let n = 0;
  for (const st of state.subtasks) n += st.mailbox.length;
  return n;
}

function sinkRecords(state: SimState): number {
  let n = 0;
  for (const st of state.subtasks) {
    const sink = st.sink;
    if (!sink) continue;
    n += sink.received.length + sink.committed.length + sink.open.length;
    for (const t of sink.precommitted) n += t.records.length;
  }
  return n;
}

/** Keyed state values of every subtask, counted until `stopAt`. */
function keyedStateValues(state: SimState, stopAt: number): number {
  let n = 0;
  for (const st of state.subtasks) {
    for (const group of st.keyed.values()) {
      for (const entry of group.values()) {
        for (const v of entry.values()) n += Array.isArray(v) ? v.length : v instanceof Map ? v.size : 1;
      }
      if (n > stopAt) return n;
    }
  }
  return n;
}

const checkpointAcks = (state: SimState) => state.coordinator.history.length * state.plan.subtasks.length;

/** Every size the guard bounds, keyed state counted in full. */
export function runSizes(state: SimState): RunLimits {
  return {
    channelItems: channelItems(state), mails: mails(state), sinkRecords: sinkRecords(state), queuedEvents: state.queue.length,
    checkpointAcks: checkpointAcks(state), keyedStateValues: keyedStateValues(state, Infinity),
  };
}

/**
 * What of the run has grown past its bound, or null. Pure; O(channels + subtasks + sink subtasks),
 * plus O(keyed state) when `keyedState` is asked for.
 */
export function runGrowth(state: SimState, limits: RunLimits = RUN_LIMITS, keyedState = true): GuardTrip | null {
  const trip = (limit: RunLimit, size: number) => (size > limits[limit] ? { limit, size, bound: limits[limit] } : null);
  return trip('queuedEvents', state.queue.length)
    ?? trip('checkpointAcks', checkpointAcks(state))
    ?? trip('channelItems', channelItems(state))
    ?? trip('mails', mails(state))
    ?? trip('sinkRecords', sinkRecords(state))
    ?? (keyedState ? trip('keyedStateValues', keyedStateValues(state, limits.keyedStateValues)) : null);
}

const fmt = (n: number) => n.toLocaleString('en-US');

const GUARD_PREFIX = "stopped by the simulator's run guard, not by Flink";

/** Whether a job failure is the run guard's (the run is over for the simulator's own reason). */
export function stoppedByRunGuard(failure: string | null): boolean {
  return failure !== null && failure.startsWith(GUARD_PREFIX);
}

export function guardMessage(trip: GuardTrip): string {
  const { what, hint } = WHAT[trip.limit];
  return `${GUARD_PREFIX}: ${what} grew to ${fmt(trip.size)}, past the ${fmt(trip.bound)} this simulator keeps (${hint})`;
}

/**
 * The job fails for the simulator's own reason: pending checkpoints fail, tasks are cancelled,
 * channels and the event queue are emptied, and nothing more happens (no restart).
 */
export function stopRunawayRun(rt: Runtime, message: string): void {
  const state = rt.state;
  // FAILED first: whatever the checkpoints' failure sets off finds the job over
  state.job.status = 'FAILED';
  state.job.failure = message;
  state.recovery.armed = [];
  state.recovery.pendingAttempt = 0;
  for (const id of [...state.coordinator.pending]) failCheckpoint(rt, id, 'job-failure');
  stopCheckpointScheduler(state);
  state.stopTheWorld = null;
  let lost = 0;
  state.channels.forEach((ch, id) => {
    if (ch.items.length === ch.head && ch.priority.length === 0) return;
    const records = clearChannel(ch).filter((i) => i.kind === 'record').length;
    ch.priority = [];
    lost += records;
    rt.emit({ type: 'channel-cleared', time: state.now, channel: id, records });
  });
  let canceled = 0;
  for (const st of state.subtasks) {
    if (st.status !== 'FINISHED' && st.status !== 'FAILED' && st.status !== 'CANCELED') {
      st.status = 'CANCELED';
      canceled++;
    }
    st.mailbox = [];
    st.snapshots = [];
    st.alignment = null;
    st.blockedInputs = [];
    st.backpressured = false;
  }
  rt.emit({ type: 'tasks-canceled', time: state.now, subtasks: state.subtasks.length, canceled, recordsLost: lost });
  state.queue.length = 0;
  rt.emit({ type: 'job-status', time: state.now, status: 'FAILED', reason: message });
}

/** The step loop's hook, every GUARD_EVERY_EVENTS events: stops the run if it has grown past a bound. */
export function guardRun(rt: Runtime): void {
  const state = rt.state;
  if (state.job.status !== 'RUNNING' && state.job.status !== 'RESTARTING') return;
  const keyed = state.stats.events % (GUARD_EVERY_EVENTS * KEYED_STATE_EVERY_CHECKS) === 0;
  const trip = runGrowth(state, RUN_LIMITS, keyed);
  if (trip) stopRunawayRun(rt, guardMessage(trip));
}
