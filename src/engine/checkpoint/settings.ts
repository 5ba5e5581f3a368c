import { Conf } from '../config/conf';
import type { SimConfig } from '../model/types';

/** Checkpointing as configured, with Flink's defaults. */
export interface CheckpointSettings {
  enabled: boolean;
  intervalMs: number;
  mode: 'EXACTLY_ONCE' | 'AT_LEAST_ONCE';
  unaligned: boolean;
  alignedTimeoutMs: number;
  minPauseMs: number;
  timeoutMs: number;
  maxConcurrent: number;
  tolerableFailed: number;
  numRetained: number;
  incremental: boolean;
  storage: 'jobmanager' | 'filesystem';
  backend: 'hashmap' | 'rocksdb';
  /** the naive algorithm, for teaching: stop the sources, drain, snapshot, resume */
  stopTheWorld: boolean;
  /** JobManager <-> TaskManager RPC latency, simulated ms */
  rpcLatencyMs: number;
  /** snapshot cost model, simulated ms */
  syncBaseMs: number;
  syncPerKbMs: number;
  asyncBaseMs: number;
  asyncPerKbMs: number;
}

export function checkpointSettings(conf: Conf): CheckpointSettings {
  const interval = conf.duration('execution.checkpointing.interval');
  return {
    enabled: interval !== undefined && interval > 0,
    intervalMs: interval ?? 0,
    mode: conf.text('execution.checkpointing.mode') as CheckpointSettings['mode'],
    unaligned: conf.bool('execution.checkpointing.unaligned.enabled'),
    alignedTimeoutMs: conf.duration('execution.checkpointing.aligned-checkpoint-timeout')!,
    minPauseMs: conf.duration('execution.checkpointing.min-pause')!,
    timeoutMs: conf.duration('execution.checkpointing.timeout')!,
    maxConcurrent: conf.number('execution.checkpointing.max-concurrent-checkpoints')!,
    tolerableFailed: conf.number('execution.checkpointing.tolerable-failed-checkpoints')!,
    numRetained: conf.number('execution.checkpointing.num-retained')!,
    incremental: conf.bool('execution.checkpointing.incremental'),
    storage: conf.text('execution.checkpointing.storage') as CheckpointSettings['storage'],
    backend: conf.text('state.backend.type') as CheckpointSettings['backend'],
    stopTheWorld: conf.text('sim.checkpointing.algorithm') === 'stop-the-world',
    rpcLatencyMs: conf.duration('sim.rpc.latency')!,
    syncBaseMs: conf.duration('sim.snapshot.sync-base')!,
    syncPerKbMs: conf.duration('sim.snapshot.sync-per-kb')!,
    asyncBaseMs: conf.duration('sim.snapshot.async-base')!,
    asyncPerKbMs: conf.duration('sim.snapshot.async-per-kb')!,
  };
}

// Read once per configuration object: the task side asks on every barrier and record.
const settingsCache = new WeakMap<SimConfig, CheckpointSettings>();

/**
 * A run's checkpoint settings. It lives here, not in the coordinator, so that the task side
 * (runtime/*, faults/*) needs nothing from the JobManager's module.
 */
export function settingsOf(state: { config: SimConfig }): CheckpointSettings {
  let s = settingsCache.get(state.config);
  if (!s) settingsCache.set(state.config, (s = checkpointSettings(new Conf(state.config.raw))));
  return s;
}

/** Flink refuses some combinations; say which and why. */
export function settingsProblems(s: CheckpointSettings): string[] {
  const problems: string[] = [];
  if (s.unaligned && s.mode !== 'EXACTLY_ONCE') problems.push('execution.checkpointing.unaligned.enabled: unaligned checkpoints need execution.checkpointing.mode EXACTLY_ONCE');
  if (s.unaligned && s.maxConcurrent > 1) problems.push('execution.checkpointing.unaligned.enabled: unaligned checkpoints need execution.checkpointing.max-concurrent-checkpoints 1');
  // incremental with the hashmap backend is not refused: Flink ignores it, and so do we (full snapshots)
  if (s.stopTheWorld && s.unaligned) problems.push('sim.checkpointing.algorithm: stop-the-world cannot be combined with unaligned checkpoints');
  return problems;
}
