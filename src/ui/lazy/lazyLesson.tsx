import { Suspense } from 'react';
import { useAppStore } from '../../store/react';
import { lazyChunk } from './lazyChunk';

// The lesson panel shows only while a lesson is open (its content is loaded per lesson, by the
// store's player): its own code is a chunk too, fetched when a lesson opens.

const lessonPanel = lazyChunk(() => import('../lesson/LessonPanel').then((m) => ({ default: m.LessonPanel })));

export function LessonPanelSlot() {
  const open = useAppStore((s) => s.lesson !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <lessonPanel.Component />
    </Suspense>
  );
}

export const preloadLessonPanel = lessonPanel.preload;
