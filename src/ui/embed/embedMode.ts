// `?embed=1`: the page inside another page's iframe shows only the graph, the narration and the
// playback controls (CONTRACTS.md section 6). Read once at start: the page rewrites its address as
// the run goes on, and embedding is not part of a run.

export function readEmbedMode(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}
