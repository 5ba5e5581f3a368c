import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/react';

// The lesson panel shows only while a lesson is open (its content is loaded per lesson, by the
// store's player): its own code is a chunk too, fetched when a lesson opens.

const load = () => import('../lesson/LessonPanel').then((m) => ({ default: m.LessonPanel }));
const LazyLessonPanel = lazy(load);

export function LessonPanelSlot() {
  const open = useAppStore((s) => s.lesson !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LazyLessonPanel />
    </Suspense>
  );
}

export function preloadLessonPanel(): Promise<unknown> {
  return load().catch(() => undefined);
}
