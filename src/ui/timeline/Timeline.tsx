import { useMemo, useState } from 'react';
import type { TimelineMarker } from '../../store/appState';
import { runOf, useClockActions, useRun, useRunId } from '../../store/react';
import { useReadable } from '../controls/useReadable';
import { formatSimTime } from '../format';
import { BranchTree } from '../compare/BranchTree';
import { MarksCanvas, MARK_COLOURS } from './MarksCanvas';
import { groupedMarks } from './groupedMarks';
import { useT } from '../../i18n/useT';

// The whole run so far, with its checkpoints, failures and restores. Drag to see the job exactly
// as it was; acting in the past forks the run there.

const COLOURS = MARK_COLOURS;

/** the run may grow by this share before the marks' widths (a share of the bar) are worked out again */
const RESCALE = 1.1;

/** The run's length the marks are drawn for: the head when they changed, until it grew by a tenth. */
function useMarkScale(markers: readonly TimelineMarker[], max: number): number {
  const [scale, setScale] = useState({ markers, max });
  const stale = scale.markers !== markers || max > scale.max * RESCALE || max < scale.max;
  if (stale) setScale({ markers, max });
  return stale ? max : scale.max;
}

/**
 * The time shown and the run's head, read together: while the run plays they move every frame, and
 * the bar (the slider's thumb and range, the marks' stretch, the words) follows them at most every
 * 100 ms (useReadable.ts); playing at the head the thumb stays at the bar's end anyway.
 */
function useReadableTimes(): { time: number; head: number } {
  const id = useRunId();
  return useReadable((s) => ({ time: s.clock.displayTime, head: runOf(s, id).headTime }), sameTimes, id);
}

const sameTimes = (a: { time: number; head: number }, b: { time: number; head: number }) => a.time === b.time && a.head === b.head;

export function Timeline() {
  const { time, head } = useReadableTimes();
  const markers = useRun((r) => r.markers);
  const { seek } = useClockActions();
  const max = Math.max(head, 1);
  const t = useT();
  // the marks are grouped and drawn again when they change (a checkpoint starts or ends) or the
  // run grew by a tenth; in between the canvas is stretched to the run's length (MarksCanvas.tsx)
  const scaleMax = useMarkScale(markers, max);
  const groups = useMemo(() => groupedMarks(markers, scaleMax), [markers, scaleMax]);
  return (
    <div className="timeline-bar">
      <span className="timeline-end">0 s</span>
      <div className="timeline-track">
        <MarksCanvas groups={groups} scaleMax={scaleMax} max={max} />
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
