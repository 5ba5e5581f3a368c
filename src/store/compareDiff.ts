import { configKey, plainStateValue, runCost, type OracleResult, type SimState } from '../engine';

// What differs between two runs at the moment shown, for the difference strip under the graphs:
// throughput and latency at the sinks, checkpoints and their durations, in-flight data persisted
// by unaligned checkpoints, keyed state values that are not the same, and the oracle's duplicates
// and missing records. A pure function of the two states (and the oracles' last verdicts).

export interface RunFigures {
  recordsPerSecond: number;
  /** append to the log → written by the sink, average */
  latencyAvgMs: number;
  /** append to the log → visible to a read_committed reader, average */
  visibleLatencyAvgMs: number;
  checkpointsCompleted: number;
  checkpointAvgMs: number | null;
  /** end-to-end duration of the latest completed checkpoint */
  lastCheckpointMs: number | null;
  /** in-flight data persisted by the completed checkpoints (channel state), bytes */
  persistedBytes: number;
  /** the oracle's last verdict, when it judged this very moment */
  oracle: { verdict: OracleResult['verdict']; duplicates: number; missing: number } | null;
  /** the oracle judged another moment (or not yet): its figures are not this moment's */
  oracleStale: boolean;
}

export interface StateDifference {
  /** the operator's id (`count`) */
  operator: string;
  key: string;
  /** the values as text ('' where the run has no state for the key) */
  a: string;
  b: string;
}

export interface RunDifference {
  a: RunFigures;
  b: RunFigures;
  /** keyed state values compared: operator and key present in either run */
  keysCompared: number;
  /** how many of them differ, and the first few */
  stateDifferences: number;
  shown: StateDifference[];
}

export interface ComparedRun {
  state: SimState;
  oracle: { at: number; result: OracleResult } | null;
}

/** at most this many keys a comparison reads per operator: a huge keyspace is compared in part */
export const MAX_KEYS_COMPARED = 20_000;

export function runFigures(state: SimState, oracle: ComparedRun['oracle']): RunFigures {
  const cost = runCost(state, '', false);
  const done = state.coordinator.history.filter((h) => h.status === 'COMPLETED' && !h.isSavepoint && h.latestAckTime !== null);
  const last = done.at(-1);
  let persistedBytes = 0;
  for (const h of done) for (const ack of Object.values(h.acks)) persistedBytes += ack.persistedBytes;
  const fresh = oracle !== null && oracle.at === state.now;
  return {
    recordsPerSecond: cost.recordsPerSecond,
    latencyAvgMs: cost.latencyAvgMs,
    visibleLatencyAvgMs: cost.visibleLatencyAvgMs,
    checkpointsCompleted: cost.checkpointsCompleted,
    checkpointAvgMs: cost.checkpointAvgMs,
    lastCheckpointMs: last ? last.latestAckTime! - last.triggerTime : null,
    persistedBytes,
    oracle: oracle ? { verdict: oracle.result.verdict, duplicates: oracle.result.duplicates, missing: oracle.result.missing } : null,
    oracleStale: !fresh,
  };
}

/** Keyed state per operator id and key, as text: the same value reads the same in both runs, whatever the parallelism. */
function keyedValues(state: SimState): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const op of state.plan.operators) {
    if (!op.keyed) continue;
    const byKey = new Map<string, string>();
    out.set(op.id, byKey);
    for (const sid of op.subtasks) {
      for (const group of state.subtasks[sid].keyed.values()) {
        for (const [key, entry] of group) {
          if (byKey.size >= MAX_KEYS_COMPARED) break;
          const names = [...entry.keys()].sort();
          const value = names.length === 1 ? plainStateValue(entry.get(names[0])!) : Object.fromEntries(names.map((n) => [n, plainStateValue(entry.get(n)!)]));
          byKey.set(key, JSON.stringify(value));
        }
      }
    }
  }
  return out;
}

export function compareRuns(a: ComparedRun, b: ComparedRun, show = 5): RunDifference {
  const va = keyedValues(a.state);
  const vb = keyedValues(b.state);
  const shown: StateDifference[] = [];
  let keysCompared = 0;
  let stateDifferences = 0;
  const operators = [...new Set([...va.keys(), ...vb.keys()])].sort();
  for (const operator of operators) {
    const ka = va.get(operator) ?? new Map<string, string>();
    const kb = vb.get(operator) ?? new Map<string, string>();
    const keys = [...new Set([...ka.keys(), ...kb.keys()])].sort();
    for (const key of keys) {
      keysCompared++;
      const x = ka.get(key) ?? '';
      const y = kb.get(key) ?? '';
      if (x === y) continue;
      stateDifferences++;
      if (shown.length < show) shown.push({ operator, key, a: x, b: y });
    }
  }
  return { a: runFigures(a.state, a.oracle), b: runFigures(b.state, b.oracle), keysCompared, stateDifferences, shown };
}

export interface SettingDifference { key: string; a: string | undefined; b: string | undefined }

/** The configuration keys whose values in force (set, else the default) differ between two runs. */
export function differingSettings(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): SettingDifference[] {
  const va = new Map(Object.entries(a).map(([k, v]) => [k, String(v)]));
  const vb = new Map(Object.entries(b).map(([k, v]) => [k, String(v)]));
  const inForce = (m: Map<string, string>, k: string) => m.get(k) ?? configKey(k)?.default;
  const keys = [...new Set([...va.keys(), ...vb.keys()])].sort();
  return keys.filter((k) => inForce(va, k) !== inForce(vb, k)).map((key) => ({ key, a: inForce(va, key), b: inForce(vb, key) }));
}
