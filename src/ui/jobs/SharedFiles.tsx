import { useMemo } from 'react';
import { sharedFilesView } from '../../engine';
import { useRun } from '../../store/react';
import { useT } from '../../i18n/useT';
import { formatBytes } from '../format';

// RocksDB incremental checkpoints' shared files: who owns each one and whether Flink may delete it
// (the job's own, once no retained checkpoint uses it) or never (a NO_CLAIM restore's, the user's).

const SHOWN = 12;

export function SharedFiles() {
  const state = useRun((r) => r.sim.state);
  const now = useRun((r) => r.sim.state.now);
  // a cancel or a submit changes the job without moving the clock
  const status = useRun((r) => r.sim.state.job.status);
  const t = useT();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the state object changes in place: `now` and `status` say when to read it again
  const files = useMemo(() => sharedFilesView(state), [state, now, status]);
  if (files.length === 0) return null;
  // the user's first: they are what a claim mode is about
  const ordered = [...files.filter((f) => f.owner === 'user'), ...files.filter((f) => f.owner === 'job')];
  return (
    <div className="shared-files" data-testid="shared-files">
      <h3>{t('shared.heading')}</h3>
      <p className="panel-note">{t('shared.note')}</p>
      <div className="table-scroll">
        <table className="state-table">
          <thead>
            <tr><th>{t('shared.file')}</th><th>{t('shared.createdBy')}</th><th>{t('shared.owner')}</th><th>{t('shared.mayDelete')}</th></tr>
          </thead>
          <tbody>
            {ordered.slice(0, SHOWN).map((f) => (
              <tr key={f.name} data-testid={`shared-file-${f.name}`} data-owner={f.owner}>
                <td style={{ whiteSpace: 'nowrap' }} title={t('shared.detail', { size: formatBytes(f.bytes), last: String(f.lastUsedBy) })}><code>{f.name}</code></td>
                <td>{f.createdBy}</td>
                <td>{t(f.owner === 'user' ? 'shared.ownerUser' : 'shared.ownerJob')}</td>
                <td data-testid="may-delete">{t(f.mayBeDeletedByFlink ? 'shared.yes' : 'shared.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ordered.length > SHOWN && <p className="panel-note">{t('shared.more', { n: ordered.length - SHOWN })}</p>}
    </div>
  );
}
