// Graph checks over the scenario's operators and edges, linear in their number and without
// recursion: a file may hold a long chain or a wide fan-out.

export interface GraphEdge { from: string; to: string }

/** Whether the directed graph has a cycle (Kahn's algorithm: whatever never becomes ready sits on or behind one). */
export function hasCycle(nodes: readonly string[], edges: readonly GraphEdge[]): boolean {
  const index = new Map<string, number>();
  nodes.forEach((id) => { if (!index.has(id)) index.set(id, index.size); });
  const out: number[][] = Array.from({ length: index.size }, () => []);
  const indegree = new Array<number>(index.size).fill(0);
  for (const e of edges) {
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from === undefined || to === undefined) continue;
    out[from].push(to);
    indegree[to]++;
  }
  const ready: number[] = [];
  indegree.forEach((d, i) => { if (d === 0) ready.push(i); });
  let seen = 0;
  while (ready.length) {
    const node = ready.pop()!;
    seen++;
    for (const next of out[node]) if (--indegree[next] === 0) ready.push(next);
  }
  return seen !== index.size;
}
