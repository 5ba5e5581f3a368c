import type { PlanOperator, Rec } from '../model/types';
import type { SimState } from '../sim/state';
import { Simulation } from '../sim/simulation';
import { stoppedByRunGuard } from '../sim/runGuard';
import { requestWake } from '../runtime/runtime';
import { removeEvents } from '../sim/eventQueue';
import { KAFKA_MAX_TIMEOUT_MS } from '../runtime/sink';
import { JUDGED_ORDER, judgeSinks, type Judged, type SinkJudgement, type SinkKind } from './sinkJudgement';

export type { Judged as OracleJudged } from './sinkJudgement';

// The exactly-once oracle. Both runs are drained to the same point in the sources' logs: the
// actual run (faults and all) stops its sources where they are and lets everything in flight
// reach the sinks; the reference run (same scenario, seed and configuration, no faults) reads the
// very same offsets. Their committed outputs are then compared, sink by sink, as far as the job
// defines them whatever the timing (sinkJudgement.ts): per key, or as a multiset of records.

export interface OracleKey {
  key: string; expected: number; actual: number; duplicates: number; missing: number;
  /** the last value committed for the key (the final aggregate), expected and actual; null where the job defines none */
  expectedFinal: number | null; actualFinal: number | null;
}
export interface OracleResult {
  verdict: 'exactly-once' | 'duplicates' | 'loss' | 'duplicates-and-loss' | 'wrong-result' | 'job-failed' | 'inconclusive';
  duplicates: number;
  missing: number;
  keys: OracleKey[];
  /** record ids (source/partition/offset/sub) written more often than expected, and never written */
  duplicateRecords: string[];
  missingRecords: string[];
  /** what was compared: the least of the sinks' (see Judged) */
  judged: Judged;
  /** in words: what was judged and why not more, or why the verdict is inconclusive */
  reason: string;
  /** simulation events the oracle ran to drain the run and its reference: its work, bounded by the budget */
  events: number;
  /** why records are missing, where the broker aborted their transaction (transaction.timeout.ms); absent when none was */
  brokerAborted?: OracleBrokerAbort[];
}

/** A transaction of a two-phase-commit sink the broker aborted for outliving its timeout, and the missing records it held. */
export interface OracleBrokerAbort { sink: string; txn: string; checkpointId: number; abortedAt: number; records: number; missing: number }

export interface OracleOptions {
  /** events each drain may run (the reference replays the whole run): past it the verdict is inconclusive */
  eventBudget?: number;
  /**
   * `state` is the caller's own copy, used for nothing else: the oracle drains it in place instead
   * of cloning it first (a clone of a wide run's state is a page frame's worth of work).
   */
  ownState?: boolean;
}

export const ORACLE_EVENT_BUDGET = 1_000_000;

const idOf = (r: Rec) => `${r.src}/${r.part}/${r.off}/${r.sub}`;
const DRAIN_LIMIT_MS = 600_000;

/** events between two pauses of the stepwise oracle (a page draws itself in between) */
const EVENTS_PER_PAUSE = 200;

/** Runs until `done`, for at most `limitMs` of simulated time and `budget.left` events; false if out of events. */
function* runTo(sim: Simulation, done: () => boolean, limitMs: number, budget: { left: number }): Generator<void, boolean> {
  const end = sim.now + limitMs;
  let sincePause = 0;
  while (!done() && sim.nextEventTime() !== undefined && sim.nextEventTime()! <= end) {
    if (budget.left === 0) return false;
    budget.left--;
    sim.step();
    if (++sincePause === EVENTS_PER_PAUSE) {
      sincePause = 0;
      yield;
    }
  }
  return true;
}

/** Stop the sources where they are and let the job finish: everything in flight reaches the sinks. False if out of events. */
function* drain(sim: Simulation, budget: { left: number }, limits?: Map<number, { [p: string]: number }>, limitMs = DRAIN_LIMIT_MS): Generator<void, boolean> {
  const state = sim.state;
  if (!(yield* runTo(sim, () => state.job.status !== 'RESTARTING', limitMs, budget))) return false;
  for (const ps of state.plan.subtasks) {
    const st = state.subtasks[ps.id];
    if (!st.source) continue;
    st.source.limits = limits?.get(ps.id) ?? { ...st.source.offsets };
    if (st.status === 'RUNNING') requestWake(state, ps.id, state.now);
  }
  return yield* runTo(sim, () => state.job.status === 'FINISHED' || state.job.status === 'FAILED', limitMs, budget);
}

/** A drain whose pauses yield the oracle's events so far; its result at the end. */
function* paced(drained: Generator<void, boolean>, events: () => number): Generator<number, boolean> {
  for (let step = drained.next(); ; step = drained.next()) {
    if (step.done) return step.value;
    yield events();
  }
}

interface SinkOutput {
  records: Rec[];
  /** per key the value visible last, across the sink's subtasks */
  finals: Map<string, number>;
  /** keys an upsert sink holds a row for */
  rows: Set<string>;
}

function outputOf(state: SimState, sink: PlanOperator): SinkOutput {
  const out: SinkOutput = { records: [], finals: new Map(), rows: new Set() };
  const finalAt = new Map<string, number>();
  for (const id of sink.subtasks) {
    const st = state.subtasks[id].sink;
    if (!st) continue;
    out.records.push(...st.committed);
    for (const k of st.upserts.keys()) out.rows.add(k);
    for (const [k, at] of st.finalAt) {
      if ((finalAt.get(k) ?? -1) <= at) {
        finalAt.set(k, at);
        out.finals.set(k, st.finalValue.get(k)!);
      }
    }
  }
  return out;
}

const countIds = (recs: Rec[]) => {
  const n = new Map<string, { rec: Rec; n: number }>();
  for (const r of recs) {
    const e = n.get(idOf(r));
    if (e) e.n++;
    else n.set(idOf(r), { rec: r, n: 1 });
  }
  return n;
};

interface Tally { keys: Map<string, OracleKey>; duplicateRecords: string[]; missingRecords: string[]; wrong: boolean }

function keyOf(t: Tally, key: string): OracleKey {
  let k = t.keys.get(key);
  if (!k) t.keys.set(key, k = { key, expected: 0, actual: 0, duplicates: 0, missing: 0, expectedFinal: null, actualFinal: null });
  return k;
}

/** How many records each key has, expected and written: shown for every sink that keeps them all, judged or not. */
function countPerKey(t: Tally, got: Rec[], want: Rec[]): void {
  for (const r of want) keyOf(t, r.key).expected++;
  for (const r of got) keyOf(t, r.key).actual++;
}

function compareRecords(t: Tally, j: SinkJudgement, got: Rec[], want: Rec[]): void {
  const seen = countIds(got);
  const expected = countIds(want);
  for (const [id, { rec, n }] of seen) {
    const extra = n - (j.records === 'bound' ? j.bound!(rec) : expected.get(id)?.n ?? 0);
    if (extra > 0) {
      keyOf(t, rec.key).duplicates += extra;
      t.duplicateRecords.push(id);
    }
  }
  if (j.records === 'bound') return; // what a keyed join or a value filter drops is up to timing
  for (const [id, { rec, n }] of expected) {
    const lack = n - (seen.get(id)?.n ?? 0);
    if (lack > 0) {
      keyOf(t, rec.key).missing += lack;
      t.missingRecords.push(id);
    }
  }
}

function compareFinals(t: Tally, upsert: boolean, got: Map<string, number>, want: Map<string, number>): void {
  for (const key of new Set([...got.keys(), ...want.keys()])) {
    const k = keyOf(t, key);
    const e = want.get(key);
    const a = got.get(key);
    k.expectedFinal = e ?? null;
    k.actualFinal = a ?? null;
    if (e === a) continue;
    t.wrong = true;
    // an upsert sink has no record counts: its one row per key is duplicated or lost
    if (upsert && (a ?? 0) > (e ?? 0)) k.duplicates++;
    else if (upsert) k.missing++;
  }
}

function compareRows(t: Tally, got: Set<string>, want: Set<string>): void {
  for (const key of new Set([...got, ...want])) {
    const k = keyOf(t, key);
    if (want.has(key) && !got.has(key)) k.missing++;
    if (got.has(key) && !want.has(key)) t.wrong = true;
  }
}

function inconclusive(reason: string, events: number, judged: Judged = 'nothing'): OracleResult {
  // unfinished outputs compared record by record would read as loss and duplication: report none
  return { verdict: 'inconclusive', duplicates: 0, missing: 0, keys: [], duplicateRecords: [], missingRecords: [], judged, reason, events };
}

/** The oracle's verdict on the run as it stands (see oracleSteps for the same work in pieces). */
export function computeOracle(state: SimState, options: OracleOptions = {}): OracleResult {
  const steps = oracleSteps(state, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The oracle's work in pieces: each `next()` runs a bounded number of events and yields the events
 * run so far, so a page can draw itself (and offer Cancel) in between; the result is the same.
 */
export function* oracleSteps(state: SimState, options: OracleOptions = {}): Generator<number, OracleResult> {
  const budget = options.eventBudget ?? ORACLE_EVENT_BUDGET;
  const kindOf = (op: PlanOperator): SinkKind => state.subtasks[op.subtasks[0]].sink?.kind ?? op.params.sinkKind ?? 'plain';
  const judgements = judgeSinks(state.plan, kindOf);
  const reason = judgements.map((j) => j.reason).join('; ');
  const judging = judgements.filter((j) => j.judged !== 'nothing');
  if (!judging.length) return inconclusive(reason || 'the job has no sink', 0);
  // a run the guard stopped has no defined output to judge: say why instead of draining it
  if (stoppedByRunGuard(state.job.failure)) return inconclusive(state.job.failure!, 0);
  const judged = judging.reduce<Judged>((least, j) => (JUDGED_ORDER.indexOf(j.judged) > JUDGED_ORDER.indexOf(least) ? j.judged : least), 'per-key');

  // what the verdict reads of the run as it stands, before a drain in place moves it on
  const { now: judgedAt, plan } = state;
  const failedBefore = state.job.status === 'FAILED';
  const actual = new Simulation(options.ownState ? state : structuredClone(state));
  // the run is judged as it stands: faults still to come do not strike while it drains
  removeEvents(actual.state.queue, (q) => q.event.kind === 'fault');
  actual.state.recovery.armed = [];
  const ran = { left: budget };
  if (!(yield* paced(drain(actual, ran), () => budget - ran.left))) return inconclusive(`the run did not drain within the oracle's budget of ${budget} events`, budget, judged);
  const actualEvents = budget - ran.left;
  const refRan = { left: budget };
  const events = () => actualEvents + budget - refRan.left;
  // the reference's broker never times a transaction out: what a timeout loses counts as missing
  const neverTimesOut = { 'sim.sink.transaction-timeout': `${KAFKA_MAX_TIMEOUT_MS} ms`, 'sim.broker.transaction-max-timeout': `${KAFKA_MAX_TIMEOUT_MS} ms` };
  const reference = Simulation.create({ ...state.scenario, faults: [] }, { seed: state.seed, conf: { ...state.config.raw, ...neverTimesOut } });
  const limits = new Map<number, { [p: string]: number }>();
  for (const ps of actual.state.plan.subtasks) {
    const src = actual.state.subtasks[ps.id].source;
    if (src) limits.set(ps.id, { ...(src.limits ?? src.offsets) });
  }
  // the reference starts from zero: it needs the time the run took to read that far, and more
  if (!(yield* paced(drain(reference, refRan, limits, judgedAt + DRAIN_LIMIT_MS), events))) {
    return inconclusive(`the fault-free reference run, which replays the run from the start, did not get there within the oracle's budget of ${budget} events`, events(), judged);
  }
  // A drain that did not get to the end compares unfinished outputs: say so rather than guess.
  if (reference.state.job.status !== 'FINISHED' || !['FINISHED', 'FAILED'].includes(actual.state.job.status)) {
    return inconclusive(`the run or its fault-free reference did not finish within ${DRAIN_LIMIT_MS / 1000} s of simulated time`, events(), judged);
  }

  const t: Tally = { keys: new Map(), duplicateRecords: [], missingRecords: [], wrong: false };
  for (const j of judging) {
    const sink = plan.operators[j.sink];
    const got = outputOf(actual.state, sink);
    const want = outputOf(reference.state, sink);
    if ((sink.params.retain ?? -1) === -1) countPerKey(t, got.records, want.records);
    if (j.records !== 'none') compareRecords(t, j, got.records, want.records);
    if (j.finals) compareFinals(t, kindOf(sink) === 'upsert', got.finals, want.finals);
    if (j.keys) compareRows(t, got.rows, want.rows);
  }
  const keys = [...t.keys.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const duplicates = keys.reduce((n, k) => n + k.duplicates, 0);
  const missing = keys.reduce((n, k) => n + k.missing, 0);
  const verdict = actual.state.job.status === 'FAILED' && failedBefore ? 'job-failed'
    : duplicates && missing ? 'duplicates-and-loss' : duplicates ? 'duplicates' : missing ? 'loss' : t.wrong ? 'wrong-result' : 'exactly-once';
  const brokerAborted = brokerAbortsOf(actual.state, judging.map((j) => plan.operators[j.sink]), new Set(t.missingRecords));
  return {
    verdict, duplicates, missing, keys, duplicateRecords: t.duplicateRecords, missingRecords: t.missingRecords, judged, reason, events: events(),
    ...(brokerAborted.length ? { brokerAborted } : {}),
  };
}

/** The transactions the broker aborted at these sinks, with how many of their records are missing. */
function brokerAbortsOf(state: SimState, sinks: PlanOperator[], missing: ReadonlySet<string>): OracleBrokerAbort[] {
  const out: OracleBrokerAbort[] = [];
  for (const op of sinks) {
    for (const sid of op.subtasks) {
      for (const a of state.subtasks[sid].sink?.brokerAborted ?? []) {
        out.push({ sink: op.id, txn: a.txn, checkpointId: a.checkpointId, abortedAt: a.abortedAt, records: a.records.length, missing: a.records.filter((r) => missing.has(idOf(r))).length });
      }
    }
  }
  return out;
}
