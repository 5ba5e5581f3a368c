import type { OperatorSpec } from '../scenarios/schema';
import type { TtlSpec } from '../scenarios/ttlSpec';
import type { PlanOperator, StateDescriptor, StateTtlConfig } from '../model/types';
import type { Conf } from '../config/conf';
import { parseDuration } from '../config/duration';

// The scenario's `ttl` as Flink's StateTtlConfig builds it. Background cleanup is on by default
// (Flink 1.14 and later): each backend gets its default strategy unless the file configures it or
// says disableCleanupInBackground.

/** IncrementalCleanupStrategy's default: 5 entries per state access, not per record. */
export const DEFAULT_INCREMENTAL_CLEANUP = { size: 5, runForEveryRecord: false } as const;
/** RocksdbCompactFilterCleanupStrategy's defaults: re-read the time every 1000 entries, periodic compaction after 30 days. */
export const DEFAULT_COMPACTION_FILTER = { queryTimeAfterNumEntries: 1000, periodicCompactionMs: 30 * 86_400_000 } as const;

export function resolveTtl(spec: TtlSpec): StateTtlConfig {
  const c = spec.cleanup ?? {};
  const background = c.disableCleanupInBackground !== true;
  const rocks = c.rocksdbCompactionFilter;
  return {
    ttlMs: parseDuration(spec.ttl)!,
    updateType: spec.updateType ?? 'OnCreateAndWrite',
    visibility: spec.visibility ?? 'NeverReturnExpired',
    incremental: c.incremental
      ? { size: c.incremental.size, runForEveryRecord: c.incremental.runForEveryRecord ?? false }
      : background ? { ...DEFAULT_INCREMENTAL_CLEANUP } : null,
    fullSnapshot: c.fullSnapshot ?? false,
    rocksdbCompactionFilter: rocks
      ? { queryTimeAfterNumEntries: rocks.queryTimeAfterNumEntries, periodicCompactionMs: rocks.periodicCompactionTime === undefined ? DEFAULT_COMPACTION_FILTER.periodicCompactionMs : parseDuration(rocks.periodicCompactionTime)! }
      : background ? { ...DEFAULT_COMPACTION_FILTER } : null,
  };
}

/** What a plan operator carries for the scenario operator's TTL: nothing when it has none. */
export function ttlOfOperator(op: OperatorSpec, conf: Conf): Pick<PlanOperator, 'ttl' | 'ttlRuntime'> {
  if (!('ttl' in op) || op.ttl === undefined) return {};
  return { ttl: resolveTtl(op.ttl), ttlRuntime: { backend: conf.text('state.backend.type') === 'rocksdb' ? 'rocksdb' : 'hashmap', cursors: [] } };
}

/** The operator's state descriptors, marked as TTL states when it has a TTL. */
export function withTtlFlag(states: StateDescriptor[], ttl: TtlSpec | undefined): StateDescriptor[] {
  return ttl ? states.map((d) => ({ ...d, ttl: true as const })) : states;
}
