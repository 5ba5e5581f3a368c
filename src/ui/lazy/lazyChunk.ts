import { lazy, type ComponentType } from 'react';

/**
 * A component whose code is a chunk of its own: `Component` fetches it when first drawn (inside a
 * Suspense), `preload` fetches it ahead (once the page is idle); a failed preload is left for the
 * component's own load to report.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
export function lazyChunk<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  return { Component: lazy(load), preload: (): Promise<unknown> => load().catch(() => undefined) };
}
