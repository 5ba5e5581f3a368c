import { useMemo } from 'react';
import type { TimelineMarker } from '../../store/appState';
import { useClock, useClockActions, useRun } from '../../store/react';
import { formatSimTime } from '../format';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';

// The whole run so far, with its checkpoints, failures and restores. Drag to see the job exactly
// as it was; acting in the past forks the run there.

const COLOURS = { trigger: '#64748b', completed: '#16a34a', failed: '#dc2626', savepoint: '#7c3aed', fault: '#b91c1c', restored: '#2563eb' } as const;

const WIDTH = 1000;

/** At most one mark of a kind per unit of the bar: a long run with a tiny interval has hundreds of thousands. */
function thinned(markers: TimelineMarker[], max: number): TimelineMarker[] {
  const seen = new Set<string>();
  return markers.filter((m) => {
    const slot = `${m.kind}:${Math.round((m.time / max) * WIDTH)}`;
    if (seen.has(slot)) return false;
    seen.add(slot);
    return true;
  });
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
  const marks = useMemo(() => thinned(markers, max).map((m, i) => (
    <rect key={i} x={(m.time / max) * 1000 - 1} y={m.kind === 'trigger' ? 12 : 2} width={m.kind === 'trigger' ? 2 : 4} height={m.kind === 'trigger' ? 8 : 18} fill={COLOURS[m.kind]} data-kind={m.kind}>
      <title>{t('timeline.markAt', { label: translateStoreText(lang, m.label), t: formatSimTime(m.time) })}</title>
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
    </div>
  );
}
