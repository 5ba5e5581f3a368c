import dagre from '@dagrejs/dagre';
import type { PhysicalPlan } from '../../engine';

// Operators are laid out left to right by dagre; each operator's subtasks stack inside it.
// The JobManager and the checkpoint storage sit above the job.

export interface Box { x: number; y: number; width: number; height: number }

export interface GraphLayout {
  operators: Box[];
  /** subtask boxes relative to their operator's box */
  subtasks: Box[];
  jobManager: Box;
  storage: Box;
  compact: boolean;
}

const HEADER = 40;
const PAD = 10;
const GAP = 10;

export function subtaskSize(plan: PhysicalPlan): { width: number; height: number; compact: boolean } {
  const maxP = Math.max(...plan.operators.map((o) => o.parallelism));
  const compact = maxP > 4;
  // room for two rows of badges (at-least-once: "tracking #n · k inputs to go" and "nothing blocked")
  return compact ? { width: 170, height: 58, compact } : { width: 192, height: 100, compact };
}

export function layoutPlan(plan: PhysicalPlan): GraphLayout {
  const { width, height, compact } = subtaskSize(plan);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: compact ? 90 : 64, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = plan.operators.map((o) => ({ width: width + 2 * PAD, height: HEADER + o.parallelism * (height + GAP) - GAP + PAD }));
  plan.operators.forEach((_, i) => g.setNode(String(i), sizes[i]));
  for (const e of plan.edges) g.setEdge(String(e.from), String(e.to));
  dagre.layout(g);
  const operators = plan.operators.map((_, i) => {
    const n = g.node(String(i));
    return { x: n.x - sizes[i].width / 2, y: n.y - sizes[i].height / 2, width: sizes[i].width, height: sizes[i].height };
  });
  const subtasks = plan.subtasks.map((s) => ({ x: PAD, y: HEADER + s.index * (height + GAP), width, height }));
  const top = Math.min(...operators.map((o) => o.y));
  const left = Math.min(...operators.map((o) => o.x));
  const right = Math.max(...operators.map((o) => o.x + o.width));
  const jobManager = { x: left, y: top - 140, width: 230, height: 106 };
  const storage = { x: Math.max(left + 300, right - 230), y: top - 140, width: 230, height: 106 };
  return { operators, subtasks, jobManager, storage, compact };
}
