import type { SimState } from '../sim/state';
import type { CheckpointRecord, SubtaskAck } from './types';

// Checkpoint statistics in the shape of Flink's REST API (GET /jobs/:id/checkpoints and
// /jobs/:id/checkpoints/details/:cid/subtasks/:vid), snake_case as Flink sends them.

export interface SubtaskStats {
  index: number;
  status: 'completed' | 'pending_or_failed';
  ack_timestamp: number | null;
  end_to_end_duration: number | null;
  checkpointed_size: number;
  state_size: number;
  checkpoint: { sync: number; async: number };
  alignment: { buffered: number; processed: number; persisted: number; duration: number };
  start_delay: number;
  unaligned_checkpoint: boolean;
  aborted: boolean;
}

export interface TaskStats {
  id: string;
  name: string;
  status: string;
  latest_ack_timestamp: number | null;
  checkpointed_size: number;
  state_size: number;
  end_to_end_duration: number | null;
  alignment_buffered: number;
  processed_data: number;
  persisted_data: number;
  num_subtasks: number;
  num_acknowledged_subtasks: number;
  subtasks: SubtaskStats[];
}

export interface CheckpointStats {
  id: number;
  status: CheckpointRecord['status'];
  is_savepoint: boolean;
  checkpoint_type: CheckpointRecord['type'];
  trigger_timestamp: number;
  latest_ack_timestamp: number | null;
  end_to_end_duration: number;
  checkpointed_size: number;
  state_size: number;
  alignment_buffered: number;
  processed_data: number;
  persisted_data: number;
  num_subtasks: number;
  num_acknowledged_subtasks: number;
  external_path?: string | null;
  discarded?: boolean;
  failure_timestamp?: number | null;
  failure_message?: string | null;
  tasks: Record<string, TaskStats>;
}

const sum = (acks: SubtaskAck[], f: (a: SubtaskAck) => number) => acks.reduce((n, a) => n + f(a), 0);

function endToEnd(r: CheckpointRecord, now: number): number {
  if (r.status === 'FAILED' && r.failureTime !== null) return r.failureTime - r.triggerTime;
  if (r.status === 'IN_PROGRESS') return now - r.triggerTime;
  return r.latestAckTime === null ? 0 : r.latestAckTime - r.triggerTime;
}

function taskStats(state: SimState, r: CheckpointRecord, opIndex: number): TaskStats {
  const op = state.plan.operators[opIndex];
  const subtasks: SubtaskStats[] = op.subtasks.map((sid) => {
    const a = r.acks[sid];
    return {
      index: state.plan.subtasks[sid].index,
      status: a ? 'completed' : 'pending_or_failed',
      ack_timestamp: a ? a.ackTime : null,
      end_to_end_duration: a ? a.ackTime - r.triggerTime : null,
      checkpointed_size: a?.checkpointedBytes ?? 0,
      state_size: a?.stateBytes ?? 0,
      checkpoint: { sync: a?.syncMs ?? 0, async: a?.asyncMs ?? 0 },
      alignment: { buffered: 0, processed: a?.processedBytes ?? 0, persisted: a?.persistedBytes ?? 0, duration: a?.alignmentMs ?? 0 },
      start_delay: a?.startDelayMs ?? 0,
      unaligned_checkpoint: a?.unaligned ?? false,
      aborted: r.status === 'FAILED' && !a,
    };
  });
  const acks = op.subtasks.map((sid) => r.acks[sid]).filter((a): a is SubtaskAck => !!a);
  const latest = acks.length ? Math.max(...acks.map((a) => a.ackTime)) : null;
  return {
    id: op.id, name: op.name,
    status: acks.length === op.subtasks.length ? 'COMPLETED' : r.status === 'FAILED' ? 'FAILED' : 'IN_PROGRESS',
    latest_ack_timestamp: latest,
    checkpointed_size: sum(acks, (a) => a.checkpointedBytes),
    state_size: sum(acks, (a) => a.stateBytes),
    end_to_end_duration: latest === null ? null : latest - r.triggerTime,
    alignment_buffered: 0,
    processed_data: sum(acks, (a) => a.processedBytes),
    persisted_data: sum(acks, (a) => a.persistedBytes),
    num_subtasks: op.subtasks.length,
    num_acknowledged_subtasks: acks.length,
    subtasks,
  };
}

export function checkpointStats(state: SimState, r: CheckpointRecord): CheckpointStats {
  const acks = Object.values(r.acks);
  const stats: CheckpointStats = {
    id: r.id, status: r.status, is_savepoint: r.isSavepoint, checkpoint_type: r.type,
    trigger_timestamp: r.triggerTime, latest_ack_timestamp: r.latestAckTime,
    end_to_end_duration: endToEnd(r, state.now),
    checkpointed_size: r.status === 'COMPLETED' ? r.checkpointedBytes : sum(acks, (a) => a.checkpointedBytes),
    state_size: r.status === 'COMPLETED' ? r.stateBytes : sum(acks, (a) => a.stateBytes),
    alignment_buffered: 0,
    processed_data: sum(acks, (a) => a.processedBytes),
    persisted_data: sum(acks, (a) => a.persistedBytes),
    num_subtasks: r.subtasks.length,
    num_acknowledged_subtasks: acks.length,
    // operator ids as keys: a reader asking for an absent "constructor" finds nothing
    tasks: Object.create(null) as Record<string, TaskStats>,
  };
  if (r.status === 'COMPLETED') {
    stats.external_path = r.externalPath;
    stats.discarded = r.discarded;
  }
  if (r.status === 'FAILED') {
    stats.failure_timestamp = r.failureTime;
    stats.failure_message = r.failureMessage;
  }
  const ops = new Set(r.subtasks.map((sid) => state.plan.subtasks[sid].operator));
  for (const o of ops) stats.tasks[state.plan.operators[o].id] = taskStats(state, r, o);
  return stats;
}

export interface MinMaxAvg { min: number; max: number; avg: number }
function summarise(xs: number[]): MinMaxAvg {
  if (!xs.length) return { min: 0, max: 0, avg: 0 };
  return { min: Math.min(...xs), max: Math.max(...xs), avg: Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) };
}

/** Flink reports whole milliseconds. */
function roundTimes<T>(value: T): T {
  if (typeof value === 'number') return Math.round(value) as T;
  if (Array.isArray(value)) return value.map(roundTimes) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    for (const [k, v] of Object.entries(value)) out[k] = roundTimes(v);
    return out as T;
  }
  return value;
}

export function checkpointingStatistics(state: SimState) {
  const c = state.coordinator;
  const history = c.history.map((r) => roundTimes(checkpointStats(state, r)));
  const completed = history.filter((h) => h.status === 'COMPLETED');
  const last = <T>(xs: T[]) => (xs.length ? xs[xs.length - 1] : null);
  return {
    counts: {
      restored: state.restores.length,
      total: history.length,
      in_progress: history.filter((h) => h.status === 'IN_PROGRESS').length,
      completed: completed.length,
      failed: history.filter((h) => h.status === 'FAILED').length,
    },
    summary: {
      checkpointed_size: summarise(completed.map((h) => h.checkpointed_size)),
      state_size: summarise(completed.map((h) => h.state_size)),
      end_to_end_duration: summarise(completed.map((h) => h.end_to_end_duration)),
      alignment_buffered: summarise(completed.map(() => 0)),
      processed_data: summarise(completed.map((h) => h.processed_data)),
      persisted_data: summarise(completed.map((h) => h.persisted_data)),
    },
    latest: {
      completed: last(completed.filter((h) => !h.is_savepoint)),
      savepoint: last(completed.filter((h) => h.is_savepoint)),
      failed: last(history.filter((h) => h.status === 'FAILED')),
      restored: last(state.restores),
    },
    history,
  };
}
