import { useMemo, useState } from 'react';
import { previewUpgrade, RETENTION_KEY, type JobStatus, type ScenarioSpec, type StateMapping } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { useT } from '../../i18n/useT';
import { formatMs } from '../format';
import { MappingTable } from './MappingTable';
import { insertMapAfter, removable, removeOperator, setParallelism, setUid } from './draftEdits';

// A minimal job editor: parallelism, uid, a map inserted or removed; then Upgrade (stop-with-
// savepoint, the changed job from it, one command of the run). The mapping table shows beforehand
// where each operator's state would go, and afterwards where it went.

interface Draft { base: ScenarioSpec; spec: ScenarioSpec }

export function JobEditor() {
  const state = useRun((r) => r.sim.state);
  const status = useRun((r) => r.sim.state.job.status);
  const { upgradeJob, cancelJob } = useRunActions();
  const t = useT();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [allow, setAllow] = useState(false);
  // the mapping an upgrade followed, shown while the job it started runs
  const [done, setDone] = useState<{ mapping: StateMapping; generation: number } | null>(null);
  // an edit belongs to the job it was made on: a new job (an upgrade, a restore) starts a new draft
  const spec = draft && draft.base === state.scenario ? draft.spec : state.scenario;
  const edit = (next: ScenarioSpec) => setDraft({ base: state.scenario, spec: next });
  const preview = useMemo((): { mapping: StateMapping } | { error: string } => {
    try {
      return { mapping: previewUpgrade(state, spec) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [state, spec]);
  const changed = spec !== state.scenario;
  const upgrade = () => {
    if (!('mapping' in preview)) return;
    const generation = state.job.generation + 1;
    if (upgradeJob(spec, allow)) {
      setDraft(null);
      setDone({ mapping: preview.mapping, generation });
    }
  };
  const after = done && done.generation === state.job.generation ? done : null;
  return (
    <section className="job-editor" aria-labelledby="job-editor-heading" data-testid="job-editor">
      <h3 id="job-editor-heading">{t('jobs.editor.heading')}</h3>
      <p className="panel-note">{t('jobs.editor.note')}</p>
      <div className="table-scroll">
        <table className="state-table">
          <thead><tr><th>{t('jobs.editor.operator')}</th><th>{t('jobs.editor.kind')}</th><th>{t('jobs.editor.parallelism')}</th><th>{t('jobs.editor.uid')}</th><th /></tr></thead>
          <tbody>
            {spec.operators.map((o) => (
              <tr key={o.id} data-testid={`editor-op-${o.id}`}>
                <td>{o.name}</td>
                <td><code>{o.kind}</code></td>
                <td>
                  <input type="number" min={1} max={256} style={{ width: '4.5em' }} aria-label={t('jobs.editor.parallelismOf', { name: o.name })}
                    value={o.parallelism ?? ''} placeholder="1"
                    onChange={(e) => { const n = Number(e.target.value); if (Number.isInteger(n) && n >= 1 && n <= 256) edit(setParallelism(spec, o.id, n)); }} />
                </td>
                <td>
                  <input type="text" maxLength={200} style={{ width: '9em' }} aria-label={t('jobs.editor.uidOf', { name: o.name })}
                    value={o.uid ?? ''} placeholder={t('jobs.editor.noUid')} onChange={(e) => edit(setUid(spec, o.id, e.target.value))} />
                </td>
                <td>
                  {o.kind !== 'sink' && <button type="button" aria-label={t('jobs.editor.insertMap', { name: o.name })} onClick={() => edit(insertMapAfter(spec, o.id))}>{t('jobs.editor.insert')}</button>}
                  {removable(spec, o.id) && <button type="button" aria-label={t('jobs.editor.removeOf', { name: o.name })} onClick={() => edit(removeOperator(spec, o.id))}>{t('jobs.editor.remove')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {'error' in preview ? <p className="panel-note" role="alert" style={{ color: '#9a3412' }}>{t('jobs.editor.invalid', { message: preview.error })}</p> : status === 'RUNNING' && (
        <>
          {!changed && <p className="panel-note">{t('jobs.editor.unchanged')}</p>}
          <MappingTable mapping={preview.mapping} allowNonRestoredState={allow} />
        </>
      )}
      <div className="restore-form">
        <label className="checkbox"><input type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} /> {t('jobs.editor.allow')}</label>
        {changed && <button type="button" onClick={() => setDraft(null)}>{t('jobs.editor.reset')}</button>}
        <button type="button" className="primary" data-testid="upgrade-job" disabled={'error' in preview || status !== 'RUNNING'}
          onClick={upgrade}>{t('jobs.editor.upgrade')}</button>
      </div>
      {status !== 'RUNNING' && <p className="panel-note">{t('jobs.editor.notRunning', { status })}</p>}
      <CancelJob status={status} cancel={cancelJob} retention={state.config.raw[RETENTION_KEY]} />
      {after && (
        <>
          <p className="panel-note" data-testid="upgraded-note">{t('jobs.editor.upgraded', { time: formatMs(state.restores.at(-1)?.restore_timestamp ?? 0), id: String(state.restores.at(-1)?.id ?? '') })}</p>
          <MappingTable mapping={after.mapping} allowNonRestoredState={allow} after />
        </>
      )}
    </section>
  );
}

function CancelJob({ status, cancel, retention }: { status: JobStatus; cancel: () => boolean; retention: string | undefined }) {
  const t = useT();
  const kept = retention === 'RETAIN_ON_CANCELLATION';
  if (status === 'CANCELED') return <p className="panel-note" data-testid="job-cancelled">{t('jobs.cancel.done')}</p>;
  return (
    <div className="restore-form">
      <p className="panel-note">{kept ? t('jobs.cancel.kept', { key: RETENTION_KEY }) : t('jobs.cancel.deleted', { key: RETENTION_KEY, value: retention ?? 'NO_EXTERNALIZED_CHECKPOINTS' })}</p>
      <button type="button" data-testid="cancel-job" disabled={status !== 'RUNNING' && status !== 'RESTARTING'} onClick={cancel}>{t('jobs.cancel.button')}</button>
    </div>
  );
}
