import { idChanges, type MappingRow, type StateMapping } from '../../engine';
import { useT } from '../../i18n/useT';

// Savepoint operator ids → operators of the new job, as Flink matches them: by OperatorID alone.
// Matched rows restore their state, orphaned ones hold state no operator takes (the start fails
// without allowNonRestoredState), new ones start empty.

const short = (id: string) => `${id.slice(0, 8)}…`;

function side(o: { name: string; vertex: string; uid: string | null; parallelism: number } | undefined) {
  if (!o) return <span className="muted">—</span>;
  return <>{o.name} <span className="muted">×{o.parallelism}{o.uid !== null ? ` · uid "${o.uid}"` : ''}</span></>;
}

function resultKey(r: MappingRow) {
  if (r.status === 'matched') return r.refusal === undefined ? 'jobs.mapping.matched' as const : 'jobs.mapping.refused' as const;
  if (r.status === 'new') return 'jobs.mapping.new' as const;
  return r.from.hasState ? 'jobs.mapping.orphanedState' as const : 'jobs.mapping.orphanedEmpty' as const;
}

export function MappingTable({ mapping, allowNonRestoredState, after = false }: { mapping: StateMapping; allowNonRestoredState: boolean; after?: boolean }) {
  const t = useT();
  const blocking = mapping.blocking[0];
  // an operator of both jobs whose ID differs: its old ID is orphaned, its new one is new
  const renamed = idChanges(mapping);
  return (
    <div className="mapping" data-testid={after ? 'mapping-table-after' : 'mapping-table'}>
      <h4>{t(after ? 'jobs.mapping.headingAfter' : 'jobs.mapping.heading')}</h4>
      <div className="table-scroll">
        <table className="state-table">
          <thead><tr><th>{t('jobs.mapping.operatorId')}</th><th>{t('jobs.mapping.inSavepoint')}</th><th>{t('jobs.mapping.inNewJob')}</th><th>{t('jobs.mapping.result')}</th></tr></thead>
          <tbody>
            {mapping.rows.map((r) => (
              <tr key={`${r.status}-${r.operatorId}`} data-status={r.status} data-refused={r.status === 'matched' && r.refusal !== undefined ? 'true' : undefined} className={`mapping-${r.status}`}>
                <td><code title={r.operatorId}>{short(r.operatorId)}</code></td>
                <td>{side(r.status === 'new' ? undefined : r.from)}</td>
                <td>{side(r.status === 'orphaned' ? undefined : r.to)}</td>
                <td>{t(resultKey(r))}{r.status !== 'matched' && renamed.has(r.status === 'new' ? r.to.vertex : r.from.vertex) && <span className="muted"> · {t('jobs.mapping.idChanged')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mapping.refusal !== undefined && !after && <p className="panel-note mapping-refusal" data-testid="mapping-refusal">{t('jobs.mapping.refusal', { message: mapping.refusal })}</p>}
      {blocking && !after && <p className="panel-note" style={allowNonRestoredState ? undefined : { color: '#9a3412', fontWeight: 600 }} data-testid="mapping-verdict">{allowNonRestoredState ? t('jobs.mapping.dropped') : t('jobs.mapping.blocked', { id: blocking.operatorId })}</p>}
    </div>
  );
}
