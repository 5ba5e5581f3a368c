import { useState } from 'react';
import { checkpointingStatistics } from '../../engine';
import { useImportedJob } from '../../store/importedJob';
import { runOf, useAppStore, useRun, useRunId } from '../../store/react';
import { checkpointsKey } from './checkpointsKey';
import { READABLE_MS } from '../controls/useReadable';
import type { SimState } from '../../engine';
import { AlgorithmCost } from './AlgorithmCost';
import { HistoryLimitNote, latestHistory } from './HistoryLimit';
import { CheckpointTabs, ConfigurationTable, Counts, History, Overview, Summary } from './CheckpointTables';
import { ImportBar } from '../transfer/ImportBar';
import { ImportedJobView } from '../transfer/ImportedJobView';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

// Reads like Flink's web UI: Overview, History (expandable to operators and subtasks), Summary,
// Configuration. Every figure comes from the REST-shaped statistics the CLI prints too; the tables
// are CheckpointTables.tsx, shared with a real job imported from Flink's REST API (ui/transfer).

type Tab = 'overview' | 'history' | 'summary' | 'configuration' | 'cost';
const TABS: readonly Tab[] = ['overview', 'history', 'summary', 'configuration', 'cost'];

function Configuration() {
  const raw = useRun((r) => r.sim.state.config.raw);
  const t = useT();
  const entries: [MessageId, string][] = [
    ['conf.mode', raw['execution.checkpointing.mode'] ?? 'EXACTLY_ONCE'],
    ['conf.storage', raw['execution.checkpointing.storage'] ?? 'jobmanager'],
    ['conf.backend', raw['state.backend.type'] ?? 'hashmap'],
    ['conf.interval', raw['execution.checkpointing.interval'] ?? t('conf.disabled')],
    ['conf.timeout', raw['execution.checkpointing.timeout'] ?? '10 min'],
    ['conf.minPause', raw['execution.checkpointing.min-pause'] ?? '0 ms'],
    ['conf.maxConcurrent', raw['execution.checkpointing.max-concurrent-checkpoints'] ?? '1'],
    ['conf.unaligned', raw['execution.checkpointing.unaligned.enabled'] ?? 'false'],
    ['conf.alignedTimeout', raw['execution.checkpointing.aligned-checkpoint-timeout'] ?? '0 s'],
    ['conf.tolerable', raw['execution.checkpointing.tolerable-failed-checkpoints'] ?? '0'],
    ['conf.retained', raw['execution.checkpointing.num-retained'] ?? '1'],
    ['conf.incremental', raw['execution.checkpointing.incremental'] === 'true' && (raw['state.backend.type'] ?? 'hashmap') !== 'rocksdb' ? t('conf.incrementalIgnored') : raw['execution.checkpointing.incremental'] ?? 'false'],
    ['conf.algorithm', raw['sim.checkpointing.algorithm'] ?? 'barriers'],
  ];
  return <ConfigurationTable entries={entries} />;
}

/** The simulated run's checkpoints, or a real job's imported from Flink's REST API (read-only). */
export function CheckpointsPanel() {
  const imported = useImportedJob((s) => s.showing && s.job !== null);
  return imported ? <ImportedJobView /> : <SimulatedCheckpoints />;
}

type Stats = ReturnType<typeof checkpointingStatistics>;

/**
 * The run's checkpoint statistics, made anew only when they say something else (checkpointsKey.ts):
 * not with every frame, nor with the length of the run's history. The duration so far of a
 * checkpoint in progress goes on with the time: while the run plays, as often as a reader can follow.
 */
function useCheckpointStats(): Stats {
  const id = useRunId();
  const [statsOf] = useState(() => {
    let last: { key: string; at: number; stats: Stats } | null = null;
    return (state: SimState, playing: boolean): Stats => {
      const { key, live } = checkpointsKey(state);
      const now = performance.now();
      if (!last || last.key !== key || (live && (!playing || now - last.at >= READABLE_MS))) last = { key, at: now, stats: checkpointingStatistics(state) };
      return last.stats;
    };
  });
  return useAppStore((s) => statsOf(runOf(s, id).sim.state, s.clock.playing));
}

function SimulatedCheckpoints() {
  const [tab, setTab] = useState<Tab>('history');
  const stats = useCheckpointStats();
  const t = useT();
  return (
    <section className="panel" aria-labelledby="checkpoints-heading">
      <h2 id="checkpoints-heading">{t('cp.heading')}</h2>
      <ImportBar />
      <Counts counts={stats.counts} />
      <CheckpointTabs tabs={TABS} tab={tab} onChange={setTab} />
      {tab === 'overview' && <Overview stats={stats} />}
      {tab === 'history' && <div className="table-scroll"><History history={latestHistory(stats.history)} empty={t('cp.noneYet')} /><HistoryLimitNote total={stats.history.length} /></div>}
      {tab === 'summary' && <div className="table-scroll"><Summary stats={stats} /></div>}
      {tab === 'configuration' && <Configuration />}
      {tab === 'cost' && <AlgorithmCost />}
    </section>
  );
}
