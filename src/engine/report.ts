import type { SimState, StateValue } from './model/types';
import { formatTraceHash } from './trace/hash';

// The `sim --json` document (CONTRACTS §2), built from a simulation state. The page's export uses
// the same function, so both always agree.

export interface SimReport {
  scenario: string;
  seed: number;
  simTimeMs: number;
  traceHash: string;
  stats: { events: number; recordsProcessed: number; wallMs: number };
  job: { status: string; restarts: number; operators: { id: string; name: string; parallelism: number; maxParallelism: number }[] };
  checkpoints: {
    counts: { restored: number; total: number; in_progress: number; completed: number; failed: number };
    latest: { completed: unknown; savepoint: unknown; failed: unknown; restored: unknown };
    history: unknown[];
  };
  state: Record<string, { subtask: number; keyGroupRange: [number, number] | null; keyed: Record<string, StateValue | Record<string, StateValue>>; operator: Record<string, unknown> }[]>;
  sinks: Record<string, { committed: { key: string; value: number; partition: number; offset: number }[]; uncommitted: number }>;
  oracle: { verdict: string; duplicates: number; missing: number } | null;
}

/** Per key, the value of its one state, or an object of state name to value when there are several. */
export function keyedStateByKey(state: SimState, subtask: number): Record<string, StateValue | Record<string, StateValue>> {
  const op = state.plan.operators[state.plan.subtasks[subtask].operator];
  const out: Record<string, StateValue | Record<string, StateValue>> = {};
  const table = state.subtasks[subtask].keyed;
  const groups = Object.keys(table).map(Number).sort((a, b) => a - b);
  for (const g of groups) {
    for (const key of Object.keys(table[g]).sort()) {
      const entry = table[g][key];
      out[key] = op.states.length === 1 ? entry[op.states[0].name] : { ...entry };
    }
  }
  return out;
}

export function operatorStateOf(state: SimState, subtask: number): Record<string, unknown> {
  const st = state.subtasks[subtask];
  const op = state.plan.operators[state.plan.subtasks[subtask].operator];
  if (!st.source) return {};
  return {
    SourceReaderState: st.source.partitions.map((p) => ({ topic: op.params.source!.topic, partition: p, offset: st.source!.offsets[p] })),
  };
}

export function buildReport(state: SimState, wallMs: number): SimReport {
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
      operators: plan.operators.map((o) => ({ id: o.id, name: o.name, parallelism: o.parallelism, maxParallelism: o.maxParallelism })),
    },
    checkpoints: {
      counts: { restored: 0, total: 0, in_progress: 0, completed: 0, failed: 0 },
      latest: { completed: null, savepoint: null, failed: null, restored: null },
      history: [],
    },
    state: {},
    sinks: {},
    oracle: null,
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
      report.sinks[op.id] = {
        committed: op.subtasks.flatMap((sid) => state.subtasks[sid].sink!.received.map((r) => ({ key: r.key, value: r.value, partition: r.part, offset: r.off }))),
        uncommitted: 0,
      };
    }
  }
  return report;
}
