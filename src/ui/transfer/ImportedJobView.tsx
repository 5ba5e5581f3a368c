import './transfer.css';
import { useState } from 'react';
import type { ImportedCheckpoints } from '../../engine';
import { useImportedJob } from '../../store/importedJob';
import type { ImportedJob } from '../../store/importedDocuments';
import { formatMs } from '../format';
import { CheckpointTabs, ConfigurationTable, Counts, History, Overview, Summary, type MissingHints } from '../panels/CheckpointTables';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';
import { PatternNotes } from './PatternNotes';

// A real job's checkpoints, imported from Flink's REST API, in the Checkpoints panel: the same
// tables and column names as the simulated run's (CheckpointTables.tsx), read-only, with notes
// where the figures show what a lesson teaches, and the way back to the simulated run.

type Tab = 'overview' | 'history' | 'summary' | 'configuration';
const TABS: readonly Tab[] = ['overview', 'history', 'summary', 'configuration'];

type Config = NonNullable<ImportedCheckpoints['config']>;

/** Flink's /checkpoints/config under the headings of its web UI's Configuration tab. */
function configEntries(c: Config, t: ReturnType<typeof useT>): [MessageId, string][] {
  const entries: [MessageId, string | undefined][] = [
    ['conf.mode', c.mode.toUpperCase()],
    ['conf.storage', c.checkpoint_storage],
    ['conf.backend', c.state_backend],
    ['conf.interval', formatMs(c.interval)],
    ['conf.timeout', formatMs(c.timeout)],
    ['conf.minPause', formatMs(c.min_pause)],
    ['conf.maxConcurrent', String(c.max_concurrent)],
    ['conf.unaligned', c.unaligned_checkpoints === undefined ? undefined : String(c.unaligned_checkpoints)],
    ['conf.alignedTimeout', c.aligned_checkpoint_timeout === undefined ? undefined : formatMs(c.aligned_checkpoint_timeout)],
    ['conf.tolerable', c.tolerable_failed_checkpoints === undefined ? undefined : String(c.tolerable_failed_checkpoints)],
    ['transfer.conf.externalized', !c.externalization ? undefined : !c.externalization.enabled ? t('transfer.conf.disabled')
      : t(c.externalization.delete_on_cancellation ? 'transfer.conf.externalizedDelete' : 'transfer.conf.externalizedRetain')],
    ['transfer.conf.finishedTasks', c.checkpoints_after_tasks_finish === undefined ? undefined : String(c.checkpoints_after_tasks_finish)],
    ['transfer.conf.changelog', c.state_changelog_enabled === undefined ? undefined : String(c.state_changelog_enabled)],
  ];
  return entries.filter((e): e is [MessageId, string] => e[1] !== undefined);
}

function Header({ job }: { job: ImportedJob }) {
  const show = useImportedJob((s) => s.show);
  const close = useImportedJob((s) => s.close);
  const t = useT();
  const name = job.jobName ?? (job.source || t('transfer.view.pasted'));
  const history = job.imported.statistics.history;
  const files = job.files;
  return (
    <div className="imported-banner" data-testid="imported-job-banner">
      <div className="imported-title">
        <strong>{t('transfer.view.title', { name })}</strong> <span className="tag">{t('transfer.view.readOnly')}</span>
        {job.jobId && <span className="job-id">{job.jobId}</span>}
      </div>
      <p className="panel-note">
        {files.length > 0 && <span title={job.source}>{files.length > 2 ? t('transfer.view.fromFiles', { n: files.length }) : t('transfer.view.from', { source: job.source })} </span>}
        {history.length > 0 && t('transfer.view.epoch', { time: new Date(job.imported.epochMs).toISOString().slice(0, 19).replace('T', ' ') })}
      </p>
      <div className="imported-actions">
        <button type="button" onClick={() => show(false)}>{t('transfer.view.back')}</button>
        <button type="button" className="link" onClick={close}>{t('transfer.view.close')}</button>
      </div>
    </div>
  );
}

export function ImportedJobView() {
  const job = useImportedJob((s) => s.job);
  const [tab, setTab] = useState<Tab>('history');
  const t = useT();
  if (!job) return null;
  const stats = job.imported.statistics;
  const config = job.imported.config;
  const hints: MissingHints = {
    tasks: (cp) => t('transfer.hint.tasks', { id: String(cp.id) }),
    subtasks: (cp, task) => t('transfer.hint.subtasks', { id: String(cp.id), vertex: task.id }),
  };
  return (
    <section className="panel imported-job" aria-labelledby="checkpoints-heading" data-testid="imported-job">
      <h2 id="checkpoints-heading">{t('cp.heading')}</h2>
      <Header job={job} />
      <Counts counts={stats.counts} />
      <CheckpointTabs tabs={TABS} tab={tab} onChange={setTab} />
      {tab === 'overview' && <Overview stats={stats} />}
      {tab === 'history' && <div className="table-scroll"><History history={stats.history} empty={t('transfer.view.noHistory')} hints={hints} /></div>}
      {tab === 'summary' && <div className="table-scroll"><Summary stats={stats} /></div>}
      {tab === 'configuration' && (config ? <ConfigurationTable entries={configEntries(config, t)} /> : <p className="panel-note">{t('transfer.noConfig')}</p>)}
      {/* after the tables, as Flink shows them; then what they show */}
      <PatternNotes notes={job.imported.notes} />
      {job.setAside.map((s, i) => (
        <p key={i} className="panel-note">{t(s.kind === 'details' ? 'transfer.setAside.details' : 'transfer.setAside.subtasks', { source: s.source, id: String(s.checkpointId) })}</p>
      ))}
    </section>
  );
}
