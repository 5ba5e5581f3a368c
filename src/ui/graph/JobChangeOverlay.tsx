import { ViewportPortal } from '@xyflow/react';
import { useMemo, useSyncExternalStore, type CSSProperties } from 'react';
import { useClock, useRun } from '../../store/react';
import { useT } from '../../i18n/useT';
import { layoutPlan } from './layout';
import { jobChangeMarks, jobChangeShownAt, type OperatorMark } from './JobChangeOverlay.marks';
import './JobChangeOverlay.css';

// After an upgrade, the graph says what happened to each operator's state: restored ones get their
// state back from the savepoint (a dot travels from checkpoint storage into them), new ones start
// empty, and state no operator took is dropped beside the storage. Everything is a function of the
// upgrade's mapping and the display time (JobChangeOverlay.marks.ts); with reduced motion nothing
// moves: outlines and labels only.

const REDUCED = '(prefers-reduced-motion: reduce)';
function subscribeReduced(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const m = window.matchMedia(REDUCED);
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}
const reducedNow = () => typeof window.matchMedia === 'function' && window.matchMedia(REDUCED).matches;

const LABEL: Record<OperatorMark, 'jobs.change.restored' | 'jobs.change.new' | 'jobs.change.newId' | 'jobs.change.refused'> = {
  restored: 'jobs.change.restored', new: 'jobs.change.new', 'new-id': 'jobs.change.newId', refused: 'jobs.change.refused',
};

const ease = (x: number) => 1 - (1 - x) * (1 - x);

export function JobChangeOverlay() {
  const change = useRun((r) => r.jobChange);
  const plan = useRun((r) => r.sim.state.plan);
  // the display time only while the change is shown: the rest of the run does not render this every frame
  const shownAt = useClock((c) => jobChangeShownAt(change, c.displayTime));
  const reduced = useSyncExternalStore(subscribeReduced, reducedNow, () => false);
  const t = useT();
  const marks = useMemo(() => (shownAt === null ? null : jobChangeMarks(change, shownAt)), [change, shownAt]);
  const layout = useMemo(() => (change ? layoutPlan(plan) : null), [change, plan]);
  if (!marks || !layout) return null;
  const p = marks.progress;
  const storage = layout.storage;
  const from = { x: storage.x + storage.width / 2, y: storage.y + storage.height };
  // dropped state has no operator to sit on: it is listed between the JobManager and the storage
  // where they leave room, else under the job
  const jm = layout.jobManager;
  const gap = storage.x - (jm.x + jm.width);
  const orphansAt = gap >= 220
    ? { left: jm.x + jm.width + 16, top: jm.y, width: Math.min(280, gap - 32) }
    : { left: jm.x, top: Math.max(...layout.operators.map((b) => b.y + b.height)) + 12, width: 280 };
  // the state's trip from storage into its operator takes the first half; then the marks settle
  const trip = ease(Math.min(1, p * 2));
  const fade = 1 - 0.5 * Math.max(0, p * 2 - 1);
  return (
    <ViewportPortal>
      <div className={`job-change${reduced ? ' reduced' : ''}`} data-testid="job-change-overlay" data-progress={p.toFixed(2)} role="group" aria-label={t('jobs.change.heading', { id: String(marks.snapshotId) })}>
        <div className="job-change-title" style={{ left: storage.x, top: storage.y - 28, width: storage.width }}>{t('jobs.change.heading', { id: String(marks.snapshotId) })}</div>
        {plan.operators.map((op) => {
          const mark = marks.operators.get(op.id);
          const box = layout.operators[op.index];
          if (!mark || !box) return null;
          const to = { x: box.x + box.width / 2, y: box.y };
          const outline: CSSProperties = { left: box.x - 4, top: box.y - 4, width: box.width + 8, height: box.height + 8, opacity: reduced ? 1 : fade };
          // a new operator's outline closes in on it; with reduced motion it stays put
          if (!reduced && mark !== 'restored') outline.transform = `scale(${1 + 0.08 * (1 - trip)})`;
          return (
            <div key={op.id}>
              <div className={`job-change-outline mark-${mark}`} style={outline} data-testid={`job-change-${op.id}`} data-mark={mark}>
                <span className="job-change-label">{t(LABEL[mark])}</span>
              </div>
              {mark === 'restored' && !reduced && trip < 1 && (
                <span className="job-change-state" aria-hidden="true" style={{ left: from.x + (to.x - from.x) * trip, top: from.y + (to.y - from.y) * trip }} />
              )}
            </div>
          );
        })}
        {marks.orphaned.length > 0 && (
          <ul className="job-change-orphans" style={orphansAt}>
            {marks.orphaned.map((o, i) => (
              <li key={o.vertex} className={o.hasState ? 'dropped' : 'skipped'} data-testid={`job-change-orphan-${o.vertex}`}
                style={reduced ? undefined : { transform: `translateY(${8 * ease(p) * (i + 1)}px)`, opacity: 1 - 0.6 * ease(p) }}>
                {t(o.hasState ? 'jobs.change.dropped' : 'jobs.change.skipped', { name: o.name })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </ViewportPortal>
  );
}
