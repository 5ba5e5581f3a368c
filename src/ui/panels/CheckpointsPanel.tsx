import { Fragment, useState } from 'react';
import { checkpointingStatistics, type CheckpointStats } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { formatBytes, formatMs } from '../format';
import { AlgorithmCost } from './AlgorithmCost';
import { CheckpointTimeline } from './CheckpointTimeline';

// Reads like Flink's web UI: Overview, History (expandable to operators and subtasks), Summary,
// Configuration. Every figure comes from the REST-shaped statistics the CLI prints too.

type Tab = 'overview' | 'history' | 'summary' | 'configuration' | 'cost';

function SubtaskDetail({ cp, opId }: { cp: CheckpointStats; opId: string }) {
  const task = cp.tasks[opId];
  return (
    <table className="detail-table">
      <thead>
        <tr><th>Subtask</th><th>Acknow­ledged</th><th>End to End Duration</th><th>Check­pointed Data Size</th><th>Sync Duration</th><th>Async Duration</th><th>Processed (persisted) Data</th><th>Alignment Duration</th><th>Start Delay</th><th>Unaligned Checkpoint</th></tr>
      </thead>
      <tbody>
        {task.subtasks.map((s) => (
          <tr key={s.index}>
            <td>{s.index + 1}</td>
            <td>{s.ack_timestamp === null ? 'pending' : `${formatMs(s.ack_timestamp)}`}</td>
            <td>{formatMs(s.end_to_end_duration)}</td>
            <td>{formatBytes(s.checkpointed_size)}</td>
            <td>{formatMs(s.checkpoint.sync)}</td>
            <td>{formatMs(s.checkpoint.async)}</td>
            <td>{formatBytes(s.alignment.processed)} ({formatBytes(s.alignment.persisted)})</td>
            <td>{formatMs(s.alignment.duration)}</td>
            <td>{formatMs(s.start_delay)}</td>
            <td>{s.unaligned_checkpoint ? 'true' : 'false'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CheckpointDetail({ cp }: { cp: CheckpointStats }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="checkpoint-detail">
      {cp.failure_message && <p className="failure">Failure: {cp.failure_message}</p>}
      <table className="detail-table">
        <thead>
          <tr><th>Operator</th><th>Acknow­ledged</th><th>Latest Acknow­ledgement</th><th>End to End Duration</th><th>Check­pointed Data Size</th><th>Full Check­point Data Size</th><th>Processed (persisted) in-flight data</th></tr>
        </thead>
        <tbody>
          {Object.values(cp.tasks).map((t) => (
            <Fragment key={t.id}>
              <tr className="expandable" onClick={() => setOpen(open === t.id ? null : t.id)}>
                <td><button type="button" className="link" aria-expanded={open === t.id}>{open === t.id ? '▾' : '▸'} {t.name}</button></td>
                <td>{t.num_acknowledged_subtasks}/{t.num_subtasks}</td>
                <td>{t.latest_ack_timestamp === null ? '-' : formatMs(t.latest_ack_timestamp)}</td>
                <td>{formatMs(t.end_to_end_duration)}</td>
                <td>{formatBytes(t.checkpointed_size)}</td>
                <td>{formatBytes(t.state_size)}</td>
                <td>{formatBytes(t.processed_data)} ({formatBytes(t.persisted_data)})</td>
              </tr>
              {open === t.id && <tr><td colSpan={7}><SubtaskDetail cp={cp} opId={t.id} /></td></tr>}
            </Fragment>
          ))}
        </tbody>
      </table>
      <CheckpointTimeline checkpointId={cp.id} />
    </div>
  );
}

function History({ history }: { history: CheckpointStats[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!history.length) return <p className="panel-note">No checkpoints yet. Set an interval or press Trigger checkpoint.</p>;
  return (
    <table className="history-table">
      <thead>
        <tr><th>ID</th><th>Status</th><th>Acknow­ledged</th><th>Trigger Time</th><th>Latest Acknow­ledgement</th><th>End to End Duration</th><th>Check­pointed Data Size</th><th>Full Check­point Data Size</th><th>Processed (persisted) in-flight data</th></tr>
      </thead>
      <tbody>
        {[...history].reverse().map((h) => (
          <Fragment key={h.id}>
            <tr data-testid={`checkpoint-row-${h.id}`} className={`expandable status-${h.status.toLowerCase()}`} onClick={() => setOpen(open === h.id ? null : h.id)}>
              <td><button type="button" className="link" aria-expanded={open === h.id} aria-label={`Checkpoint ${h.id} details`}>{open === h.id ? '▾' : '▸'} {h.id}</button>{h.is_savepoint && <span className="tag">Savepoint</span>}{h.checkpoint_type === 'UNALIGNED_CHECKPOINT' && <span className="tag">unaligned</span>}</td>
              <td className="status">{h.status}</td>
              <td>{h.num_acknowledged_subtasks}/{h.num_subtasks}</td>
              <td>{formatMs(h.trigger_timestamp)}</td>
              <td>{h.latest_ack_timestamp === null ? '-' : formatMs(h.latest_ack_timestamp)}</td>
              <td>{formatMs(h.end_to_end_duration)}</td>
              <td>{formatBytes(h.checkpointed_size)}</td>
              <td>{formatBytes(h.state_size)}</td>
              <td>{formatBytes(h.processed_data)} ({formatBytes(h.persisted_data)})</td>
            </tr>
            {open === h.id && <tr><td colSpan={9}><CheckpointDetail cp={h} /></td></tr>}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function Summary({ stats }: { stats: ReturnType<typeof checkpointingStatistics> }) {
  const rows: [string, { min: number; max: number; avg: number }, (n: number) => string][] = [
    ['End to End Duration', stats.summary.end_to_end_duration, formatMs],
    ['Checkpointed Data Size', stats.summary.checkpointed_size, formatBytes],
    ['Full Checkpoint Data Size', stats.summary.state_size, formatBytes],
    ['Processed in-flight data', stats.summary.processed_data, formatBytes],
    ['Persisted in-flight data', stats.summary.persisted_data, formatBytes],
  ];
  return (
    <table className="history-table">
      <thead><tr><th /><th>Minimum</th><th>Average</th><th>Maximum</th></tr></thead>
      <tbody>{rows.map(([name, v, f]) => <tr key={name}><th scope="row">{name}</th><td>{f(v.min)}</td><td>{f(v.avg)}</td><td>{f(v.max)}</td></tr>)}</tbody>
    </table>
  );
}

function Configuration() {
  const raw = useRun((r) => r.sim.state.config.raw);
  const entries: [string, string][] = [
    ['Checkpointing Mode', raw['execution.checkpointing.mode'] ?? 'EXACTLY_ONCE'],
    ['Checkpoint Storage', raw['execution.checkpointing.storage'] ?? 'jobmanager'],
    ['State Backend', raw['state.backend.type'] ?? 'hashmap'],
    ['Interval', raw['execution.checkpointing.interval'] ?? 'disabled'],
    ['Timeout', raw['execution.checkpointing.timeout'] ?? '10 min'],
    ['Minimum Pause Between Checkpoints', raw['execution.checkpointing.min-pause'] ?? '0 ms'],
    ['Maximum Concurrent Checkpoints', raw['execution.checkpointing.max-concurrent-checkpoints'] ?? '1'],
    ['Unaligned Checkpoints', raw['execution.checkpointing.unaligned.enabled'] ?? 'false'],
    ['Aligned Checkpoint Timeout', raw['execution.checkpointing.aligned-checkpoint-timeout'] ?? '0 s'],
    ['Tolerable Failed Checkpoints', raw['execution.checkpointing.tolerable-failed-checkpoints'] ?? '0'],
    ['Retained Checkpoints', raw['execution.checkpointing.num-retained'] ?? '1'],
    ['Incremental Checkpointing', raw['execution.checkpointing.incremental'] === 'true' && (raw['state.backend.type'] ?? 'hashmap') !== 'rocksdb' ? 'true (ignored by hashmap: full snapshots)' : raw['execution.checkpointing.incremental'] ?? 'false'],
    ['Algorithm', raw['sim.checkpointing.algorithm'] ?? 'barriers'],
  ];
  return <table className="history-table"><tbody>{entries.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody></table>;
}

export function CheckpointsPanel() {
  const [tab, setTab] = useState<Tab>('history');
  const stats = useRun((r) => checkpointingStatistics(r.sim.state), viewEqual);
  const c = stats.counts;
  return (
    <section className="panel" aria-labelledby="checkpoints-heading">
      <h2 id="checkpoints-heading">Checkpoints</h2>
      <div className="counts" data-testid="checkpoint-counts">
        <span>Triggered: <strong>{c.total}</strong></span>
        <span>In progress: <strong>{c.in_progress}</strong></span>
        <span>Completed: <strong>{c.completed}</strong></span>
        <span>Failed: <strong>{c.failed}</strong></span>
        <span>Restored: <strong>{c.restored}</strong></span>
      </div>
      <div className="tabs" role="tablist">
        {(['overview', 'history', 'summary', 'configuration', 'cost'] as Tab[]).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)}>{t[0].toUpperCase() + t.slice(1)}</button>
        ))}
      </div>
      {tab === 'overview' && (
        <dl className="overview">
          <dt>Latest Completed Checkpoint</dt><dd>{stats.latest.completed ? `#${stats.latest.completed.id}, ${formatMs(stats.latest.completed.end_to_end_duration)}, ${formatBytes(stats.latest.completed.state_size)}` : 'None'}</dd>
          <dt>Latest Failed Checkpoint</dt><dd>{stats.latest.failed ? `#${stats.latest.failed.id}: ${stats.latest.failed.failure_message}` : 'None'}</dd>
          <dt>Latest Savepoint</dt><dd>{stats.latest.savepoint ? `#${stats.latest.savepoint.id}` : 'None'}</dd>
          <dt>Latest Restore</dt><dd>{stats.latest.restored ? `#${stats.latest.restored.id}` : 'None'}</dd>
        </dl>
      )}
      {tab === 'history' && <div className="table-scroll"><History history={stats.history} /></div>}
      {tab === 'summary' && <div className="table-scroll"><Summary stats={stats} /></div>}
      {tab === 'configuration' && <Configuration />}
      {tab === 'cost' && <AlgorithmCost />}
    </section>
  );
}
