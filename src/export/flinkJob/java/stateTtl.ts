import { parseDuration, type OperatorSpec } from '../../../engine';
import type { TtlSpec } from '../../../engine/scenarios/ttlSpec';
import { javaLong } from '../javaText';

// A keyed operator's `ttl` as the StateTtlConfig its function enables on every state descriptor it
// registers (descriptor.enableTimeToLive). The builder calls are Flink 2.x's: newBuilder(Duration),
// cleanupIncrementally(int, boolean), cleanupInRocksdbCompactFilter(long[, Duration]).

/** The operator's TTL in the scenario, or undefined when it has none (non-keyed operators never do). */
export function operatorTtl(op: OperatorSpec): TtlSpec | undefined {
  return 'ttl' in op ? op.ttl : undefined;
}

/** A java.time.Duration for a number of milliseconds, in the largest whole unit. */
export function javaDuration(ms: number): string {
  if (ms === 0) return 'Duration.ZERO';
  if (!Number.isInteger(ms)) return `Duration.ofNanos(${javaLong(Math.round(ms * 1e6))})`;
  const units: [number, string][] = [[86_400_000, 'Days'], [3_600_000, 'Hours'], [60_000, 'Minutes'], [1000, 'Seconds'], [1, 'Millis']];
  const [size, unit] = units.find(([u]) => ms % u === 0)!;
  return `Duration.of${unit}(${ms / size})`;
}

/** The Java variable holding the operator's StateTtlConfig, beside its stream variable (unique as that is). */
export function ttlVariable(streamVariable: string): string {
  return streamVariable.replace(/Stream(\d*)$/, 'TtlConfig$1');
}

/** `StateTtlConfig <variable> = StateTtlConfig.newBuilder(...)...build();`, one call a line. */
export function ttlConfigLines(ttl: TtlSpec, variable: string, indent: string): string[] {
  const c = ttl.cleanup ?? {};
  const more = `${indent}        `;
  const calls = [
    `${more}.setUpdateType(StateTtlConfig.UpdateType.${ttl.updateType ?? 'OnCreateAndWrite'})`,
    `${more}.setStateVisibility(StateTtlConfig.StateVisibility.${ttl.visibility ?? 'NeverReturnExpired'})`,
  ];
  if (c.incremental) calls.push(`${more}.cleanupIncrementally(${c.incremental.size}, ${c.incremental.runForEveryRecord ?? false})`);
  if (c.fullSnapshot) calls.push(`${more}.cleanupFullSnapshot()`);
  const rocks = c.rocksdbCompactionFilter;
  if (rocks) {
    const periodic = rocks.periodicCompactionTime === undefined ? '' : `, ${javaDuration(parseDuration(rocks.periodicCompactionTime)!)}`;
    calls.push(`${more}.cleanupInRocksdbCompactFilter(${javaLong(rocks.queryTimeAfterNumEntries)}${periodic})`);
  }
  if (c.disableCleanupInBackground) calls.push(`${more}.disableCleanupInBackground()`);
  const background = c.disableCleanupInBackground
    ? 'no background cleanup: expired state goes when read (and from full snapshots if set)'
    : 'a cleanup not set here keeps Flink\'s background default (heap: incremental, RocksDB: compaction filter)';
  return [
    `${indent}// state TTL (processing time); ${background}`,
    `${indent}StateTtlConfig ${variable} = StateTtlConfig.newBuilder(${javaDuration(parseDuration(ttl.ttl)!)})`,
    ...calls,
    `${more}.build();`,
  ];
}
