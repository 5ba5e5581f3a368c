import { Fragment, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { plainStateValue, type CompletedCheckpoint, type KeyedStateEntry, type SimState } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { formatBytes, formatMs, formatStateValue } from '../format';
import { RescaleView } from './RescaleView';
import { JobEditor } from '../jobs/JobEditor';
import { SourceOffsets } from '../jobs/SourceOffsets';
import { SharedFiles } from '../jobs/SharedFiles';
import { AfterBarrierNote } from './AfterBarrier';
import { useT } from '../../i18n/useT';
import { rich } from '../../i18n/rich';
import type { Translate } from '../../i18n/translate';

// Retained checkpoints and savepoints side by side: what distinguishes them (the comparison of
// checkpoints and savepoints made concrete), what each one holds, and a restore from any of them
// with another parallelism.

function describe(c: CompletedCheckpoint, t: Translate) {
  return {
    kind: t(c.type === 'SYNC_SAVEPOINT' ? 'snap.kindStop' : c.isSavepoint ? 'snap.kindSavepoint' : c.type === 'UNALIGNED_CHECKPOINT' ? 'snap.kindUnaligned' : 'snap.kindCheckpoint'),
    owner: t(c.isSavepoint ? 'snap.ownerYou' : 'snap.ownerFlink'),
    format: c.isSavepoint ? t('snap.formatCanonical') : t(c.backend === 'rocksdb' ? 'snap.formatNativeIncremental' : 'snap.formatNative', { backend: c.backend }),
    purpose: t(c.isSavepoint ? 'snap.forPlanned' : 'snap.forRecovery'),
    size: formatBytes(c.stateBytes),
  };
}

/** One key's states as a prototype-free object of state name to value, as formatStateValue reads it. */
function entryObject(entry: KeyedStateEntry): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [name, value] of entry) out[name] = plainStateValue(value);
  return out;
}

function Inspect({ snap, state }: { snap: CompletedCheckpoint; state: SimState }) {
  const t = useT();
  return (
    <div className="inspect" data-testid={`snapshot-detail-${snap.id}`}>
      <AfterBarrierNote checkpointId={snap.id} />
      {state.plan.operators.map((op) => (
        <Fragment key={op.id}>
          <h4>{op.name}</h4>
          {op.subtasks.map((sid) => {
            const s = snap.subtasks[sid];
            if (!s) return <p key={sid} className="panel-note">{t('snap.notIn', { name: state.plan.subtasks[sid].name })}</p>;
            const groups = [...s.keyed.keys()].sort((a, b) => a - b);
            const input = Object.values(s.inputChannelState).reduce((n, r) => n + r.length, 0);
            const output = Object.values(s.outputChannelState).reduce((n, r) => n + r.length, 0);
            return (
              <div key={sid} className="inspect-subtask">
                <strong>{state.plan.subtasks[sid].name}</strong>{s.keyGroupRange && <span className="muted">{t('snap.keyGroups', { from: String(s.keyGroupRange[0]), to: String(s.keyGroupRange[1]) })}</span>}
                {groups.length > 0 && (
                  <table className="state-table">
                    <thead><tr><th>{t('state.keyGroup')}</th><th>{t('state.key')}</th><th>{t('snap.state')}</th></tr></thead>
                    <tbody>
                      {groups.flatMap((g) => [...s.keyed.get(g)!].map(([k, v]) => (
                        <tr key={`${g}-${k}`}><td>{g}</td><td>{k}</td><td>{formatStateValue(entryObject(v))}</td></tr>
                      )))}
                    </tbody>
                  </table>
                )}
                {Object.entries(s.operator).map(([name, list]) => (
                  <div key={name} className="panel-note">{rich(t, 'snap.operatorState', { value: JSON.stringify(list, (_k, v) => (Array.isArray(v) && v.length > 6 ? t('snap.entries', { n: v.length }) : v)) }, { name: <code>{name}</code> })}</div>
                ))}
                {input + output > 0 && <div className="panel-note">{t('snap.channelState', { input, output })}</div>}
                {s.files.length > 0 && <div className="panel-note">{t('snap.files', { list: s.files.map((f) => `${f.name} (${formatBytes(f.bytes)}${(state.coordinator.sharedFiles.get(f.name)?.createdBy ?? snap.id) !== snap.id ? t('snap.sharedWith', { id: String(state.coordinator.sharedFiles.get(f.name)?.createdBy) }) : ''})`).join(', ') })}</div>}
              </div>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}

function RestoreForm({ snap, state }: { snap: CompletedCheckpoint; state: SimState }) {
  const { restoreFrom: restore } = useRunActions();
  const [parallelism, setParallelism] = useState<Record<string, string>>({});
  const [allow, setAllow] = useState(false);
  const t = useT();
  return (
    <form className="restore-form" onSubmit={(e) => {
      e.preventDefault();
      const p: Record<string, number> = {};
      for (const [k, v] of Object.entries(parallelism)) if (v !== '') p[k] = Number(v);
      restore(snap.id, p, allow);
    }}>
      {state.plan.operators.map((op) => (
        <label key={op.id}>{op.name}
          <input type="number" min={1} max={op.maxParallelism} aria-label={t('snap.parallelismOf', { name: op.name })} value={parallelism[op.id] ?? String(op.parallelism)} onChange={(e) => setParallelism({ ...parallelism, [op.id]: e.target.value })} />
        </label>
      ))}
      <label className="checkbox"><input type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} /> {t('snap.allowNonRestored')}</label>
      <button type="submit" className="primary" data-testid={`restore-${snap.id}`}>{t(snap.isSavepoint ? 'snap.restoreSavepoint' : 'snap.restoreCheckpoint', { id: String(snap.id) })}</button>
    </form>
  );
}

export function SnapshotsPanel() {
  // the state object is the job's own (it changes with a new job); the snapshots, once taken, never change
  const state = useRun((r) => r.sim.state);
  const all = useRun((r) => [...r.sim.state.coordinator.retained, ...r.sim.state.coordinator.savepoints].sort((x, y) => x.id - y.id), shallow);
  const [open, setOpen] = useState<number | null>(null);
  const t = useT();
  return (
    <section className="panel" aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">{t('snap.heading')}</h2>
      <RescaleView />
      {all.length === 0 ? <p className="panel-note">{t('snap.none')}</p> : (
        <div className="table-scroll">
          <table className="history-table snapshots-table">
            <thead><tr><th>{t('snap.id')}</th><th>{t('snap.kind')}</th><th>{t('snap.owner')}</th><th>{t('snap.format')}</th><th>{t('snap.for')}</th><th>{t('snap.completed')}</th><th>{t('snap.fullSize')}</th></tr></thead>
            <tbody>
              {all.map((c) => {
                const d = describe(c, t);
                return (
                  <Fragment key={c.id}>
                    <tr data-testid={`snapshot-row-${c.id}`} className="expandable" onClick={() => setOpen(open === c.id ? null : c.id)}>
                      <td><button type="button" className="link" aria-expanded={open === c.id} aria-label={t('snap.details', { id: String(c.id) })}>{open === c.id ? '▾' : '▸'} {c.id}</button></td>
                      <td>{d.kind}</td><td>{d.owner}</td><td>{d.format}</td><td>{d.purpose}</td><td>{formatMs(c.completedAt)}</td><td>{d.size}</td>
                    </tr>
                    {open === c.id && <tr><td colSpan={7}><RestoreForm snap={c} state={state} /><Inspect snap={c} state={state} /></td></tr>}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SourceOffsets />
      <SharedFiles />
      <JobEditor />
    </section>
  );
}
