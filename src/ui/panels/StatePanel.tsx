import { useRef, useState } from 'react';
import { assignToKeyGroup, holdsExpired, plainStateValue, timestampName, type SimState, type StateValue } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun, useRunActions, useRunReader, useView, useViewActions } from '../../store/react';
import { formatStateValue } from '../format';
import { keyColour } from '../graph/keyColours';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';
import { rich } from '../../i18n/rich';
import { SinkView } from './SinkView';
import { useReadableRun } from '../controls/useReadable';
import { useAfterBarrierKeys } from './AfterBarrier';
import { StateSizeChart } from './StateSizeChart';
import { TtlSettings } from './TtlSettings';

// The state of one subtask: keyed state per key with its key group, beside the value the latest
// completed checkpoint holds (what a restore would bring back); operator state for sources.

/** `expired`: a state TTL value of the key is expired and not cleaned up yet */
interface Row { key: string; keyGroup: number; values: string[]; checkpointed: string[]; expired: boolean }

function rowsOf(state: SimState, sid: number): { rows: Row[]; checkpointId: number | null } {
  const ps = state.plan.subtasks[sid];
  const op = state.plan.operators[ps.operator];
  const latest = state.coordinator.retained[state.coordinator.retained.length - 1];
  const snap = latest?.subtasks[sid];
  const keys = new Map<string, number>();
  for (const table of [state.subtasks[sid].keyed, snap?.keyed ?? new Map()]) {
    for (const [g, group] of table) for (const k of group.keys()) keys.set(k, g);
  }
  const shown = (v: StateValue | undefined) => formatStateValue(v === undefined ? v : plainStateValue(v));
  const rows = [...keys].sort(([a], [b]) => a.localeCompare(b)).map(([key]) => {
    const kg = assignToKeyGroup(key, op.maxParallelism);
    const live = state.subtasks[sid].keyed.get(kg)?.get(key);
    const cp = snap?.keyed.get(kg)?.get(key);
    return {
      key, keyGroup: kg,
      values: op.states.map((d) => shown(live?.get(d.name))),
      checkpointed: op.states.map((d) => shown(cp?.get(d.name))),
      expired: op.ttl !== undefined && live !== undefined && op.states.some((d) => live.has(d.name) && holdsExpired(d.kind, live.get(d.name)!, live.get(timestampName(d.name)), op.ttl!.ttlMs, state.now)),
    };
  });
  return { rows, checkpointId: latest ? latest.id : null };
}

/** a value that changes again within this long of its last change is changing all the time: it does not flash again */
const FLASH_MS = 1200;

// a CSS animation (app.css .value.flash), restarted by the key: motion stays out of the first screen's JavaScript.
// Only a change after the value held still flashes: a counter changing every frame flashing without end
// said nothing and repainted the table every frame (bench: most of the renderer's CPU at wide 1×).
function FlashCell({ value }: { value: string }) {
  const seen = useRef({ value, changedAt: -Infinity, flashes: 0 });
  const s = seen.current;
  if (s.value !== value) {
    const now = performance.now();
    if (now - s.changedAt >= FLASH_MS) s.flashes++;
    s.value = value;
    s.changedAt = now;
  }
  return <td key={s.flashes} className="value flash">{value}</td>;
}

const KIND_NAMES = { value: 'ValueState', list: 'ListState', map: 'MapState', reducing: 'ReducingState' } as const;

function KeyedTable({ sid }: { sid: number }) {
  const meta = useRun((r) => {
    const ps = r.sim.state.plan.subtasks[sid];
    const op = r.sim.state.plan.operators[ps.operator];
    return { opId: op.id, index: ps.index, range: ps.keyGroupRange!.join('–'), states: op.states.map((d) => `${d.name} (${KIND_NAMES[d.kind]})`) };
  }, viewEqual);
  // the values change with nearly every frame of a busy run: read as often as a reader can follow
  const { rows, checkpointId } = useReadableRun((r) => rowsOf(r.sim.state, sid), viewEqual, sid);
  const afterBarrier = useAfterBarrierKeys(sid, checkpointId);
  const plan = useRun((r) => r.sim.state.plan);
  const t = useT();
  const states = meta.states;
  return (
    <>
      <TtlSettings opId={meta.opId} />
      <StateSizeChart selected={meta.opId} />
      <p className="panel-note">{rich(t, 'state.keyGroupsNote', { range: meta.range }, { formula: <code>murmurHash(hashCode(key)) % maxParallelism</code> })}</p>
      {rows.length === 0 ? <p className="panel-note">{t('state.noKeys')}</p> : (
        <table className="state-table">
          <thead>
            <tr>
              <th scope="col">{t('state.key')}</th><th scope="col">{t('state.keyGroup')}</th>
              {states.map((s) => <th scope="col" key={s}>{s}</th>)}
              <th scope="col" title={t('state.inCheckpointTitle')}>{checkpointId ? t('state.inCheckpoint', { id: String(checkpointId) }) : t('state.inACheckpoint')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={`state-row-${meta.opId}-${meta.index}-${r.key}`} className={r.expired ? 'ttl-expired' : undefined}>
                <th scope="row"><span className="swatch" style={{ background: keyColour(r.key, plan) }} aria-hidden="true" />{r.key}{r.expired && <span className="ttl-expired-tag" title={t('ttl.expiredTitle')}>{t('ttl.expiredTag')}</span>}</th>
                <td>{r.keyGroup}</td>
                {r.values.map((v, i) => <FlashCell key={i} value={v} />)}
                <td className={`checkpointed${r.checkpointed.join() !== r.values.join() ? ' differs' : ''}${afterBarrier.has(r.key) ? ' after-barrier' : ''}`} title={afterBarrier.has(r.key) ? t('picture.afterBarrierTitle', { id: String(checkpointId) }) : undefined}>
                  {checkpointId ? r.checkpointed.filter(Boolean).join(' · ') || '—' : '—'}
                  {afterBarrier.has(r.key) && <span className="after-barrier-count">{t('picture.afterBarrierCell', { n: afterBarrier.get(r.key)! })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function SourceTable({ sid }: { sid: number }) {
  const rows = useReadableRun((r) => {
    const st = r.sim.state.subtasks[sid];
    const latest = r.sim.state.coordinator.retained[r.sim.state.coordinator.retained.length - 1];
    const stored = (latest?.subtasks[sid]?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[];
    return st.source!.partitions.map((p) => ({ p: String(p), off: String(st.source!.offsets[p]), stored: String(stored.find((x) => x.partition === p)?.offset ?? '—') }));
  }, viewEqual, sid);
  const t = useT();
  return (
    <>
      <p className="panel-note">{rich(t, 'state.sourceNote', {}, { name: <code>SourceReaderState</code> })}</p>
      <table className="state-table">
        <thead><tr><th scope="col">{t('state.partition')}</th><th scope="col">{t('state.nextOffset')}</th><th scope="col">{t('state.inLatest')}</th></tr></thead>
        <tbody>
          {rows.map(({ p, off, stored }) => (
            <tr key={p} data-testid={`source-row-${sid}-${p}`}><th scope="row">{p}</th><FlashCell value={off} /><td className="checkpointed">{stored}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type When = 'now' | 'alignment' | 'acknowledged' | 'completed';

const PHASE_WORDS: Record<Exclude<When, 'now'>, MessageId> = { alignment: 'phase.alignment', acknowledged: 'phase.acknowledged', completed: 'phase.completed' };

/** The checkpoint a phase fault aims at: the one in progress if this subtask has not passed it yet, else the next. */
function targetCheckpoint(state: import('../../engine').SimState, sid: number): number {
  const pending = state.coordinator.pending.filter((id) => id > state.subtasks[sid].lastCheckpointId);
  return pending.length ? pending[0] : state.coordinator.nextId;
}

function KillTask({ sid }: { sid: number }) {
  const { injectFault: inject, armFault: arm } = useRunActions();
  const status = useRun((r) => r.sim.state.subtasks[sid].status);
  const job = useRun((r) => r.sim.state.job.status);
  const readRun = useRunReader();
  const t = useT();
  const armed = useRun((r) => r.sim.state.recovery.armed.filter((a) => a.fault.kind === 'task' && a.fault.subtask === sid).map((a) => t('kill.armedItem', { phase: t(PHASE_WORDS[a.when.phase]), id: String(a.when.checkpointId) })).join(', '));
  const [when, setWhen] = useState<When>('now');
  const kill = () => {
    const fault = { kind: 'task' as const, subtask: sid };
    if (when === 'now') inject(fault);
    else arm(fault, { phase: when, checkpointId: targetCheckpoint(readRun().sim.state, sid), subtask: sid });
  };
  return (
    <div className="kill-task">
      <label>{t('kill.when')}
        <select value={when} onChange={(e) => setWhen(e.target.value as When)} data-testid="kill-when">
          <option value="now">{t('kill.now')}</option>
          <option value="alignment">{t('kill.alignment')}</option>
          <option value="acknowledged">{t('kill.acknowledged')}</option>
          <option value="completed">{t('kill.completed')}</option>
        </select>
      </label>
      <button type="button" className="danger" disabled={job !== 'RUNNING' || status !== 'RUNNING'} onClick={kill} title={t('kill.title')} data-testid="kill-task">
        {t('kill.button')}
      </button>
      {armed && <span className="armed" data-testid="armed-fault">{t('kill.armed', { list: armed })}</span>}
    </div>
  );
}

export function StatePanel() {
  const selected = useView((v) => v.selectedSubtask);
  const { select } = useViewActions();
  const plan = useRun((r) => r.sim.state.plan);
  const sid = selected ?? plan.operators.find((o) => o.keyed)?.subtasks[0] ?? 0;
  const ps = plan.subtasks[sid];
  const op = plan.operators[ps.operator];
  const t = useT();
  return (
    <section className="panel" aria-labelledby="state-heading">
      <h2 id="state-heading">{t('state.heading')}</h2>
      <div className="pickers">
        <label>{t('state.operator')}
          <select value={op.index} onChange={(e) => select(plan.operators[Number(e.target.value)].subtasks[0])}>
            {plan.operators.map((o) => <option key={o.id} value={o.index}>{o.name}</option>)}
          </select>
        </label>
        <label>{t('state.subtask')}
          <select value={sid} onChange={(e) => select(Number(e.target.value))}>
            {op.subtasks.map((s) => <option key={s} value={s}>{plan.subtasks[s].name}</option>)}
          </select>
        </label>
        <KillTask sid={sid} />
      </div>
      {op.keyed ? <KeyedTable sid={sid} /> : op.kind === 'source' ? <SourceTable sid={sid} /> : op.kind === 'sink' ? <SinkView sid={sid} /> : (
        <p className="panel-note">{t('state.stateless', { name: ps.name })}</p>
      )}
    </section>
  );
}
