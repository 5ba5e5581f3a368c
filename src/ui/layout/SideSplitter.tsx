import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n/useT';

// The bar between the graph and the side panels: drag it (or focus it and use the arrow keys)
// to give the graph or the tables more room. The width is remembered in this browser.

const STORAGE_KEY = 'checkpointLab.sideWidth';
export const SIDE_MIN = 340;
const GRAPH_MIN = 440;

export function storedSideWidth(): number | null {
  try {
    const n = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(n) && n >= SIDE_MIN ? n : null;
  } catch {
    return null;
  }
}

function clampWidth(w: number): number {
  return Math.round(Math.max(SIDE_MIN, Math.min(w, window.innerWidth - GRAPH_MIN)));
}

export function SideSplitter({ width, onChange }: { width: number | null; onChange: (w: number) => void }) {
  const drag = useRef<{ x: number; w: number } | null>(null);
  // a separator that takes focus says where it is (aria-valuenow): the panel's width, measured when not set
  const bar = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useEffect(() => {
    const side = bar.current?.nextElementSibling;
    if (width === null && side) setMeasured(Math.round(side.getBoundingClientRect().width));
  }, [width]);
  const t = useT();
  const commit = useCallback((w: number) => {
    const c = clampWidth(w);
    onChange(c);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(c));
    } catch {
      // private mode: the width is simply not remembered
    }
  }, [onChange]);
  const current = (el: HTMLElement) => width ?? (el.nextElementSibling as HTMLElement | null)?.getBoundingClientRect().width ?? 600;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, w: current(e.currentTarget) };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) commit(drag.current.w + drag.current.x - e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    // the arrows step the run everywhere else; here they move the bar
    e.preventDefault();
    e.stopPropagation();
    commit(current(e.currentTarget) + (e.key === 'ArrowLeft' ? 40 : -40));
  };
  return (
    <div
      className="side-splitter" role="separator" aria-orientation="vertical" aria-label={t('splitter.label')} tabIndex={0} data-testid="side-splitter"
      ref={bar} aria-valuenow={width ?? measured ?? SIDE_MIN} aria-valuemin={SIDE_MIN} title={t('splitter.title')}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={() => { drag.current = null; }} onKeyDown={onKeyDown}
    />
  );
}
