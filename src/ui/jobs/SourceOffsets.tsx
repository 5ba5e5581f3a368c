import { useMemo } from 'react';
import { COMMIT_ON_CHECKPOINT_KEY, sourceOffsetsView } from '../../engine';
import { useRun } from '../../store/react';
import { useT } from '../../i18n/useT';

// Per partition: the reader's position, the latest completed checkpoint's offset (what a restore
// reads from) and the consumer group's committed offset (what committedOffsets() reads from).

export function SourceOffsets() {
  const state = useRun((r) => r.sim.state);
  const now = useRun((r) => r.sim.state.now);
  // a cancel or a submit changes the job without moving the clock
  const status = useRun((r) => r.sim.state.job.status);
  const t = useT();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the state object changes in place: `now` and `status` say when to read it again
  const sources = useMemo(() => sourceOffsetsView(state), [state, now, status]);
  const committing = state.config.raw[COMMIT_ON_CHECKPOINT_KEY] !== 'false';
  const dash = t('offsets.none');
  return (
    <div className="source-offsets" data-testid="source-offsets">
      <h3>{t('offsets.heading')}</h3>
      <p className="panel-note">{t('offsets.note')}</p>
      {!committing && <p className="panel-note">{t('offsets.noCommit', { key: COMMIT_ON_CHECKPOINT_KEY })}</p>}
      <div className="table-scroll">
        <table className="state-table">
          <thead>
            <tr>
              <th>{t('offsets.partition')}</th><th>{t('offsets.logEnd')}</th><th>{t('offsets.reading')}</th>
              <th>{t('offsets.checkpointed')}</th><th>{t('offsets.committed')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.flatMap((s) => s.partitions.map((p) => (
              <tr key={`${s.operatorId}-${p.partition}`} data-testid={`offsets-${s.operatorId}-${p.partition}`}>
                <td style={{ whiteSpace: 'nowrap' }} title={s.name}>{s.topic}-{p.partition}</td>
                <td>{p.logEnd}</td>
                <td data-testid="offset-reading">{p.reading ?? dash}</td>
                <td data-testid="offset-checkpointed" title={s.checkpointId !== null ? t('offsets.checkpointedIn', { id: String(s.checkpointId) }) : undefined}>
                  {p.checkpointed !== null ? t('offsets.committedBy', { offset: String(p.checkpointed), id: String(s.checkpointId) }) : dash}
                </td>
                <td data-testid="offset-committed">{p.committed ? t('offsets.committedBy', { offset: String(p.committed.offset), id: String(p.committed.checkpointId) }) : dash}</td>
              </tr>
            )))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
