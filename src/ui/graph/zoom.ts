// The graph's zoom from outside it (the keys + - 0): a DOM event the graph listens to.

export type GraphZoom = 'in' | 'out' | 'fit';

export const GRAPH_ZOOM_EVENT = 'checkpoint-lab:graph-zoom';

export function zoomGraph(kind: GraphZoom): void {
  window.dispatchEvent(new CustomEvent<GraphZoom>(GRAPH_ZOOM_EVENT, { detail: kind }));
}
