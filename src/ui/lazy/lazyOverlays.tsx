import { Suspense } from 'react';
import type { KeyOverlay } from '../hooks/useKeyboardShortcuts';
import { lazyChunk } from './lazyChunk';

// The black screen, the list of keys and the legend (presenter/KeyOverlays.tsx) are drawn only
// when a key asks for them: a chunk of their own, fetched then or once the page is idle.

const keyOverlays = lazyChunk(() => import('../presenter/KeyOverlays').then((m) => ({ default: m.KeyOverlays })));

export function KeyOverlaysSlot({ overlay, close }: { overlay: KeyOverlay; close: () => void }) {
  if (overlay === null) return null;
  return (
    <Suspense fallback={null}>
      <keyOverlays.Component overlay={overlay} close={close} />
    </Suspense>
  );
}

export const preloadKeyOverlays = keyOverlays.preload;
