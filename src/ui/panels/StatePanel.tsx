import { motion, useReducedMotion } from 'motion/react';
import { useState } from 'react';
import { assignToKeyGroup, plainStateValue, type SimState, type StateValue } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun, useRunActions, useRunReader, useView, useViewActions } from '../../store/react';
import { formatStateValue } from '../format';
import { keyColour } from '../graph/keyColours';

// The state of one subtask: keyed state per key with its key group, beside the value the latest
// completed checkpoint holds (what a restore would bring back); operator state for sources.

interface Row { key: string; keyGroup: number; values: string[]; checkpointed: string[] }

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
    };
  });
  return { rows, checkpointId: latest ? latest.id : null };
}

function FlashCell({ value }: { value: string }) {
  const reduced = useReducedMotion();
  if (reduced) return <td className="value">{value}</td>;
  return (
    <motion.td key={value} className="value" initial={{ backgroundColor: 'rgba(250, 204, 21, 0.85)' }} animate={{ backgroundColor: 'rgba(250, 204, 21, 0)' }} transition={{ duration: 1.2 }}>
      {value}
    </motion.td>
  );
}

const KIND_NAMES = { value: 'ValueState', list: 'ListState', map: 'MapState', reducing: 'ReducingState' } as const;

function KeyedTable({ sid }: { sid: number }) {
  const meta = useRun((r) => {
    const ps = r.sim.state.plan.subtasks[sid];
    const op = r.sim.state.plan.operators[ps.operator];
    return { opId: op.id, index: ps.index, range: ps.keyGroupRange!.join('–'), states: op.states.map((d) => `${d.name} (${KIND_NAMES[d.kind]})`) };
  }, viewEqual);
  const { rows, checkpointId } = useRun((r) => rowsOf(r.sim.state, sid), viewEqual);
  const plan = useRun((r) => r.sim.state.plan);
  const states = meta.states;
  return (
    <>
      <p className="panel-note">Key groups {meta.range}. Every key lands here because <code>murmurHash(hashCode(key)) % maxParallelism</code> falls in this range.</p>
      {rows.length === 0 ? <p className="panel-note">No keys yet: press Play.</p> : (
        <table className="state-table">
          <thead>
            <tr>
              <th scope="col">Key</th><th scope="col">Key group</th>
              {states.map((s) => <th scope="col" key={s}>{s}</th>)}
              <th scope="col" title="the value a restore would bring back">{checkpointId ? `in checkpoint #${checkpointId}` : 'in a checkpoint'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={`state-row-${meta.opId}-${meta.index}-${r.key}`}>
                <th scope="row"><span className="swatch" style={{ background: keyColour(r.key, plan) }} aria-hidden="true" />{r.key}</th>
                <td>{r.keyGroup}</td>
                {r.values.map((v, i) => <FlashCell key={i} value={v} />)}
                <td className={`checkpointed${r.checkpointed.join() !== r.values.join() ? ' differs' : ''}`}>{checkpointId ? r.checkpointed.filter(Boolean).join(' · ') || '—' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function SourceTable({ sid }: { sid: number }) {
  const rows = useRun((r) => {
    const st = r.sim.state.subtasks[sid];
    const latest = r.sim.state.coordinator.retained[r.sim.state.coordinator.retained.length - 1];
    const stored = (latest?.subtasks[sid]?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[];
    return st.source!.partitions.map((p) => ({ p: String(p), off: String(st.source!.offsets[p]), stored: String(stored.find((x) => x.partition === p)?.offset ?? '—') }));
  }, viewEqual);
  return (
    <>
      <p className="panel-note">Operator state <code>SourceReaderState</code> (even-split list): the next offset to read in each assigned partition.</p>
      <table className="state-table">
        <thead><tr><th scope="col">Partition</th><th scope="col">Next offset</th><th scope="col">in latest checkpoint</th></tr></thead>
        <tbody>
          {rows.map(({ p, off, stored }) => (
            <tr key={p} data-testid={`source-row-${sid}-${p}`}><th scope="row">{p}</th><FlashCell value={off} /><td className="checkpointed">{stored}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SinkView({ sid }: { sid: number }) {
  const v = useRun((r) => {
    const sink = r.sim.state.subtasks[sid].sink!;
    return { kind: sink.kind, count: sink.count, committed: sink.committed.length, last: sink.received.slice(-8).reverse().map((x) => `${x.key}=${x.value}`) };
  }, viewEqual);
  return (
    <>
      <p className="panel-note">Sink kind <strong>{v.kind}</strong>: <span data-testid={`sink-count-${sid}`}>{v.count}</span> records written, {v.committed} visible to a read_committed reader.</p>
      <ol className="sink-list">{v.last.map((x, i) => <li key={i}>{x}</li>)}</ol>
    </>
  );
}

type When = 'now' | 'alignment' | 'acknowledged' | 'completed';

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
  const armed = useRun((r) => r.sim.state.recovery.armed.filter((a) => a.fault.kind === 'task' && a.fault.subtask === sid).map((a) => `${a.when.phase} of checkpoint ${a.when.checkpointId}`).join(', '));
  const [when, setWhen] = useState<When>('now');
  const kill = () => {
    const fault = { kind: 'task' as const, subtask: sid };
    if (when === 'now') inject(fault);
    else arm(fault, { phase: when, checkpointId: targetCheckpoint(readRun().sim.state, sid), subtask: sid });
  };
  return (
    <div className="kill-task">
      <label>When
        <select value={when} onChange={(e) => setWhen(e.target.value as When)}>
          <option value="now">now</option>
          <option value="alignment">during its next alignment</option>
          <option value="acknowledged">after it acknowledges the next checkpoint</option>
          <option value="completed">right after the next checkpoint completes (before sinks commit)</option>
        </select>
      </label>
      <button type="button" className="danger" disabled={job !== 'RUNNING' || status !== 'RUNNING'} onClick={kill} title="The subtask fails: Flink cancels its region, waits for the restart delay and restores the latest completed checkpoint">
        Kill task
      </button>
      {armed && <span className="armed" data-testid="armed-fault">armed: {armed}</span>}
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
  return (
    <section className="panel" aria-labelledby="state-heading">
      <h2 id="state-heading">State</h2>
      <div className="pickers">
        <label>Operator
          <select value={op.index} onChange={(e) => select(plan.operators[Number(e.target.value)].subtasks[0])}>
            {plan.operators.map((o) => <option key={o.id} value={o.index}>{o.name}</option>)}
          </select>
        </label>
        <label>Subtask
          <select value={sid} onChange={(e) => select(Number(e.target.value))}>
            {op.subtasks.map((s) => <option key={s} value={s}>{plan.subtasks[s].name}</option>)}
          </select>
        </label>
        <KillTask sid={sid} />
      </div>
      {op.keyed ? <KeyedTable sid={sid} /> : op.kind === 'source' ? <SourceTable sid={sid} /> : op.kind === 'sink' ? <SinkView sid={sid} /> : (
        <p className="panel-note">{ps.name} keeps no state: it transforms each record and passes it on.</p>
      )}
    </section>
  );
}
