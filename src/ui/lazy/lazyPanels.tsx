import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';

// The side panels other than the first screen's (the State tab) are chunks of their own, loaded
// when their tab opens, and fetched anyway once the page is idle so a click rarely waits: the
// first screen's JavaScript stays within its budget (README, benchmark section).

const loaders = {
  checkpoints: () => import('../panels/CheckpointsPanel').then((m) => ({ default: m.CheckpointsPanel })),
  faults: () => import('../panels/FaultsPanel').then((m) => ({ default: m.FaultsPanel })),
  snapshots: () => import('../panels/SnapshotsPanel').then((m) => ({ default: m.SnapshotsPanel })),
  settings: () => import('../panels/SettingsPanel').then((m) => ({ default: m.SettingsPanel })),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

export const LazyCheckpointsPanel = lazy(loaders.checkpoints);
export const LazyFaultsPanel = lazy(loaders.faults);
export const LazySnapshotsPanel = lazy(loaders.snapshots);
export const LazySettingsPanel = lazy(loaders.settings);

/** Fetches every panel's chunk; a failed fetch is left for the tab's own load to report. */
export function preloadPanels(): void {
  for (const load of Object.values(loaders)) load().catch(() => undefined);
}

export function PanelLoading() {
  const t = useT();
  return <p className="panel-note" role="status">{t('perf.loading')}</p>;
}

export function LazyPanel({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PanelLoading />}>{children}</Suspense>;
}
