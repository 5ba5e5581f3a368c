import { useEffect, useMemo, useRef, useState } from 'react';
import { formatSimTime } from '../format';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';
import { boxAt, markBoxes, type MarkBox } from './markBoxes';
import type { MarkGroup } from './groupedMarks';

// The timeline's marks on one canvas: however long the run and however many checkpoints it took,
// the bar is one element (an element per mark, with its tooltip, made the page's DOM grow with the
// run: bench, long run). The marks are drawn for the run's length `scaleMax` and the canvas is
// stretched to the length now (`max`), so while the run grows the compositor rescales it and
// nothing is drawn again; they are drawn again when they change or the run grew by a tenth. The
// tooltip of the mark under the pointer is the canvas's title.

export const MARK_COLOURS = { trigger: '#64748b', completed: '#16a34a', failed: '#dc2626', savepoint: '#7c3aed', fault: '#b91c1c', restored: '#2563eb' } as const;

const HEIGHT = 20;

export function MarksCanvas({ groups, scaleMax, max }: { groups: readonly MarkGroup[]; scaleMax: number; max: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  const [hover, setHover] = useState<MarkBox | null>(null);
  const lang = useLang();
  const t = useT();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidthPx(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidthPx(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const boxes = useMemo(() => markBoxes(groups, scaleMax, widthPx), [groups, scaleMax, widthPx]);
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.max(1, Math.round(widthPx * dpr));
    el.height = HEIGHT * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, widthPx, HEIGHT);
    for (const b of boxes) {
      ctx.fillStyle = MARK_COLOURS[b.kind];
      ctx.fillRect(b.x, b.y, b.w, b.h);
    }
  }, [boxes, widthPx]);
  // the pointer's place on the bar in the drawing's pixels: the canvas is stretched by scaleMax / max
  const pick = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!r.width) return;
    const found = boxAt(boxes, ((e.clientX - r.left) / r.width) * widthPx, e.clientY - r.top);
    if (found !== hover) setHover(found);
  };
  const g = hover?.group;
  const title = !g ? undefined : g.count === 1
    ? t('timeline.markAt', { label: translateStoreText(lang, g.first.label), t: formatSimTime(g.first.time) })
    : t('perf.marksGrouped', { n: g.count, first: translateStoreText(lang, g.first.label), last: translateStoreText(lang, g.last.label), from: formatSimTime(g.first.time), to: formatSimTime(g.last.time) });
  return (
    <canvas
      ref={ref} className="timeline-markers" aria-hidden="true" title={title} data-marks={groups.length}
      style={{ transform: `scaleX(${scaleMax / max})` }}
      onPointerMove={pick} onPointerLeave={() => setHover(null)}
    />
  );
}
