import type { Rec, SimState } from '../model/types';
import { Simulation } from '../sim/simulation';
import { requestWake } from '../runtime/runtime';
import { removeEvents } from '../sim/eventQueue';

// The exactly-once oracle. Both runs are drained to the same point in the sources' logs: the
// actual run (faults and all) stops its sources where they are and lets everything in flight
// reach the sinks; the reference run (same scenario, seed and configuration, no faults) reads the
// very same offsets. Their committed outputs are then compared per key, record by record.

export interface OracleKey {
  key: string; expected: number; actual: number; duplicates: number; missing: number;
  /** the last value committed for the key (the final aggregate), expected and actual */
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
}

const idOf = (r: Rec) => `${r.src}/${r.part}/${r.off}/${r.sub}`;
const DRAIN_LIMIT_MS = 600_000;

function runTo(sim: Simulation, done: () => boolean, limitMs: number): void {
  const end = sim.now + limitMs;
  while (!done() && sim.nextEventTime() !== undefined && sim.nextEventTime()! <= end) sim.step();
}

/** Stop the sources where they are and let the job finish: everything in flight reaches the sinks. */
function drain(sim: Simulation, limits?: Map<number, { [p: string]: number }>, limitMs = DRAIN_LIMIT_MS): void {
  const state = sim.state;
  runTo(sim, () => state.job.status !== 'RESTARTING', limitMs);
  for (const ps of state.plan.subtasks) {
    const st = state.subtasks[ps.id];
    if (!st.source) continue;
    st.source.limits = limits?.get(ps.id) ?? { ...st.source.offsets };
    if (st.status === 'RUNNING') requestWake(state, ps.id, state.now);
  }
  runTo(sim, () => state.job.status === 'FINISHED' || state.job.status === 'FAILED', limitMs);
}

interface SinkOutput {
  records: Map<string, Rec[]>;
  /** per key the value visible last, across every sink subtask (an upsert sink's row) */
  finals: Map<string, number>;
  upsert: boolean;
}

function outputOf(state: SimState): SinkOutput {
  const out: SinkOutput = { records: new Map(), finals: new Map(), upsert: false };
  const finalAt = new Map<string, number>();
  for (const st of state.subtasks) {
    if (!st.sink) continue;
    if (st.sink.kind === 'upsert') out.upsert = true;
    for (const r of st.sink.committed) {
      const list = out.records.get(r.key) ?? [];
      list.push(r);
      out.records.set(r.key, list);
    }
    for (const [k, at] of Object.entries(st.sink.finalAt)) {
      if ((finalAt.get(k) ?? -1) <= at) {
        finalAt.set(k, at);
        out.finals.set(k, st.sink.finalValue[k]);
      }
    }
  }
  return out;
}

export function computeOracle(state: SimState): OracleResult {
  const actual = new Simulation(structuredClone(state));
  // the run is judged as it stands: faults still to come do not strike while it drains
  removeEvents(actual.state.queue, (q) => q.event.kind === 'fault');
  actual.state.recovery.armed = [];
  drain(actual);
  const reference = Simulation.create({ ...state.scenario, faults: [] }, { seed: state.seed, conf: state.config.raw });
  const limits = new Map<number, { [p: string]: number }>();
  for (const ps of actual.state.plan.subtasks) {
    const src = actual.state.subtasks[ps.id].source;
    if (src) limits.set(ps.id, { ...(src.limits ?? src.offsets) });
  }
  // the reference starts from zero: it needs the time the run took to read that far, and more
  drain(reference, limits, state.now + DRAIN_LIMIT_MS);
  const got = outputOf(actual.state);
  const want = outputOf(reference.state);
  const keys: OracleKey[] = [];
  const duplicateRecords: string[] = [];
  const missingRecords: string[] = [];
  const allKeys = [...new Set([...got.records.keys(), ...want.records.keys(), ...got.finals.keys(), ...want.finals.keys()])].sort();
  for (const key of allKeys) {
    if (got.upsert) {
      // An idempotent upsert sink is right when each key's final value is.
      const e = want.finals.get(key);
      const a = got.finals.get(key);
      const wrong = e !== a;
      keys.push({ key, expected: e ?? 0, actual: a ?? 0, duplicates: wrong && (a ?? 0) > (e ?? 0) ? 1 : 0, missing: wrong && (a ?? 0) <= (e ?? 0) ? 1 : 0, expectedFinal: e ?? null, actualFinal: a ?? null });
      continue;
    }
    const expected = new Map<string, number>();
    for (const r of want.records.get(key) ?? []) expected.set(idOf(r), (expected.get(idOf(r)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const r of got.records.get(key) ?? []) seen.set(idOf(r), (seen.get(idOf(r)) ?? 0) + 1);
    let duplicates = 0;
    let missing = 0;
    for (const [id, n] of seen) {
      const extra = n - (expected.get(id) ?? 0);
      if (extra > 0) {
        duplicates += extra;
        duplicateRecords.push(id);
      }
    }
    for (const [id, n] of expected) {
      const lack = n - (seen.get(id) ?? 0);
      if (lack > 0) {
        missing += lack;
        missingRecords.push(id);
      }
    }
    keys.push({ key, expected: want.records.get(key)?.length ?? 0, actual: got.records.get(key)?.length ?? 0, duplicates, missing, expectedFinal: want.finals.get(key) ?? null, actualFinal: got.finals.get(key) ?? null });
  }
  const duplicates = keys.reduce((n, k) => n + k.duplicates, 0);
  const missing = keys.reduce((n, k) => n + k.missing, 0);
  const wrongFinal = keys.some((k) => k.expectedFinal !== k.actualFinal);
  // A drain that did not get to the end compares unfinished outputs: say so rather than guess.
  const drained = reference.state.job.status === 'FINISHED' && (actual.state.job.status === 'FINISHED' || actual.state.job.status === 'FAILED');
  const verdict = !drained ? 'inconclusive'
    : actual.state.job.status === 'FAILED' && state.job.status === 'FAILED' ? 'job-failed'
    : duplicates && missing ? 'duplicates-and-loss' : duplicates ? 'duplicates' : missing ? 'loss' : wrongFinal ? 'wrong-result' : 'exactly-once';
  // unfinished outputs compared record by record would read as loss and duplication: report none
  if (verdict === 'inconclusive') return { verdict, duplicates: 0, missing: 0, keys, duplicateRecords: [], missingRecords: [] };
  return { verdict, duplicates, missing, keys, duplicateRecords, missingRecords };
}
