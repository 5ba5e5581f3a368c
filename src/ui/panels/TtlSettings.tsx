import { checkpointSettingsOf } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { useT } from '../../i18n/useT';

// The selected operator's StateTtlConfig, as Flink's builder names it, with the cleanup strategy
// the backend in force does not use struck through.

/** Flink's duration syntax: "6 s", "30 d". */
function seconds(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function TtlSettings({ opId }: { opId: string }) {
  const info = useRun((r) => {
    const op = r.sim.state.plan.operators.find((o) => o.id === opId);
    return op?.ttl ? { ttl: op.ttl, backend: checkpointSettingsOf(r.sim.state).backend } : null;
  }, viewEqual);
  const t = useT();
  if (!info) return null;
  const { ttl, backend } = info;
  return (
    <div className="ttl-settings" data-testid="ttl-settings">
      <div><b>{t('ttl.heading')}</b> <code>{seconds(ttl.ttlMs)}</code> · <code>{ttl.updateType}</code> · <code>{ttl.visibility}</code></div>
      <div>
        <b>{t('ttl.cleanup')}</b> {t('ttl.onRead')}
        {ttl.incremental && <>; <span className={backend === 'hashmap' ? undefined : 'inactive'} title={t('ttl.heapOnly')}>{t('ttl.incremental', { size: String(ttl.incremental.size), per: t(ttl.incremental.runForEveryRecord ? 'ttl.perRecord' : 'ttl.perAccess') })}</span></>}
        {ttl.fullSnapshot && <>; {t('ttl.fullSnapshot')}</>}
        {ttl.rocksdbCompactionFilter && <>; <span className={backend === 'rocksdb' ? undefined : 'inactive'} title={t('ttl.rocksOnly')}>{t('ttl.compactionFilter', { n: String(ttl.rocksdbCompactionFilter.queryTimeAfterNumEntries), period: seconds(ttl.rocksdbCompactionFilter.periodicCompactionMs) })}</span></>}
      </div>
    </div>
  );
}
