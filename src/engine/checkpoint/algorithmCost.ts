import type { SimState } from '../sim/state';
import { Simulation } from '../sim/simulation';

// What checkpointing costs the job, measured on the same scenario, seed and settings with each
// way of checkpointing: records delivered per second, and how long a record takes from its append
// to the log to the sink (written, and visible to a read_committed reader). Stop-the-world pays in
// latency: every record waits while the world stands still.

export interface RunCost {
  algorithm: string;
  /** the run this is measured on is the page's own (the others are replays) */
  current: boolean;
  recordsPerSecond: number;
  latencyAvgMs: number;
  latencyMaxMs: number;
  visibleLatencyAvgMs: number;
  checkpointsCompleted: number;
  checkpointAvgMs: number | null;
  /** the settings refuse this algorithm (e.g. unaligned with max-concurrent > 1) */
  refused?: string;
}

const OFF = { 'sim.checkpointing.algorithm': 'barriers', 'execution.checkpointing.unaligned.enabled': 'false', 'execution.checkpointing.aligned-checkpoint-timeout': '0 s', 'execution.checkpointing.mode': 'EXACTLY_ONCE' };

export const CHECKPOINT_ALGORITHMS: { algorithm: string; conf: Record<string, string> }[] = [
  { algorithm: 'aligned barriers', conf: { ...OFF } },
  { algorithm: 'unaligned barriers', conf: { ...OFF, 'execution.checkpointing.unaligned.enabled': 'true' } },
  { algorithm: 'at-least-once barriers', conf: { ...OFF, 'execution.checkpointing.mode': 'AT_LEAST_ONCE' } },
  { algorithm: 'stop the world', conf: { ...OFF, 'sim.checkpointing.algorithm': 'stop-the-world' } },
];

/** Which of the algorithms above a configuration is. */
export function algorithmOf(raw: Record<string, string>): string {
  if (raw['sim.checkpointing.algorithm'] === 'stop-the-world') return 'stop the world';
  if (raw['execution.checkpointing.mode'] === 'AT_LEAST_ONCE') return 'at-least-once barriers';
  return raw['execution.checkpointing.unaligned.enabled'] === 'true' ? 'unaligned barriers' : 'aligned barriers';
}

export function runCost(state: SimState, algorithm: string, current: boolean): RunCost {
  let written = 0;
  let sum = 0;
  let max = 0;
  let visibleCount = 0;
  let visibleSum = 0;
  for (const st of state.subtasks) {
    if (!st.sink) continue;
    const l = st.sink.latency;
    written += l.written.count;
    sum += l.written.sum;
    max = Math.max(max, l.written.max);
    visibleCount += l.visible.count;
    visibleSum += l.visible.sum;
  }
  const done = state.coordinator.history.filter((h) => h.status === 'COMPLETED' && !h.isSavepoint && h.latestAckTime !== null);
  return {
    algorithm, current,
    recordsPerSecond: state.now > 0 ? written / (state.now / 1000) : 0,
    latencyAvgMs: written ? sum / written : 0,
    latencyMaxMs: max,
    visibleLatencyAvgMs: visibleCount ? visibleSum / visibleCount : 0,
    checkpointsCompleted: done.length,
    checkpointAvgMs: done.length ? done.reduce((n, h) => n + (h.latestAckTime! - h.triggerTime), 0) / done.length : null,
  };
}

/**
 * The same scenario, seed and settings (faults of the scenario included, commands given on the
 * page not) run to the same moment with each algorithm; `current` marks the row of the settings
 * in force.
 */
/** What a replay of the run needs: its scenario, seed, settings and how far it has come. */
export type RunSetup = Pick<SimState, 'scenario' | 'seed' | 'config' | 'now'>;

export function compareCheckpointAlgorithms(state: RunSetup): RunCost[] {
  return CHECKPOINT_ALGORITHMS.map((entry) => costWith(state, entry));
}

/** One row of the comparison: the run replayed to `state.now` with that algorithm's settings. */
export function costWith(state: RunSetup, { algorithm, conf }: (typeof CHECKPOINT_ALGORITHMS)[number]): RunCost {
  const raw = state.config.raw;
  const current = algorithm === algorithmOf(raw);
  let sim: Simulation;
  try {
    sim = Simulation.create(state.scenario, { seed: state.seed, conf: { ...raw, ...conf } });
  } catch (e) {
    return { ...runCost(Simulation.create(state.scenario, { seed: state.seed, conf: raw }).state, algorithm, current), refused: (e as Error).message };
  }
  sim.runUntil(state.now);
  return runCost(sim.state, algorithm, current);
}
