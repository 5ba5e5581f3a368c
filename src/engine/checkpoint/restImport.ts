import type { z } from 'zod';
import { echo, quote } from '../text/echo';
import { shownProblems } from '../scenarios/validate';

/** A path segment as a message shows it: a document's own key is quoted unless it is a plain name. */
const pathSegment = (p: PropertyKey): string => (typeof p === 'number' ? String(p) : /^[\w$-]{1,64}$/.test(String(p)) ? String(p) : quote(String(p)));
import type { RestoreRecord } from '../sim/state';
import type { checkpointingStatistics, CheckpointStats, MinMaxAvg, SubtaskStats, TaskStats } from './restStats';
import { checkpointPatterns, type PatternNote } from './restPatterns';
import {
  REST_IMPORT_LIMITS, restSchemas, type RestCheckpoint, type RestCheckpointConfig, type RestSubtask, type RestTaskWithSubtasks,
} from './restImportSchema';

// A real job's checkpoint statistics, as saved from Flink's REST API, turned into the statistics
// the Checkpoints panel reads for a simulated job (restStats.ts), with pattern notes that point to
// lessons. Timestamps count from the earliest trigger, as the lab's count from the start of a run.

export type CheckpointingStatistics = ReturnType<typeof checkpointingStatistics>;

/** The documents of one job, as saved from its REST API; only `checkpoints` is required. */
export interface FlinkRestDocuments {
  /** GET /jobs/:jobid/checkpoints */
  checkpoints: unknown;
  /** GET /jobs/:jobid/checkpoints/config */
  config?: unknown;
  /** GET /jobs/:jobid/checkpoints/details/:checkpointid, any number of checkpoints */
  details?: readonly unknown[];
  /** GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid: the document names neither, so say which */
  subtasks?: readonly { checkpointId: number; vertexId: string; document: unknown }[];
  /** GET /jobs/:jobid: names the vertices (otherwise they are shown by id) */
  job?: unknown;
}

export interface ImportedCheckpoints {
  statistics: CheckpointingStatistics;
  config: RestCheckpointConfig | null;
  /** the wall-clock time (epoch ms) of time 0: every timestamp in `statistics` counts from it */
  epochMs: number;
  notes: PatternNote[];
}

/** A document that is not what Flink's REST API returns; each problem names the path of what is wrong. */
export class RestImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`not a Flink REST checkpoint document: ${shownProblems(problems).join('; ')}`);
    this.name = 'RestImportError';
  }
}

function check<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new RestImportError(parsed.error.issues.slice(0, 20).map((i) => `${[where, ...i.path.map(pathSegment)].join('.')}: ${echo(i.message, 200)}`));
}

interface Context {
  t0: number;
  names: Map<string, string>;
  details: Map<number, RestCheckpoint>;
  subtasks: Map<string, RestTaskWithSubtasks>;
}

const at = (ctx: Context, t: number | null | undefined): number | null => (t === null || t === undefined || t < 0 ? null : t - ctx.t0);
const size = (n: number | undefined): number => (n === undefined || n < 0 ? 0 : n);

function subtaskStats(ctx: Context, s: RestSubtask, trigger: number, failed: boolean): SubtaskStats {
  const done = s.status === 'completed';
  return {
    index: s.index,
    status: s.status,
    ack_timestamp: done ? at(ctx, s.ack_timestamp) : null,
    end_to_end_duration: done ? s.end_to_end_duration ?? (s.ack_timestamp !== undefined ? s.ack_timestamp - trigger : null) : null,
    checkpointed_size: size(s.checkpointed_size),
    state_size: size(s.state_size),
    checkpoint: { sync: size(s.checkpoint?.sync), async: size(s.checkpoint?.async) },
    alignment: { buffered: size(s.alignment?.buffered), processed: size(s.alignment?.processed), persisted: size(s.alignment?.persisted), duration: size(s.alignment?.duration) },
    start_delay: size(s.start_delay),
    unaligned_checkpoint: s.unaligned_checkpoint ?? false,
    aborted: s.aborted ?? (failed && !done),
  };
}

function checkpointStats(ctx: Context, summary: RestCheckpoint): CheckpointStats {
  const cp = summary;
  const tasks = Object.create(null) as Record<string, TaskStats>;
  // the details document has the per-operator figures the history leaves out
  for (const [vertex, t] of ctx.details.get(cp.id)?.tasks ?? cp.tasks ?? new Map()) {
    const withSubtasks = ctx.subtasks.get(`${cp.id} ${vertex}`);
    tasks[vertex] = {
      id: vertex,
      name: ctx.names.get(vertex) ?? vertex,
      status: t.status ?? (t.num_acknowledged_subtasks === t.num_subtasks ? 'COMPLETED' : cp.status),
      latest_ack_timestamp: at(ctx, t.latest_ack_timestamp),
      checkpointed_size: size(t.checkpointed_size),
      state_size: size(t.state_size),
      end_to_end_duration: t.end_to_end_duration === null || t.end_to_end_duration === undefined || t.end_to_end_duration < 0 ? null : t.end_to_end_duration,
      alignment_buffered: size(t.alignment_buffered),
      processed_data: size(t.processed_data),
      persisted_data: size(t.persisted_data),
      num_subtasks: t.num_subtasks,
      num_acknowledged_subtasks: t.num_acknowledged_subtasks,
      subtasks: (withSubtasks?.subtasks ?? []).map((s) => subtaskStats(ctx, s, cp.trigger_timestamp, cp.status === 'FAILED')).sort((a, b) => a.index - b.index),
    };
  }
  const isSavepoint = cp.is_savepoint ?? false;
  const type = cp.checkpoint_type === undefined || cp.checkpoint_type === 'FULL_CHECKPOINT' ? (isSavepoint ? 'SAVEPOINT' : 'CHECKPOINT') : cp.checkpoint_type;
  const stats: CheckpointStats = {
    id: cp.id, status: cp.status, is_savepoint: isSavepoint, checkpoint_type: type,
    trigger_timestamp: at(ctx, cp.trigger_timestamp) ?? 0,
    latest_ack_timestamp: at(ctx, cp.latest_ack_timestamp),
    end_to_end_duration: size(cp.end_to_end_duration ?? undefined),
    checkpointed_size: size(cp.checkpointed_size),
    state_size: size(cp.state_size),
    alignment_buffered: size(cp.alignment_buffered),
    processed_data: size(cp.processed_data),
    persisted_data: size(cp.persisted_data),
    num_subtasks: cp.num_subtasks,
    num_acknowledged_subtasks: cp.num_acknowledged_subtasks,
    tasks,
  };
  if (cp.status === 'COMPLETED') {
    stats.external_path = cp.external_path ?? null;
    stats.discarded = cp.discarded ?? false;
  }
  if (cp.status === 'FAILED') {
    stats.failure_timestamp = at(ctx, cp.failure_timestamp);
    stats.failure_message = cp.failure_message ?? null;
  }
  return stats;
}

/** A list of documents as given (it may come from a file: anything else is refused by name). */
function listOf(value: unknown, path: string, max: number): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RestImportError([`${path}: expected a list of documents, got ${value === null ? 'null' : typeof value}`]);
  if (value.length > max) throw new RestImportError([`${path}: at most ${max} documents`]);
  return value;
}

const minMaxAvg = (s: { min: number; max: number; avg: number } | undefined): MinMaxAvg => (s ? { min: s.min, max: s.max, avg: Math.round(s.avg) } : { min: 0, max: 0, avg: 0 });

/**
 * Checks the documents against Flink's REST schema (RestImportError names the path of each problem)
 * and returns the statistics in the shape of `checkpointingStatistics`, the configuration, and
 * pattern notes.
 */
export function importFlinkCheckpoints(docs: FlinkRestDocuments): ImportedCheckpoints {
  const { checkpointConfigSchema, checkpointingStatisticsSchema, checkpointSchema, jobVerticesSchema, taskCheckpointWithSubtasksSchema } = restSchemas();
  const main = check(checkpointingStatisticsSchema, docs.checkpoints, 'checkpoints');
  const config = docs.config === undefined ? null : check(checkpointConfigSchema, docs.config, 'config');
  const detailList = listOf(docs.details, 'details', REST_IMPORT_LIMITS.historyEntries);
  const details = new Map<number, RestCheckpoint>();
  detailList.forEach((d, i) => {
    const cp = check(checkpointSchema, d, `details.${i}`);
    details.set(cp.id, cp);
  });
  const subtaskList = listOf(docs.subtasks, 'subtasks', REST_IMPORT_LIMITS.historyEntries * 10) as readonly Partial<{ checkpointId: unknown; vertexId: unknown; document: unknown }>[];
  const subtasks = new Map<string, RestTaskWithSubtasks>();
  subtaskList.forEach((s, i) => {
    if (typeof s !== 'object' || s === null || !Number.isSafeInteger(s.checkpointId) || typeof s.vertexId !== 'string' || s.vertexId.length > REST_IMPORT_LIMITS.idChars) {
      throw new RestImportError([`subtasks.${i}: give the checkpoint id (an integer) and the vertex id (at most ${REST_IMPORT_LIMITS.idChars} characters) the document was fetched for`]);
    }
    subtasks.set(`${s.checkpointId} ${s.vertexId}`, check(taskCheckpointWithSubtasksSchema, s.document, `subtasks.${i}.document`));
  });
  const names = new Map<string, string>();
  if (docs.job !== undefined) for (const v of check(jobVerticesSchema, docs.job, 'job').vertices) names.set(v.id, v.name);

  const all = [...main.history, ...[main.latest.completed, main.latest.savepoint, main.latest.failed].filter((c): c is RestCheckpoint => !!c), ...details.values()];
  const triggers = all.map((c) => c.trigger_timestamp).filter((t) => t >= 0);
  const t0 = triggers.length ? Math.min(...triggers) : 0;
  const ctx: Context = { t0, names, details, subtasks };
  const convert = (c: RestCheckpoint | null | undefined) => (c ? checkpointStats(ctx, c) : null);
  const restored = main.latest.restored;
  const restoredRecord: RestoreRecord | null = restored ? {
    id: restored.id, restore_timestamp: at(ctx, restored.restore_timestamp) ?? 0, is_savepoint: restored.is_savepoint, external_path: restored.external_path ?? '',
  } : null;
  // Flink lists the newest first; the lab, oldest first
  const history = [...main.history].sort((a, b) => a.id - b.id).map((c) => checkpointStats(ctx, c));
  const statistics: CheckpointingStatistics = {
    counts: { restored: main.counts.restored, total: main.counts.total, in_progress: main.counts.in_progress, completed: main.counts.completed, failed: main.counts.failed },
    summary: {
      checkpointed_size: minMaxAvg(main.summary.checkpointed_size),
      state_size: minMaxAvg(main.summary.state_size),
      end_to_end_duration: minMaxAvg(main.summary.end_to_end_duration),
      alignment_buffered: minMaxAvg(main.summary.alignment_buffered),
      processed_data: minMaxAvg(main.summary.processed_data),
      persisted_data: minMaxAvg(main.summary.persisted_data),
    },
    latest: { completed: convert(main.latest.completed), savepoint: convert(main.latest.savepoint), failed: convert(main.latest.failed), restored: restoredRecord },
    history,
  };
  return { statistics, config, epochMs: t0, notes: checkpointPatterns(statistics, config) };
}
