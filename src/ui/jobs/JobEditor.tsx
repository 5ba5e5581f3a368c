import { useEffect, useMemo, useRef, useState } from 'react';
import { previewUpgrade, type ScenarioSpec, type StateMapping } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { useT } from '../../i18n/useT';
import { formatMs } from '../format';
import { MappingTable } from './MappingTable';
import { InsertForm, OperatorRow } from './JobEditorRows';
import './JobEditor.css';
import { CancelJob } from './CancelJob';

// The job editor: operators added, removed and reordered, parallelism, keyBy, state kinds, sink
// kinds and uids, each edit a pure function (draftEdits.ts) whose result the engine checks. Then
// Upgrade (stop-with-savepoint, the changed job from it, one command of the run). The mapping table
// shows beforehand where each operator's state would go, and afterwards where it went.

interface Draft { base: ScenarioSpec; spec: ScenarioSpec }

export function JobEditor() {
  const state = useRun((r) => r.sim.state);
  const status = useRun((r) => r.sim.state.job.status);
  const jobChange = useRun((r) => r.jobChange);
  const { upgradeJob } = useRunActions();
  const t = useT();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [allow, setAllow] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<string | null>(null);
  // an edit belongs to the job it was made on: a new job (an upgrade, a restore) starts a new draft
  const spec = draft && draft.base === state.scenario ? draft.spec : state.scenario;
  const edit = (next: ScenarioSpec, focusAfter?: string) => {
    if (next === spec) return;
    setDraft({ base: state.scenario, spec: next });
    setFocus(focusAfter ?? null);
  };
  // a moved operator's row moves in the list: its button keeps the focus (or its neighbour when it can move no further)
  useEffect(() => {
    if (!focus || !list.current) return;
    const [id] = focus.split(/-(?=up$|down$)/);
    const target = list.current.querySelector<HTMLButtonElement>(`button[data-move="${CSS.escape(focus)}"]:not(:disabled)`)
      ?? list.current.querySelector<HTMLButtonElement>(`button[data-move^="${CSS.escape(id)}-"]:not(:disabled)`);
    target?.focus();
    setFocus(null);
  }, [focus, spec]);
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
    if (upgradeJob(spec, allow)) setDraft(null);
  };
  const after = jobChange && jobChange.snapshotId === state.restores.at(-1)?.id ? jobChange : null;
  const sinkOverride = state.config.raw['sim.sink.kind'];
  return (
    <section className="job-editor" aria-labelledby="job-editor-heading" data-testid="job-editor">
      <h3 id="job-editor-heading">{t('jobs.editor.heading')}</h3>
      <p className="panel-note">{t('jobs.editor.note')}</p>
      <ol className="editor-ops" ref={list}>
        {spec.operators.map((o) => <OperatorRow key={o.id} spec={spec} o={o} edit={edit} sinkOverride={sinkOverride === undefined ? undefined : String(sinkOverride)} />)}
      </ol>
      <p className="panel-note">{t('jobs.editor.keyedNote')}</p>
      <InsertForm spec={spec} edit={edit} />
      {'error' in preview ? <p className="editor-problem" role="alert" data-testid="editor-problem">{t('jobs.editor.invalid', { message: preview.error })}</p> : status === 'RUNNING' && (
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
      <CancelJob />
      {after && (
        <>
          <p className="panel-note" data-testid="upgraded-note">{t('jobs.editor.upgraded', { time: formatMs(after.restoredAt), id: String(after.snapshotId) })}</p>
          <MappingTable mapping={after.mapping} allowNonRestoredState after />
        </>
      )}
    </section>
  );
}
