import { lazy, Suspense } from 'react';
import type { KeyOverlay } from '../hooks/useKeyboardShortcuts';

// The black screen, the list of keys and the legend (presenter/KeyOverlays.tsx) are drawn only
// when a key asks for them: a chunk of their own, fetched then or once the page is idle.

const load = () => import('../presenter/KeyOverlays').then((m) => ({ default: m.KeyOverlays }));
const LazyKeyOverlays = lazy(load);

export function KeyOverlaysSlot({ overlay, close }: { overlay: KeyOverlay; close: () => void }) {
  if (overlay === null) return null;
  return (
    <Suspense fallback={null}>
      <LazyKeyOverlays overlay={overlay} close={close} />
    </Suspense>
  );
}

export function preloadKeyOverlays(): Promise<unknown> {
  return load().catch(() => undefined);
}
