// The graph's zoom from outside it (the keys + - 0, presenter mode): a DOM event the graph listens to.
// 'selected' zooms to the selected subtask.

export type GraphZoom = 'in' | 'out' | 'fit' | 'selected';

export const GRAPH_ZOOM_EVENT = 'checkpoint-lab:graph-zoom';

/** the space around the job when it fits its pane, as a fraction of the pane */
export const FIT_PADDING = 0.04;

export function zoomGraph(kind: GraphZoom): void {
  window.dispatchEvent(new CustomEvent<GraphZoom>(GRAPH_ZOOM_EVENT, { detail: kind }));
}

/** How long a zoom glides: not at all when the person asked for reduced motion. */
export function zoomDuration(ms: number): number {
  const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? 0 : ms;
}
