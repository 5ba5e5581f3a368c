import { lazy, Suspense, type ReactNode } from 'react';
import { useAppStore } from '../../store/react';
import { PanelLoading } from './lazyPanels';

// Two runs side by side (compare/CompareView.tsx) are a chunk of their own, fetched when a second
// run opens (a `b.` link, Open beside) or once the page is idle.

const load = () => import('../compare/CompareView').then((m) => ({ default: m.CompareView }));
const LazyCompareView = lazy(load);

/** The comparison when there are two runs, else what the page shows of one run. */
export function CompareOr({ children }: { children: ReactNode }) {
  const comparing = useAppStore((s) => s.runs.b !== undefined);
  if (!comparing) return <>{children}</>;
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyCompareView />
    </Suspense>
  );
}

export function preloadCompareView(): Promise<unknown> {
  return load().catch(() => undefined);
}
