// Pipelined regions (Flink's failover regions): in a streaming job every exchange is pipelined, so
// an all-to-all edge (keyBy, rebalance, broadcast) joins every producer and consumer subtask into
// one region, while a forward edge joins only subtask i with subtask i.

export interface RegionPlan {
  subtasks: { id: number; operator: number; index: number }[];
  edges: { from: number; to: number; partitioner: string }[];
  operators: { subtasks: number[] }[];
}

/** Region index of every subtask; regions numbered in order of their smallest subtask id. */
export function computePipelinedRegions(plan: RegionPlan): number[] {
  const parent = plan.subtasks.map((s) => s.id);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const e of plan.edges) {
    const from = plan.operators[e.from].subtasks;
    const to = plan.operators[e.to].subtasks;
    if (e.partitioner === 'forward') from.forEach((s, i) => union(s, to[i]));
    else for (const s of from) for (const t of to) union(s, t);
  }
  const numbering = new Map<number, number>();
  return plan.subtasks.map((s) => {
    const root = find(s.id);
    if (!numbering.has(root)) numbering.set(root, numbering.size);
    return numbering.get(root)!;
  });
}

/** Subtasks to restart: the failed tasks' regions and, transitively, every region consuming from them. */
export function regionsToRestart(plan: RegionPlan, regions: number[], failed: number[], channels: { from: number; to: number }[]): number[] {
  const restart = new Set(failed.map((s) => regions[s]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const ch of channels) {
      if (restart.has(regions[ch.from]) && !restart.has(regions[ch.to])) {
        restart.add(regions[ch.to]);
        grew = true;
      }
    }
  }
  return plan.subtasks.filter((s) => restart.has(regions[s.id])).map((s) => s.id);
}
