import { useT } from '../../i18n/useT';

/**
 * Flink's web UI lists only the latest `web.checkpoints.history` checkpoints (10 by default) and
 * counts the rest; so does the History tab here, so a long run's panel stays the same size.
 */
export const WEB_CHECKPOINTS_HISTORY = 10;

/** The latest `WEB_CHECKPOINTS_HISTORY` entries of a history, oldest first. */
export function latestHistory<T>(history: readonly T[]): T[] {
  return history.slice(-WEB_CHECKPOINTS_HISTORY);
}

/** A line under the History table saying how many older checkpoints are counted but not listed. */
export function HistoryLimitNote({ total }: { total: number }) {
  const t = useT();
  const older = total - WEB_CHECKPOINTS_HISTORY;
  if (older <= 0) return null;
  return <p className="panel-note" data-testid="history-older">{t('perf.historyOlder', { n: older, max: WEB_CHECKPOINTS_HISTORY })}</p>;
}
