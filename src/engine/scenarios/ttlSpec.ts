import { z } from 'zod';
import { DURATION_SYNTAX, parseDuration } from '../config/duration';
import { memoised } from './memoised';

// A keyed operator's state TTL in the scenario file, in the words of Flink's StateTtlConfig
// builder: every state the operator registers gets it. Processing time only, as in Flink.

export const TTL_LIMITS = {
  /** entries incremental cleanup checks per trigger */
  cleanupSize: 10_000,
  queryTimeAfterNumEntries: 1_000_000_000,
} as const;

/** A duration in Flink's syntax, as text or milliseconds. */
export const ttlDuration = (what: string, min = 0) => z.union([z.string().max(64, `${what} is at most 64 characters`), z.number()]).refine(
  (v) => { const ms = parseDuration(v); return ms !== null && ms >= min; },
  `${what} is ${DURATION_SYNTAX}${min > 0 ? `, at least ${min} ms` : ''}`,
);

/** The TTL schema (zod), built on first use (memoised.ts). */
export const ttlSpecSchema = memoised(() => z.object({
  /** StateTtlConfig.newBuilder(ttl): "TTL is expected to be positive" */
  ttl: ttlDuration('the TTL', 1),
  updateType: z.enum(['OnCreateAndWrite', 'OnReadAndWrite']).optional(),
  visibility: z.enum(['NeverReturnExpired', 'ReturnExpiredIfNotCleanedUp']).optional(),
  cleanup: z.object({
    /** cleanupIncrementally(cleanupSize, runCleanupForEveryRecord): heap backend */
    incremental: z.object({
      size: z.number().int().min(1, 'the cleanup size is at least 1 (0 turns incremental cleanup off: leave it out)').max(TTL_LIMITS.cleanupSize, `the cleanup size is at most ${TTL_LIMITS.cleanupSize.toLocaleString('en-US')} here (the simulator's limit)`),
      runForEveryRecord: z.boolean().optional(),
    }).strict().optional(),
    /** cleanupFullSnapshot() */
    fullSnapshot: z.boolean().optional(),
    /** cleanupInRocksdbCompactFilter(queryTimeAfterNumEntries, periodicCompactionTime): RocksDB backend */
    rocksdbCompactionFilter: z.object({
      queryTimeAfterNumEntries: z.number().int().min(1).max(TTL_LIMITS.queryTimeAfterNumEntries),
      periodicCompactionTime: ttlDuration('the periodic compaction time').optional(),
    }).strict().optional(),
    /** disableCleanupInBackground(): no default incremental or compaction-filter cleanup */
    disableCleanupInBackground: z.boolean().optional(),
  }).strict().optional(),
}).strict());

export type TtlSpec = z.infer<ReturnType<typeof ttlSpecSchema>>;
