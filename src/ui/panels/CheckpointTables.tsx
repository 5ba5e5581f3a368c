import { Fragment, useState, type ReactNode } from 'react';
import type { CheckpointingStatistics, CheckpointStats, TaskStats } from '../../engine';
import { formatBytes, formatMs } from '../format';
import { CheckpointTimeline } from './CheckpointTimeline';
import { Th } from './ColumnHead';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

// The Checkpoints panel's tables, as Flink's web UI lays them out: counts, Overview, History
// (expandable to operators, subtasks and the phase timeline), Summary, Configuration. They read
// REST-shaped statistics only, so the simulated run and a real job imported from Flink's REST API
// are read with the same columns.

// Flink's web UI's columns; in Korean each heading carries Flink's English name as a tooltip
const HISTORY_COLUMNS: MessageId[] = ['col.id', 'col.status', 'col.acknowledged', 'col.triggerTime', 'col.latestAck', 'col.e2e', 'col.checkpointedSize', 'col.fullSize', 'col.inFlight'];
const OPERATOR_COLUMNS: MessageId[] = ['col.operator', 'col.acknowledged', 'col.latestAck', 'col.e2e', 'col.checkpointedSize', 'col.fullSize', 'col.inFlight'];
const SUBTASK_COLUMNS: MessageId[] = ['col.subtask', 'col.acknowledged', 'col.e2e', 'col.checkpointedSize', 'col.syncDuration', 'col.asyncDuration', 'col.processedData', 'col.alignmentDuration', 'col.startDelay', 'col.unaligned'];

/** What to say where a table has no rows because a document was not given (an imported job). */
export interface MissingHints {
  tasks(cp: CheckpointStats): ReactNode;
  subtasks(cp: CheckpointStats, task: TaskStats): ReactNode;
}

function SubtaskDetail({ cp, opId, hints }: { cp: CheckpointStats; opId: string; hints?: MissingHints }) {
  const task = cp.tasks[opId];
  const t = useT();
  if (!task.subtasks.length && hints) return <p className="panel-note">{hints.subtasks(cp, task)}</p>;
  return (
    <table className="detail-table">
      <thead>
        <tr>{SUBTASK_COLUMNS.map((id) => <Th key={id} id={id} />)}</tr>
      </thead>
      <tbody>
        {task.subtasks.map((s) => (
          <tr key={s.index}>
            <td>{s.index + 1}</td>
            <td>{s.ack_timestamp === null ? t('cp.pending') : `${formatMs(s.ack_timestamp)}`}</td>
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

function CheckpointDetail({ cp, hints }: { cp: CheckpointStats; hints?: MissingHints }) {
  const [open, setOpen] = useState<string | null>(null);
  const t = useT();
  const tasks = Object.values(cp.tasks);
  return (
    <div className="checkpoint-detail">
      {cp.failure_message && <p className="failure">{t('cp.failure', { message: cp.failure_message })}</p>}
      {!tasks.length && hints ? <p className="panel-note">{hints.tasks(cp)}</p> : (
        <table className="detail-table">
          <thead>
            <tr>{OPERATOR_COLUMNS.map((id) => <Th key={id} id={id} />)}</tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
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
                {open === t.id && <tr><td colSpan={7}><SubtaskDetail cp={cp} opId={t.id} hints={hints} /></td></tr>}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <CheckpointTimeline cp={cp} />
    </div>
  );
}

export function History({ history, empty, hints }: { history: CheckpointStats[]; empty: ReactNode; hints?: MissingHints }) {
  const [open, setOpen] = useState<number | null>(null);
  const t = useT();
  if (!history.length) return <p className="panel-note">{empty}</p>;
  return (
    <table className="history-table">
      <thead>
        <tr>{HISTORY_COLUMNS.map((id) => <Th key={id} id={id} />)}</tr>
      </thead>
      <tbody>
        {[...history].reverse().map((h) => (
          <Fragment key={h.id}>
            <tr data-testid={`checkpoint-row-${h.id}`} className={`expandable status-${h.status.toLowerCase()}`} onClick={() => setOpen(open === h.id ? null : h.id)}>
              <td><button type="button" className="link" aria-expanded={open === h.id} aria-label={t('cp.details', { id: String(h.id) })}>{open === h.id ? '▾' : '▸'} {h.id}</button>{h.is_savepoint && <span className="tag">{t('cp.savepointTag')}</span>}{h.checkpoint_type === 'UNALIGNED_CHECKPOINT' && <span className="tag">{t('cp.unalignedTag')}</span>}</td>
              <td className="status">{h.status}</td>
              <td>{h.num_acknowledged_subtasks}/{h.num_subtasks}</td>
              <td>{formatMs(h.trigger_timestamp)}</td>
              <td>{h.latest_ack_timestamp === null ? '-' : formatMs(h.latest_ack_timestamp)}</td>
              <td>{formatMs(h.end_to_end_duration)}</td>
              <td>{formatBytes(h.checkpointed_size)}</td>
              <td>{formatBytes(h.state_size)}</td>
              <td>{formatBytes(h.processed_data)} ({formatBytes(h.persisted_data)})</td>
            </tr>
            {open === h.id && <tr><td colSpan={9}><CheckpointDetail cp={h} hints={hints} /></td></tr>}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

export function Summary({ stats }: { stats: CheckpointingStatistics }) {
  const rows: [MessageId, { min: number; max: number; avg: number }, (n: number) => string][] = [
    ['sum.e2e', stats.summary.end_to_end_duration, formatMs],
    ['sum.checkpointedSize', stats.summary.checkpointed_size, formatBytes],
    ['sum.fullSize', stats.summary.state_size, formatBytes],
    ['sum.processed', stats.summary.processed_data, formatBytes],
    ['sum.persisted', stats.summary.persisted_data, formatBytes],
  ];
  return (
    <table className="history-table">
      <thead><tr><th /><Th id="col.minimum" /><Th id="col.average" /><Th id="col.maximum" /></tr></thead>
      <tbody>{rows.map(([name, v, f]) => <tr key={name}><Th scope="row" id={name} /><td>{f(v.min)}</td><td>{f(v.avg)}</td><td>{f(v.max)}</td></tr>)}</tbody>
    </table>
  );
}

/** Configuration: Flink's name of each setting (a heading) and its value. */
export function ConfigurationTable({ entries }: { entries: [MessageId, string][] }) {
  return <table className="history-table"><tbody>{entries.map(([k, v]) => <tr key={k}><Th scope="row" id={k} /><td>{v}</td></tr>)}</tbody></table>;
}

export function Counts({ counts: c }: { counts: CheckpointingStatistics['counts'] }) {
  const t = useT();
  return (
    <div className="counts" data-testid="checkpoint-counts">
      <span>{t('cp.triggered')} <strong>{c.total}</strong></span>
      <span>{t('cp.inProgress')} <strong>{c.in_progress}</strong></span>
      <span>{t('cp.completed')} <strong>{c.completed}</strong></span>
      <span>{t('cp.failed')} <strong>{c.failed}</strong></span>
      <span>{t('cp.restored')} <strong>{c.restored}</strong></span>
    </div>
  );
}

export function Overview({ stats }: { stats: CheckpointingStatistics }) {
  const t = useT();
  return (
    <dl className="overview">
      <dt>{t('cp.latestCompleted')}</dt><dd>{stats.latest.completed ? `#${stats.latest.completed.id}, ${formatMs(stats.latest.completed.end_to_end_duration)}, ${formatBytes(stats.latest.completed.state_size)}` : t('cp.none')}</dd>
      <dt>{t('cp.latestFailed')}</dt><dd>{stats.latest.failed ? `#${stats.latest.failed.id}: ${stats.latest.failed.failure_message}` : t('cp.none')}</dd>
      <dt>{t('cp.latestSavepoint')}</dt><dd>{stats.latest.savepoint ? `#${stats.latest.savepoint.id}` : t('cp.none')}</dd>
      <dt>{t('cp.latestRestore')}</dt><dd>{stats.latest.restored ? `#${stats.latest.restored.id}` : t('cp.none')}</dd>
    </dl>
  );
}

/** The panel's tab buttons, Flink's tab names. */
export function CheckpointTabs<T extends string>({ tabs, tab, onChange }: { tabs: readonly T[]; tab: T; onChange: (tab: T) => void }) {
  const t = useT();
  return (
    <div className="tabs" role="tablist">
      {tabs.map((x) => (
        <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'active' : ''} data-testid={`cp-tab-${x}`} onClick={() => onChange(x)}>{t(`cp.tab.${x}` as MessageId)}</button>
      ))}
    </div>
  );
}
