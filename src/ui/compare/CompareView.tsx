import './compare.css';
import { useState } from 'react';
import { viewEqual } from '../../store/equality';
import { RunIdContext, useAppStore, useRun, useView, type RunId } from '../../store/react';
import { differingSettings } from '../../store/compareDiff';
import { JobGraph } from '../graph/JobGraph';
import { formatSimTime } from '../format';
import { useT } from '../../i18n/useT';
import { DifferenceStrip } from './DifferenceStrip';
import { ToBothChoice } from './ToBothChoice';
import { useRunName } from './useRunName';
import { useReadableRun } from '../controls/useReadable';

// Two runs of one scenario under one clock (CONTRACTS 7): each in its own container with its own
// time and graph. Both graphs come from the same layout of the same plan and fill boxes of the
// same size, so the same subtask sits at the same place in both.

type Layout = 'stacked' | 'side';

/** What sets this run apart from the other: its settings that differ, else its seed and commands. */
function RunLabel({ id }: { id: RunId }) {
  const t = useT();
  const differs = useAppStore((s) => (s.runs.b ? differingSettings(s.runs.a.sim.state.config.raw, s.runs.b.sim.state.config.raw) : []), viewEqual);
  const seed = useRun((r) => r.sim.state.seed);
  const commands = useRun((r) => r.commands.length);
  const mine = differs.map((d) => `${d.key} = ${(id === 'a' ? d.a : d.b) ?? t('compare.notSet')}`);
  const text = mine.length ? mine.join(', ') : t('compare.sameSettings');
  return (
    <span className="compare-settings" title={text} data-testid={`run-${id}-settings`}>
      {text} · {t('compare.seed', { seed: String(seed) })}{commands ? ` · ${t('compare.commands', { n: commands })}` : ''}
    </span>
  );
}

/**
 * The run's clock, in an element of its own: it moves every frame while the run plays and is shown
 * anew as often as a reader can follow (useReadable.ts), without rendering the pane and its graph again.
 */
function RunTime() {
  const now = useReadableRun((r) => r.sim.now);
  return <span className="sim-time">t = <span data-testid="sim-time">{formatSimTime(now)}</span></span>;
}

function RunPane({ id }: { id: RunId }) {
  const t = useT();
  const status = useRun((r) => r.sim.state.job.status);
  const panels = useAppStore((s) => s.compare.panels);
  const { showPanelsOf } = useAppStore((s) => s.compareActions);
  const name = useRunName(id);
  return (
    <section className={`compare-run compare-run-${id}`} data-testid={`run-${id}`} aria-label={name}>
      <header className="compare-run-head">
        <strong className="compare-run-name" data-testid={`run-${id}-name`}>{name}</strong>
        <RunLabel id={id} />
        <RunTime />
        <span className={`job-status job-${status.toLowerCase()}`} data-testid="job-status">{status}</span>
        <button type="button" className={panels === id ? 'active' : ''} aria-pressed={panels === id} title={t('compare.panelsTitle')} onClick={() => showPanelsOf(id)} data-testid={`panels-${id}`}>{t('compare.panels')}</button>
      </header>
      <div className="compare-graph"><JobGraph /></div>
    </section>
  );
}

export function CompareView() {
  const t = useT();
  const [chosen, setLayout] = useState<Layout>('side');
  // presenter mode: side by side, whatever was chosen. A job is wider than tall, so at 1280x720
  // each graph fits a half-width pane at about twice the size it has in a half-height one
  const presenter = useView((v) => v.presenter);
  const layout = presenter ? 'side' : chosen;
  const { close } = useAppStore((s) => s.compareActions);
  return (
    <div className={`compare compare-${layout}`} data-testid="compare" role="region" aria-label={t('compare.region')}>
      <div className="compare-bar">
        <ToBothChoice />
        {!presenter && <span className="compare-layout" role="radiogroup" aria-label={t('compare.layout')}>
          {(['stacked', 'side'] as const).map((l) => (
            <button key={l} type="button" role="radio" aria-checked={layout === l} className={layout === l ? 'active' : ''} onClick={() => setLayout(l)} data-testid={`compare-${l}`}>{t(l === 'stacked' ? 'compare.stacked' : 'compare.sideBySide')}</button>
          ))}
        </span>}
        <span className="spacer" />
        <button type="button" onClick={close} data-testid="compare-close">{t('compare.close')}</button>
      </div>
      <div className="compare-runs">
        {(['a', 'b'] as const).map((id) => (
          <RunIdContext.Provider key={id} value={id}>
            <RunPane id={id} />
          </RunIdContext.Provider>
        ))}
      </div>
      <DifferenceStrip />
    </div>
  );
}
