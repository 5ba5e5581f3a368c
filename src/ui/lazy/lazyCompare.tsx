import type { ReactNode } from 'react';
import { useAppStore } from '../../store/react';
import { lazyChunk } from './lazyChunk';
import { LazyPanel } from './lazyPanels';

// Two runs side by side (compare/CompareView.tsx) are a chunk of their own, fetched when a second
// run opens (a `b.` link, Open beside) or once the page is idle.

const compareView = lazyChunk(() => import('../compare/CompareView').then((m) => ({ default: m.CompareView })));

/** The comparison when there are two runs, else what the page shows of one run. */
export function CompareOr({ children }: { children: ReactNode }) {
  const comparing = useAppStore((s) => s.runs.b !== undefined);
  if (!comparing) return <>{children}</>;
  return <LazyPanel><compareView.Component /></LazyPanel>;
}

export const preloadCompareView = compareView.preload;
