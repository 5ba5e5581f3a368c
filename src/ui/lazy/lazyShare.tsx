import { lazy, Suspense } from 'react';
import { PanelLoading } from './lazyPanels';

// The Share menu's tools are drawn only while the menu is open: their code (the job's export, the
// embed code, the picture's export) is a chunk fetched when it first opens, or once the page is idle.

const load = () => import('./ShareItems');
const LazyShareItems = lazy(load);

export function ShareMenuItems() {
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyShareItems />
    </Suspense>
  );
}

/** Fetches the tools' chunk; a failed fetch is left for the menu's own load to report. */
export function preloadShareItems(): Promise<unknown> {
  return load().catch(() => undefined);
}
