import { z } from 'zod';
import { memoised } from '../scenarios/memoised';

// What Flink's REST API returns about a real job's checkpoints, as zod schemas (the fields of
// rest_v1_dispatcher.yml): GET /jobs/:jobid/checkpoints, /checkpoints/config,
// /checkpoints/details/:id and /checkpoints/details/:id/subtasks/:vertexid. Unknown fields are
// tolerated (newer Flink versions add some, older ones lack some: those are optional). Every
// number, string and list is bounded; maps keyed by a document's strings become Maps, so no key
// ("__proto__", "constructor") ever meets an object's prototype.

export const REST_IMPORT_LIMITS = {
  /** Flink keeps web.checkpoints.history entries (10 by default) */
  historyEntries: 1_000,
  vertices: 1_000,
  subtasksPerVertex: 32_768,
  idChars: 128,
  textChars: 20_000,
  /** bytes, milliseconds, counts: all safe integers */
  maxNumber: Number.MAX_SAFE_INTEGER,
} as const;
const L = REST_IMPORT_LIMITS;

function buildRestSchemas() {
  const count = z.number().int().min(0).max(L.maxNumber);
  /** Flink writes -1 for "not known yet" in several places */
  const long = z.number().int().min(-1).max(L.maxNumber);
  const bytes = z.number().min(-1).max(L.maxNumber);
  const text = z.string().max(L.textChars, `at most ${L.textChars.toLocaleString('en-US')} characters here`);
  const vertexId = z.string().min(1).max(L.idChars, `vertex ids are at most ${L.idChars} characters here`);

  /**
   * A JSON object keyed by document strings (vertex ids), read entry by entry into a Map; an issue
   * in an entry is reported at its key.
   */
  function keyedMap<T extends z.ZodType>(value: T, max: number) {
    return z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'expected an object keyed by vertex id' })
      .transform((obj, ctx) => {
        const out = new Map<string, z.output<T>>();
        const entries = Object.entries(obj);
        if (entries.length > max) {
          ctx.addIssue({ code: 'custom', message: `at most ${max.toLocaleString('en-US')} entries here` });
          return z.NEVER;
        }
        for (const [key, raw] of entries) {
          const id = vertexId.safeParse(key);
          if (!id.success) ctx.addIssue({ code: 'custom', path: [key], message: id.error.issues[0].message });
          const parsed = value.safeParse(raw);
          if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as never);
          else out.set(key, parsed.data);
        }
        return out;
      });
  }

  const statsSummarySchema = z.object({
    min: z.number().min(-1).max(L.maxNumber),
    max: z.number().min(-1).max(L.maxNumber),
    avg: z.number().min(-1).max(L.maxNumber),
  }).loose();

  const checkpointStatus = z.enum(['IN_PROGRESS', 'COMPLETED', 'FAILED']);
  const checkpointType = z.enum(['CHECKPOINT', 'UNALIGNED_CHECKPOINT', 'SAVEPOINT', 'SYNC_SAVEPOINT', 'FULL_CHECKPOINT']);

  /** The figures a checkpoint and each of its tasks report alike. */
  const checkpointFigures = {
    latest_ack_timestamp: long.nullish(),
    checkpointed_size: bytes.optional(),
    state_size: bytes.optional(),
    end_to_end_duration: long.nullish(),
    alignment_buffered: bytes.optional(),
    processed_data: bytes.optional(),
    persisted_data: bytes.optional(),
    num_subtasks: count,
    num_acknowledged_subtasks: count,
  };

  const taskCheckpointSchema = z.object({
    id: long.optional(),
    status: checkpointStatus.optional(),
    ...checkpointFigures,
  }).loose();

  const checkpointSchema = z.object({
    '@class': z.enum(['completed', 'failed', 'in_progress']).optional(),
    className: z.enum(['completed', 'failed', 'in_progress']).optional(),
    id: count,
    status: checkpointStatus,
    is_savepoint: z.boolean().optional(),
    checkpoint_type: checkpointType.optional(),
    trigger_timestamp: long,
    ...checkpointFigures,
    tasks: keyedMap(taskCheckpointSchema, L.vertices).optional(),
    external_path: text.nullish(),
    discarded: z.boolean().optional(),
    failure_timestamp: long.nullish(),
    failure_message: text.nullish(),
  }).loose();

  const restoredSchema = z.object({
    id: count,
    restore_timestamp: long,
    is_savepoint: z.boolean(),
    external_path: text.nullish(),
  }).loose();

  const summaryKeys = ['checkpointed_size', 'state_size', 'end_to_end_duration', 'alignment_buffered', 'processed_data', 'persisted_data'] as const;

  /** GET /jobs/:jobid/checkpoints */
  const checkpointingStatisticsSchema = z.object({
    counts: z.object({ restored: count, total: count, in_progress: count, completed: count, failed: count }).loose(),
    summary: z.object(Object.fromEntries(summaryKeys.map((k) => [k, statsSummarySchema.optional()])) as Record<(typeof summaryKeys)[number], z.ZodOptional<typeof statsSummarySchema>>).loose(),
    latest: z.object({
      completed: checkpointSchema.nullish(),
      savepoint: checkpointSchema.nullish(),
      failed: checkpointSchema.nullish(),
      restored: restoredSchema.nullish(),
    }).loose(),
    history: z.array(checkpointSchema).max(L.historyEntries, `at most ${L.historyEntries.toLocaleString('en-US')} checkpoints here`),
  }).loose();

  /** GET /jobs/:jobid/checkpoints/config */
  const checkpointConfigSchema = z.object({
    mode: z.string().max(64),
    interval: long,
    timeout: long,
    min_pause: long,
    max_concurrent: count,
    externalization: z.object({ enabled: z.boolean(), delete_on_cancellation: z.boolean() }).loose().optional(),
    state_backend: text.optional(),
    checkpoint_storage: text.optional(),
    unaligned_checkpoints: z.boolean().optional(),
    tolerable_failed_checkpoints: count.optional(),
    aligned_checkpoint_timeout: long.optional(),
    checkpoints_after_tasks_finish: z.boolean().optional(),
    state_changelog_enabled: z.boolean().optional(),
  }).loose();

  const durationPair = z.object({ sync: long, async: long }).loose();
  const alignment = z.object({ buffered: bytes.optional(), processed: bytes, persisted: bytes, duration: long }).loose();

  const subtaskCheckpointSchema = z.object({
    '@class': z.enum(['completed', 'pending']).optional(),
    className: z.enum(['completed', 'pending']).optional(),
    index: count,
    status: z.enum(['completed', 'pending_or_failed']),
    ack_timestamp: long.optional(),
    end_to_end_duration: long.optional(),
    checkpointed_size: bytes.optional(),
    state_size: bytes.optional(),
    checkpoint: durationPair.optional(),
    alignment: alignment.optional(),
    start_delay: long.optional(),
    unaligned_checkpoint: z.boolean().optional(),
    aborted: z.boolean().optional(),
  }).loose();

  /** GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid */
  const taskCheckpointWithSubtasksSchema = taskCheckpointSchema.extend({
    subtasks: z.array(subtaskCheckpointSchema).max(L.subtasksPerVertex),
  });

  /** GET /jobs/:jobid (only what names the vertices) */
  const jobVerticesSchema = z.object({
    vertices: z.array(z.object({ id: vertexId, name: text, parallelism: count.optional() }).loose()).max(L.vertices),
  }).loose();

  return { checkpointSchema, checkpointingStatisticsSchema, checkpointConfigSchema, subtaskCheckpointSchema, taskCheckpointWithSubtasksSchema, jobVerticesSchema };
}

/** The schemas (zod), built on first use (scenarios/memoised.ts): an import is rare, the first screen has none. */
export const restSchemas = memoised(buildRestSchemas);
type RestSchemas = ReturnType<typeof buildRestSchemas>;

export type RestCheckpoint = z.output<RestSchemas['checkpointSchema']>;
export type RestCheckpointingStatistics = z.output<RestSchemas['checkpointingStatisticsSchema']>;
export type RestCheckpointConfig = z.output<RestSchemas['checkpointConfigSchema']>;
export type RestTaskWithSubtasks = z.output<RestSchemas['taskCheckpointWithSubtasksSchema']>;
export type RestSubtask = z.output<RestSchemas['subtaskCheckpointSchema']>;
