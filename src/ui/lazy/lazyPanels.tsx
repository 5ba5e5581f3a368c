import { Suspense, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { lazyChunk } from './lazyChunk';

// The side panels other than the first screen's (the State tab) are chunks of their own, loaded
// when their tab opens, and fetched anyway once the page is idle so a click rarely waits: the
// first screen's JavaScript stays within its budget (README, benchmark section).

const panels = {
  checkpoints: lazyChunk(() => import('../panels/CheckpointsPanel').then((m) => ({ default: m.CheckpointsPanel }))),
  faults: lazyChunk(() => import('../panels/FaultsPanel').then((m) => ({ default: m.FaultsPanel }))),
  snapshots: lazyChunk(() => import('../panels/SnapshotsPanel').then((m) => ({ default: m.SnapshotsPanel }))),
  settings: lazyChunk(() => import('../panels/SettingsPanel').then((m) => ({ default: m.SettingsPanel }))),
};

export const LazyCheckpointsPanel = panels.checkpoints.Component;
export const LazyFaultsPanel = panels.faults.Component;
export const LazySnapshotsPanel = panels.snapshots.Component;
export const LazySettingsPanel = panels.settings.Component;

/** Fetches every panel's chunk. */
export function preloadPanels(): void {
  for (const p of Object.values(panels)) void p.preload();
}

export function PanelLoading() {
  const t = useT();
  return <p className="panel-note" role="status">{t('perf.loading')}</p>;
}

export function LazyPanel({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PanelLoading />}>{children}</Suspense>;
}
