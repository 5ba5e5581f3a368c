import { useMemo, useState } from 'react';
import { coordinatorView, effectiveFailoverStrategy, effectiveRestartStrategy, storageView } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun, useRunActions, useView } from '../../store/react';
import { formatMs } from '../format';
import { keyColour } from '../graph/keyColours';
import { useRunView } from '../graph/useRunView';
import { useT } from '../../i18n/useT';
import { rich } from '../../i18n/rich';
import { ToBothChoice } from '../compare/ToBothChoice';
import { useReadableRun } from '../controls/useReadable';

// Failures on demand, recovery as it happens, and the exactly-once verdict.

function RecoveryStatus() {
  const v = useRunView((state, t) => ({
    status: state.job.status,
    restarts: state.job.restarts,
    failure: state.job.failure ?? '',
    restoreIn: coordinatorView(state, t).restartIn,
    lastRestore: state.restores.length ? state.restores[state.restores.length - 1].id : 0,
  }));
  // what the engine will do on a failure, from the configuration in force
  const raw = useRun((r) => r.sim.state.config.raw);
  const { strategy, failover } = useMemo(() => ({ strategy: effectiveRestartStrategy(raw).description, failover: effectiveFailoverStrategy(raw) }), [raw]);
  const t = useT();
  // the strategies' descriptions and the failure come from the engine, in English
  return (
    <dl className="overview">
      <dt>{t('faults.job')}</dt><dd data-testid="recovery-status">{v.status}{v.status === 'RESTARTING' && v.restoreIn !== null && t('faults.restoreIn', { ms: formatMs(Math.max(0, v.restoreIn)) })}</dd>
      <dt>{t('faults.restarts')}</dt><dd>{v.restarts}{v.lastRestore ? t('faults.lastRestored', { id: String(v.lastRestore) }) : ''}</dd>
      <dt>{t('faults.restartStrategy')}</dt><dd data-testid="restart-strategy">{strategy}</dd>
      <dt>{t('faults.failoverStrategy')}</dt><dd>{failover}</dd>
      {v.failure && <><dt>{t('faults.failure')}</dt><dd className="failure">{v.failure}</dd></>}
    </dl>
  );
}

function FaultButtons() {
  const { injectFault: inject } = useRunActions();
  const running = useRun((r) => r.sim.state.job.status === 'RUNNING');
  const tms = useRun((r) => {
    const plan = r.sim.state.plan;
    return [...Array(plan.taskManagers).keys()].map((index) => ({ index, subtasks: plan.subtasks.filter((x) => x.taskManager === index).length }));
  }, viewEqual);
  const storage = useRunView((state) => storageView(state).kind);
  const t = useT();
  return (
    <div className="fault-buttons">
      {tms.map((x) => <button key={x.index} type="button" disabled={!running} data-testid={`kill-taskmanager-${x.index}`} onClick={() => inject({ kind: 'taskmanager', index: x.index })}>{t('faults.killTm', { index: String(x.index), n: x.subtasks })}</button>)}
      <button type="button" disabled={!running} data-testid="fail-jobmanager" onClick={() => inject({ kind: 'jobmanager' })} title={storage === 'jobmanager' ? t('faults.failJmLost') : t('faults.failJmKept')}>{t('faults.failJm')}</button>
      <button type="button" data-testid="storage-outage" onClick={() => inject({ kind: 'storage-outage', durationMs: 10_000 })}>{t('faults.outage')}</button>
      <SelectedSubtaskFaults />
      <p className="panel-note">{rich(t, 'faults.killOneHint', {}, { kill: <strong>{t('kill.button')}</strong> })}</p>
    </div>
  );
}

/** Faults aimed at the subtask selected in the graph. */
function SelectedSubtaskFaults() {
  const { injectFault: inject } = useRunActions();
  const sid = useView((view) => view.selectedSubtask);
  const v = useRun((r) => {
    const ps = sid === null ? undefined : r.sim.state.plan.subtasks[sid];
    if (!ps) return null;
    return { sid: ps.id, name: ps.name, firstInput: ps.inputChannels.length ? ps.inputChannels[0] : -1, running: r.sim.state.job.status === 'RUNNING' };
  }, viewEqual);
  const t = useT();
  if (!v) return null;
  return (
    <>
      <button type="button" disabled={!v.running} onClick={() => inject({ kind: 'slow', subtask: v.sid, factor: 10 })}>{t('faults.slower', { name: v.name })}</button>
      {v.firstInput >= 0 && <button type="button" disabled={!v.running} onClick={() => inject({ kind: 'channel', channel: v.firstInput })}>{t('faults.breakChannel', { name: v.name })}</button>}
    </>
  );
}

function SinkOutput() {
  const [reader, setReader] = useState<'read_committed' | 'read_uncommitted'>('read_committed');
  const plan = useRun((r) => r.sim.state.plan);
  // what the sinks wrote changes with nearly every frame: read as often as a reader can follow
  const rows = useReadableRun((run) => {
    const out: { key: string; value: number; partition: number; offset: number }[] = [];
    for (const st of run.sim.state.subtasks) {
      if (!st.sink) continue;
      const list = reader === 'read_committed' ? st.sink.committed : st.sink.received;
      for (const r of list.slice(-6)) out.push({ key: r.key, value: r.value, partition: r.part, offset: r.off });
    }
    return out;
  }, viewEqual, reader);
  const counts = useReadableRun((run) => {
    let committed = 0;
    let written = 0;
    let kind = 'plain';
    for (const st of run.sim.state.subtasks) if (st.sink) { committed += st.sink.committed.length; written += st.sink.received.length; kind = st.sink.kind; }
    return { committed, written, kind };
  }, viewEqual);
  const t = useT();
  return (
    <>
      <p className="panel-note">{rich(t, 'faults.sinkNote', { written: counts.written, committed: counts.committed }, { kind: <strong>{counts.kind}</strong> })}</p>
      <div className="tabs" role="radiogroup" aria-label={t('faults.isolation')}>
        {(['read_committed', 'read_uncommitted'] as const).map((r) => (
          <button key={r} type="button" role="radio" aria-checked={reader === r} className={reader === r ? 'active' : ''} onClick={() => setReader(r)}>{r}</button>
        ))}
      </div>
      <ol className="sink-list" data-testid="sink-output">{rows.map((r, i) => <li key={i}><span className="swatch" style={{ background: keyColour(r.key, plan) }} />{r.key} = {r.value} <span className="muted">{t('faults.partitionOffset', { p: String(r.partition), o: String(r.offset) })}</span></li>)}</ol>
    </>
  );
}

function Oracle() {
  const oracle = useRun((r) => r.oracle);
  const plan = useRun((r) => r.sim.state.plan);
  const { checkOracle: check } = useRunActions();
  const t = useT();
  // the verdict and the reason are the oracle's own words (English)
  return (
    <>
      <p className="panel-note">{t('faults.oracleNote')}</p>
      <button type="button" className="primary" onClick={check} data-testid="check-exactly-once">{t('faults.check')}</button>
      {oracle && (
        <div className="oracle">
          <p className={`verdict verdict-${oracle.result.verdict}`} data-testid="oracle-verdict">
            {oracle.result.verdict} <span className="muted">{t('faults.verdictAt', { s: (oracle.at / 1000).toFixed(1), dup: oracle.result.duplicates, missing: oracle.result.missing })}</span>
          </p>
          <p className="panel-note" data-testid="oracle-reason">{t('faults.judged', { judged: oracle.result.judged, reason: oracle.result.reason })}</p>
          <table className="state-table">
            <thead><tr><th>{t('state.key')}</th><th>{t('faults.expected')}</th><th>{t('faults.committed')}</th><th>{t('faults.duplicated')}</th><th>{t('faults.missing')}</th><th>{t('faults.final')}</th></tr></thead>
            <tbody>
              {oracle.result.keys.map((k) => (
                <tr key={k.key} className={k.duplicates ? 'dup' : k.missing ? 'miss' : ''} data-testid={`oracle-row-${k.key}`}>
                  <th scope="row"><span className="swatch" style={{ background: keyColour(k.key, plan) }} />{k.key}</th>
                  <td>{k.expected}</td><td>{k.actual}</td><td>{k.duplicates || ''}</td><td>{k.missing || ''}</td>
                  <td>{k.actualFinal ?? '-'}{k.actualFinal !== k.expectedFinal && t('faults.expectedFinal', { v: String(k.expectedFinal ?? '-') })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function FaultsPanel() {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="faults-heading">
      <h2 id="faults-heading">{t('faults.heading')}</h2>
      <RecoveryStatus />
      <h3>{t('faults.inject')}</h3>
      <ToBothChoice />
      <FaultButtons />
      <h3>{t('faults.exactlyOnce')}</h3>
      <Oracle />
      <h3>{t('faults.sinkOutput')}</h3>
      <SinkOutput />
    </section>
  );
}
