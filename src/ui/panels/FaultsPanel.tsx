import { useMemo, useState } from 'react';
import { coordinatorView, effectiveFailoverStrategy, effectiveRestartStrategy, storageView } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun, useRunActions, useView } from '../../store/react';
import { formatMs } from '../format';
import { keyColour } from '../graph/keyColours';
import { useRunView } from '../graph/useRunView';

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
  return (
    <dl className="overview">
      <dt>Job</dt><dd data-testid="recovery-status">{v.status}{v.status === 'RESTARTING' && v.restoreIn !== null && ` · restore in ${formatMs(Math.max(0, v.restoreIn))}`}</dd>
      <dt>Restarts</dt><dd>{v.restarts}{v.lastRestore ? ` · last restored from checkpoint ${v.lastRestore}` : ''}</dd>
      <dt>Restart strategy</dt><dd data-testid="restart-strategy">{strategy}</dd>
      <dt>Failover strategy</dt><dd>{failover}</dd>
      {v.failure && <><dt>Failure</dt><dd className="failure">{v.failure}</dd></>}
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
  return (
    <div className="fault-buttons">
      {tms.map((t) => <button key={t.index} type="button" disabled={!running} onClick={() => inject({ kind: 'taskmanager', index: t.index })}>Kill TaskManager {t.index} ({t.subtasks} subtasks)</button>)}
      <button type="button" disabled={!running} onClick={() => inject({ kind: 'jobmanager' })} title={storage === 'jobmanager' ? 'checkpoints live in its memory: they are lost with it' : 'checkpoints are in the file system: they survive'}>Fail JobManager</button>
      <button type="button" onClick={() => inject({ kind: 'storage-outage', durationMs: 10_000 })}>Storage outage (10 s)</button>
      <SelectedSubtaskFaults />
      <p className="panel-note">To kill one subtask, click it in the graph and press <strong>Kill task</strong> in the State panel.</p>
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
  if (!v) return null;
  return (
    <>
      <button type="button" disabled={!v.running} onClick={() => inject({ kind: 'slow', subtask: v.sid, factor: 10 })}>Make {v.name} 10× slower</button>
      {v.firstInput >= 0 && <button type="button" disabled={!v.running} onClick={() => inject({ kind: 'channel', channel: v.firstInput })}>Break an input channel of {v.name}</button>}
    </>
  );
}

function SinkOutput() {
  const [reader, setReader] = useState<'read_committed' | 'read_uncommitted'>('read_committed');
  const plan = useRun((r) => r.sim.state.plan);
  const rows = useRun((run) => {
    const out: { key: string; value: number; partition: number; offset: number }[] = [];
    for (const st of run.sim.state.subtasks) {
      if (!st.sink) continue;
      const list = reader === 'read_committed' ? st.sink.committed : st.sink.received;
      for (const r of list.slice(-6)) out.push({ key: r.key, value: r.value, partition: r.part, offset: r.off });
    }
    return out;
  }, viewEqual);
  const counts = useRun((run) => {
    let committed = 0;
    let written = 0;
    let kind = 'plain';
    for (const st of run.sim.state.subtasks) if (st.sink) { committed += st.sink.committed.length; written += st.sink.received.length; kind = st.sink.kind; }
    return { committed, written, kind };
  }, viewEqual);
  return (
    <>
      <p className="panel-note">Sink kind <strong>{counts.kind}</strong>: {counts.written} records written, {counts.committed} committed. What a reader of the sink's output sees, by its isolation level (the last 6 per sink subtask, each with the source partition and offset it came from):</p>
      <div className="tabs" role="radiogroup" aria-label="Reader isolation">
        {(['read_committed', 'read_uncommitted'] as const).map((r) => (
          <button key={r} type="button" role="radio" aria-checked={reader === r} className={reader === r ? 'active' : ''} onClick={() => setReader(r)}>{r}</button>
        ))}
      </div>
      <ol className="sink-list" data-testid="sink-output">{rows.map((r, i) => <li key={i}><span className="swatch" style={{ background: keyColour(r.key, plan) }} />{r.key} = {r.value} <span className="muted">(partition {r.partition}, offset {r.offset})</span></li>)}</ol>
    </>
  );
}

function Oracle() {
  const oracle = useRun((r) => r.oracle);
  const plan = useRun((r) => r.sim.state.plan);
  const { checkOracle: check } = useRunActions();
  return (
    <>
      <p className="panel-note">The oracle replays the same scenario and seed without faults to the same source offsets and compares what the sinks committed, as far as the job defines it: per key where a key stays on one subtask, else the records as a whole.</p>
      <button type="button" className="primary" onClick={check}>Check exactly-once</button>
      {oracle && (
        <div className="oracle">
          <p className={`verdict verdict-${oracle.result.verdict}`} data-testid="oracle-verdict">
            {oracle.result.verdict} <span className="muted">at {(oracle.at / 1000).toFixed(1)} s: {oracle.result.duplicates} duplicated, {oracle.result.missing} missing</span>
          </p>
          <p className="panel-note" data-testid="oracle-reason">Judged {oracle.result.judged}: {oracle.result.reason}</p>
          <table className="state-table">
            <thead><tr><th>Key</th><th>expected</th><th>committed</th><th>duplicated</th><th>missing</th><th>final value</th></tr></thead>
            <tbody>
              {oracle.result.keys.map((k) => (
                <tr key={k.key} className={k.duplicates ? 'dup' : k.missing ? 'miss' : ''} data-testid={`oracle-row-${k.key}`}>
                  <th scope="row"><span className="swatch" style={{ background: keyColour(k.key, plan) }} />{k.key}</th>
                  <td>{k.expected}</td><td>{k.actual}</td><td>{k.duplicates || ''}</td><td>{k.missing || ''}</td>
                  <td>{k.actualFinal ?? '-'}{k.actualFinal !== k.expectedFinal && ` (expected ${k.expectedFinal ?? '-'})`}</td>
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
  return (
    <section className="panel" aria-labelledby="faults-heading">
      <h2 id="faults-heading">Faults and recovery</h2>
      <RecoveryStatus />
      <h3>Inject a failure</h3>
      <FaultButtons />
      <h3>Exactly-once?</h3>
      <Oracle />
      <h3>Sink output</h3>
      <SinkOutput />
    </section>
  );
}
