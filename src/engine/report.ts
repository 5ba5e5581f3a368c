import type { StateValue } from './model/types';
import type { SimState } from './sim/state';
import { formatTraceHash } from './trace/hash';
import { sinkOperatorState } from './runtime/sink';
import { plainStateValue } from './runtime/keyedState';
import type { OracleBrokerAbort, OracleKey, OracleResult } from './oracle/oracle';
import { checkpointingStatistics, type CheckpointStats } from './checkpoint/restStats';

// The `sim --json` document (CONTRACTS §2), built from a simulation state. The page's export uses
// the same function, so both always agree.

type PlainValue = ReturnType<typeof plainStateValue>;

export interface SimReport {
  scenario: string;
  seed: number;
  simTimeMs: number;
  traceHash: string;
  stats: { events: number; recordsProcessed: number; wallMs: number };
  job: { status: string; restarts: number; failure: string | null; operators: { id: string; name: string; parallelism: number; maxParallelism: number }[] };
  checkpoints: ReturnType<typeof checkpointingStatistics> & { history: CheckpointStats[] };
  state: Record<string, { subtask: number; keyGroupRange: [number, number] | null; keyed: Record<string, PlainValue | Record<string, PlainValue>>; operator: Record<string, unknown> }[]>;
  sinks: Record<string, { committed: { key: string; value: number; partition: number; offset: number }[]; uncommitted: number }>;
  oracle: { verdict: string; duplicates: number; missing: number; keys: OracleKey[]; judged: string; reason: string; brokerAborted?: OracleBrokerAbort[] } | null;
}

// Keys and operator ids come from the user: every object built from them below is
// prototype-free and filled by assignment, so "__proto__" is a key like any other.
function keyedObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Per key, the value of its one state, or an object of state name to value when there are several. */
export function keyedStateByKey(state: SimState, subtask: number): Record<string, PlainValue | Record<string, PlainValue>> {
  const op = state.plan.operators[state.plan.subtasks[subtask].operator];
  const out = keyedObject<PlainValue | Record<string, PlainValue>>();
  const table = state.subtasks[subtask].keyed;
  const groups = [...table.keys()].sort((a, b) => a - b);
  for (const g of groups) {
    const group = table.get(g)!;
    for (const key of [...group.keys()].sort()) {
      const entry = group.get(key)!;
      if (op.states.length === 1) {
        out[key] = plainStateValue(entry.get(op.states[0].name) as StateValue);
        continue;
      }
      const byName = keyedObject<PlainValue>();
      for (const [name, value] of entry) byName[name] = plainStateValue(value);
      out[key] = byName;
    }
  }
  return out;
}

export function operatorStateOf(state: SimState, subtask: number): Record<string, unknown> {
  const st = state.subtasks[subtask];
  const op = state.plan.operators[state.plan.subtasks[subtask].operator];
  if (st.sink) return sinkOperatorState(st.sink);
  if (!st.source) return {};
  return {
    SourceReaderState: st.source.partitions.map((p) => ({ topic: op.params.source!.topic, partition: p, offset: st.source!.offsets[p] })),
  };
}

export function buildReport(state: SimState, wallMs: number, oracle: OracleResult | null = null): SimReport {
  const plan = state.plan;
  const report: SimReport = {
    scenario: state.scenarioId,
    seed: state.seed,
    simTimeMs: state.now,
    traceHash: formatTraceHash(state.traceHash),
    stats: { events: state.stats.events, recordsProcessed: state.stats.recordsProcessed, wallMs },
    job: {
      status: state.job.status,
      restarts: state.job.restarts,
      failure: state.job.failure,
      operators: plan.operators.map((o) => ({ id: o.id, name: o.name, parallelism: o.parallelism, maxParallelism: o.maxParallelism })),
    },
    checkpoints: checkpointingStatistics(state),
    state: keyedObject(),
    sinks: keyedObject(),
    oracle: oracle && { verdict: oracle.verdict, duplicates: oracle.duplicates, missing: oracle.missing, keys: oracle.keys, judged: oracle.judged, reason: oracle.reason, ...(oracle.brokerAborted ? { brokerAborted: oracle.brokerAborted } : {}) },
  };
  for (const op of plan.operators) {
    if (op.keyed || op.kind === 'source') {
      report.state[op.id] = op.subtasks.map((sid) => ({
        subtask: plan.subtasks[sid].index,
        keyGroupRange: plan.subtasks[sid].keyGroupRange,
        keyed: keyedStateByKey(state, sid),
        operator: operatorStateOf(state, sid),
      }));
    }
    if (op.kind === 'sink') {
      const sinks = op.subtasks.map((sid) => state.subtasks[sid].sink!);
      report.sinks[op.id] = {
        committed: sinks.flatMap((k) => k.committed.map((r) => ({ key: r.key, value: r.value, partition: r.part, offset: r.off }))),
        uncommitted: sinks.reduce((n, k) => n + k.open.length + k.precommitted.reduce((m, t) => m + t.records.length, 0), 0),
      };
    }
  }
  return report;
}
