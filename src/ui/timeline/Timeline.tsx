import { useMemo } from 'react';
import type { TimelineMarker } from '../../store/appState';
import { useClock, useClockActions, useRun } from '../../store/react';
import { formatSimTime } from '../format';
import { BranchTree } from '../compare/BranchTree';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';

// The whole run so far, with its checkpoints, failures and restores. Drag to see the job exactly
// as it was; acting in the past forks the run there.

const COLOURS = { trigger: '#64748b', completed: '#16a34a', failed: '#dc2626', savepoint: '#7c3aed', fault: '#b91c1c', restored: '#2563eb' } as const;

const WIDTH = 1000;

/** The bar's marks of a kind fall into this many slots: when marks crowd, one mark stands for a slot's. */
export const MARK_SLOTS = 250;

export interface MarkGroup { first: TimelineMarker; last: TimelineMarker; count: number }

/** The marks grouped per kind and slot of the bar, so a long run draws at most MARK_SLOTS per kind. */
export function groupedMarks(markers: readonly TimelineMarker[], max: number): MarkGroup[] {
  const groups = new Map<string, MarkGroup>();
  for (const m of markers) {
    const slot = `${m.kind}:${Math.min(MARK_SLOTS - 1, Math.floor((m.time / max) * MARK_SLOTS))}`;
    const g = groups.get(slot);
    if (g) {
      g.count++;
      g.last = m;
    } else groups.set(slot, { first: m, last: m, count: 1 });
  }
  return [...groups.values()];
}

export function Timeline() {
  const head = useRun((r) => r.headTime);
  const time = useClock((c) => c.displayTime);
  const markers = useRun((r) => r.markers);
  const { seek } = useClockActions();
  const max = Math.max(head, 1);
  const lang = useLang();
  const t = useT();
  // drawn again only when the marks or the language change, not with every frame of playback
  const marks = useMemo(() => groupedMarks(markers, max).map(({ first: m, last, count }, i) => (
    <rect key={i} x={(m.time / max) * 1000 - 1} y={m.kind === 'trigger' ? 12 : 2} width={(m.kind === 'trigger' ? 2 : 4) + ((last.time - m.time) / max) * WIDTH} height={m.kind === 'trigger' ? 8 : 18} fill={COLOURS[m.kind]} data-kind={m.kind} data-count={count}>
      <title>{count === 1
        ? t('timeline.markAt', { label: translateStoreText(lang, m.label), t: formatSimTime(m.time) })
        : t('perf.marksGrouped', { n: count, first: translateStoreText(lang, m.label), last: translateStoreText(lang, last.label), from: formatSimTime(m.time), to: formatSimTime(last.time) })}</title>
    </rect>
  )), [markers, max, lang, t]);
  return (
    <div className="timeline-bar">
      <span className="timeline-end">0 s</span>
      <div className="timeline-track">
        <svg className="timeline-markers" aria-hidden="true" viewBox="0 0 1000 20" preserveAspectRatio="none">
          {marks}
        </svg>
        <input
          type="range" aria-label={t('timeline.label')} data-testid="timeline" min={0} max={max} step="any" value={Math.min(time, max)}
          aria-valuetext={t('timeline.valueText', { t: formatSimTime(time), head: formatSimTime(head) })}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </div>
      <span className="timeline-end" data-testid="head-time">{formatSimTime(head)}</span>
      <span className="timeline-legend">
        <i style={{ background: COLOURS.completed }} /> {t('timeline.completed')} <i style={{ background: COLOURS.failed }} /> {t('timeline.failed')} <i style={{ background: COLOURS.savepoint }} /> {t('timeline.savepoint')} <i style={{ background: COLOURS.fault }} /> {t('timeline.fault')} <i style={{ background: COLOURS.restored }} /> {t('timeline.restored')}
      </span>
      <BranchTree />
    </div>
  );
}
