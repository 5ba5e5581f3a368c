import type { Rec } from '../model/types';
import type { SimState } from '../sim/state';
import { transactionPrefix } from '../runtime/sink';
import type { ScenarioSpec } from '../scenarios/schema';
import { ScenarioError } from '../scenarios/validate';
import { assignState, stateMappingFor, StateRestoreError } from '../jobs/assignState';
import { snapshotByOperator } from '../jobs/operatorSnapshot';
import type { StateMapping } from '../jobs/stateMapping';
import { createInitialState, Simulation } from '../sim/simulation';
import type { CompletedCheckpoint } from './types';
import { redistributeChannelState } from './channelStateRedistribution';
import { carryCommittedOffsets } from '../runtime/committedOffsets';

// Starting a job from a retained checkpoint or a savepoint, possibly with another parallelism per
// operator, as `flink run -s` does. Keyed state moves by key group to the subtask whose new range
// holds it; operator state is redistributed (source splits even-split, sink transactions
// even-split); the max parallelism of a keyed operator must not change; state of an operator the
// new job lacks needs allow-non-restored-state.

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreOptions {
  /** new parallelism per operator id; others keep theirs (a plain object counts its own keys only) */
  parallelism?: ReadonlyMap<string, number> | Record<string, number>;
  /** the job to start; default: the same scenario */
  scenario?: ScenarioSpec;
  allowNonRestoredState?: boolean;
}

export function findSnapshot(state: SimState, id: number): CompletedCheckpoint | undefined {
  return [...state.coordinator.retained, ...state.coordinator.savepoints].find((c) => c.id === id);
}

/** The snapshot laid out for the new job's subtasks, matched by operator id (jobs/assignState.ts). */
function rescaleSnapshot(old: SimState, snap: CompletedCheckpoint, next: SimState, allowNonRestored: boolean): { checkpoint: CompletedCheckpoint; mapping: StateMapping } {
  let assigned;
  try {
    assigned = assignState(snapshotByOperator(old, snap), next, allowNonRestored);
  } catch (e) {
    if (e instanceof StateRestoreError) throw new RestoreError(e.message);
    throw e;
  }
  const subtasks = assigned.checkpoint.subtasks;
  if (holdsChannelState(snap)) {
    if (sameChannels(old, next)) {
      // the same channels: the state stays where it was, input and output side
      for (const [sid, s] of Object.entries(snap.subtasks)) {
        if (!subtasks[sid]) continue;
        subtasks[sid].inputChannelState = structuredClone(s.inputChannelState);
        subtasks[sid].outputChannelState = structuredClone(s.outputChannelState);
      }
    } else {
      let moved;
      try {
        moved = redistributeChannelState(old, snap, next);
      } catch (e) {
        throw new RestoreError((e as Error).message);
      }
      for (const [sid, byChannel] of moved) {
        if (subtasks[sid]) subtasks[sid].inputChannelState = Object.fromEntries(byChannel);
      }
    }
  }
  return { checkpoint: { ...snap, subtasks }, mapping: assigned.mapping };
}

function holdsChannelState(snap: CompletedCheckpoint): boolean {
  return Object.values(snap.subtasks).some((s) => Object.keys(s.inputChannelState).length > 0 || Object.keys(s.outputChannelState).length > 0);
}

const sameChannels = (a: SimState, b: SimState) => a.plan.channels.length === b.plan.channels.length
  && a.plan.channels.every((c, i) => c.from === b.plan.channels[i].from && c.to === b.plan.channels[i].to);

// Operator ids come from the user: a plain object is read by its own keys only, never through
// its prototype ("constructor" would find Object).
function parallelismByOperator(p: RestoreOptions['parallelism']): ReadonlyMap<string, number> {
  if (!p) return new Map();
  return p instanceof Map ? p : new Map(Object.entries(p));
}

/** The snapshot and the new job's initial state, at `old`'s current time, before any state is assigned. */
function prepareRestore(old: SimState, id: number, options: RestoreOptions): { snap: CompletedCheckpoint; state: SimState } {
  const snap = findSnapshot(old, id);
  if (!snap) throw new RestoreError(`no retained checkpoint or savepoint ${id}; retained: ${[...old.coordinator.retained, ...old.coordinator.savepoints].map((c) => c.id).join(', ') || 'none'}`);
  const base = options.scenario ?? old.scenario;
  const parallelism = parallelismByOperator(options.parallelism);
  const scenario: ScenarioSpec = {
    ...base,
    faults: [],
    operators: base.operators.map((o) => (parallelism.has(o.id) ? { ...o, parallelism: parallelism.get(o.id)! } : o)),
  };
  // a slow subtask is a property of the machine it ran on: one that no longer exists is gone
  const parallelismOf = (opId: string) => scenario.operators.find((o) => o.id === opId)?.parallelism ?? 0;
  if (scenario.slowSubtasks) scenario.slowSubtasks = scenario.slowSubtasks.filter((s) => s.subtask < parallelismOf(s.operator));
  for (const opId of parallelism.keys()) {
    if (!scenario.operators.some((o) => o.id === opId)) throw new ScenarioError([`parallelism: no operator has id "${opId}"`]);
  }
  const state = createInitialState(scenario, { seed: old.seed, conf: old.config.raw });
  // The new job starts now: its first events move to the old job's current time.
  for (const q of state.queue) q.time += old.now;
  state.now = old.now;
  return { snap, state };
}

/**
 * What a restore of snapshot `id` into the job `options` describe would do with each operator's
 * state (matched, orphaned, new), without starting it: the page shows it before and after.
 */
export function restoreMapping(old: SimState, id: number, options: RestoreOptions = {}): StateMapping {
  const { snap, state } = prepareRestore(old, id, options);
  return stateMappingFor(snapshotByOperator(old, snap), state);
}

/** A new job started from snapshot `id` of `old`, at `old`'s current time. */
export function restoreJob(old: SimState, id: number, options: RestoreOptions = {}): Simulation {
  const { snap, state } = prepareRestore(old, id, options);
  const { checkpoint: rescaled } = rescaleSnapshot(old, snap, state, options.allowNonRestoredState === true);
  // Ids continue after the restored one; the restored snapshot is the initial restore point.
  state.coordinator.nextId = snap.id + 1;
  state.coordinator.savepoints = old.coordinator.savepoints.map((s) => structuredClone(s));
  state.coordinator.retained = [rescaled];
  state.job.generation = old.job.generation + 1;
  carryExternalSystems(old, state);
  const sim = new Simulation(state);
  sim.restoreFrom(rescaled);
  return sim;
}

/** A new job reads and writes the same external systems: Kafka's consumer groups, the sinks' data. */
export function carryExternalSystems(old: SimState, state: SimState): void {
  carryCommittedOffsets(old, state);
  // Sinks write to the same external system: what the old job committed stays written, and the
  // system knows every transaction it committed, whichever new subtask asks.
  for (const oldOp of old.plan.operators.filter((o) => o.kind === 'sink')) {
    const newOp = state.plan.operators.find((o) => o.id === oldOp.id);
    if (!newOp) continue;
    const committedTxns = oldOp.subtasks.flatMap((sid) => old.subtasks[sid].sink!.committedTxns);
    newOp.subtasks.forEach((sid, i) => {
      const to = state.subtasks[sid].sink!;
      to.txnPrefix = transactionPrefix(state.job.generation, newOp.id, i);
      to.committedTxns = [...committedTxns];
    });
    oldOp.subtasks.forEach((sid, i) => {
      const from = old.subtasks[sid].sink!;
      const to = state.subtasks[newOp.subtasks[i % newOp.parallelism]].sink!;
      to.received.push(...(from.received as Rec[]));
      to.committed.push(...(from.committed as Rec[]));
      to.count += from.count;
      for (const [key, rec] of from.upserts) to.upserts.set(key, rec);
      for (const [key, at] of from.finalAt) {
        if ((to.finalAt.get(key) ?? -1) <= at) {
          to.finalAt.set(key, at);
          to.finalValue.set(key, from.finalValue.get(key)!);
        }
      }
    });
  }
}
