import { decodeCommands, type PhysicalPlan, type RecordedCommand } from '../engine';
import { checkCommands } from '../engine/timeline/dryCheck';
import type { SimState } from '../engine';
import { decodeJson, encodeJson } from './urlParams';

// A history that branches. Acting in the past (a kill, a checkpoint, an armed fault, new settings
// at an earlier moment) starts a branch there instead of discarding the future: the branch left
// behind keeps its commands and how far it was taken. Each branch is a run of its own (the
// setup plus its commands), so switching to one replays it, and any two can be opened side by
// side. Each of two compared runs has its own tree. The live branch's commands are the run's;
// the others travel in the link (`branches=`, and `b.branches=` for run B).

export interface Branch {
  id: number;
  /** the branch it left, null for the first history */
  parent: number | null;
  /** the simulated moment it left its parent */
  at: number;
  /** all its commands from the start (the parent's up to `at` included) */
  commands: RecordedCommand[];
  /** how far it was taken */
  headTime: number;
}

export interface BranchTree {
  branches: Branch[];
  /** the branch the run shows: its entry's commands and head are the run's own, kept up to date when it is left */
  current: number;
}

/** at most this many branches per run: the oldest branch left behind is forgotten past it */
export const MAX_BRANCHES = 16;

export const singleBranch = (): BranchTree => ({ branches: [{ id: 0, parent: null, at: 0, commands: [], headTime: 0 }], current: 0 });

/**
 * The run forked at `at`: the branch it was on keeps `left` (its commands and head before the
 * fork), and a new branch, the current one, starts from it there.
 */
export function fork(tree: BranchTree, left: { commands: RecordedCommand[]; headTime: number }, at: number): BranchTree {
  const id = Math.max(...tree.branches.map((b) => b.id)) + 1;
  let branches = tree.branches.map((b) => (b.id === tree.current ? { ...b, commands: [...left.commands], headTime: left.headTime } : b));
  branches.push({ id, parent: tree.current, at, commands: [], headTime: at });
  if (branches.length > MAX_BRANCHES) {
    // the oldest one that is no one's parent and not the one just left
    const drop = branches.find((b) => b.id !== tree.current && b.id !== id && !branches.some((c) => c.parent === b.id));
    if (drop) branches = branches.filter((b) => b !== drop);
  }
  return { branches, current: id };
}

/** The tree with the current branch's entry brought up to date with the run. */
export function withCurrent(tree: BranchTree, live: { commands: RecordedCommand[]; headTime: number }): BranchTree {
  return { ...tree, branches: tree.branches.map((b) => (b.id === tree.current ? { ...b, commands: [...live.commands], headTime: live.headTime } : b)) };
}

/** Rows of the small tree the timeline draws: a branch under its parent, children in the order they were made. */
export function branchRows(tree: BranchTree): { branch: Branch; depth: number }[] {
  const rows: { branch: Branch; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (b: Branch, depth: number) => {
    if (seen.has(b.id)) return;
    seen.add(b.id);
    rows.push({ branch: b, depth });
    for (const c of tree.branches.filter((x) => x.parent === b.id)) visit(c, depth + 1);
  };
  for (const root of tree.branches.filter((b) => b.parent === null || !tree.branches.some((p) => p.id === b.parent))) visit(root, 0);
  return rows;
}

// ---- the link ---------------------------------------------------------------------------------

interface LinkBranch { id: number; parent: number | null; at: number; head: number; commands: unknown }

/** The branches the run is not on, for the link (the current one is the link's `run`). */
export function branchesForLink(tree: BranchTree): { current: number; branches: LinkBranch[] } | null {
  if (tree.branches.length < 2) return null;
  return {
    current: tree.current,
    branches: tree.branches.map((b) => ({ id: b.id, parent: b.parent, at: b.at, head: b.headTime, commands: b.id === tree.current ? [] : b.commands })),
  };
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/**
 * A link's branches (decoded JSON from outside), checked against the job as a link's commands
 * are; the live run's commands fill in the current branch. What is wrong is said, and the link
 * opens without its other branches.
 */
export function readLinkBranches(value: unknown, initial: SimState, plan: PhysicalPlan, live: { commands: RecordedCommand[]; headTime: number }, problems: string[], run: 'a' | 'b' = 'a'): BranchTree | null {
  const refuse = (why: string) => {
    problems.push(run === 'a' ? `The link's branches could not be read: ${why}. Showing the run without its other branches.` : `The link's branches of run B could not be read: ${why}. Showing run B without its other branches.`);
    return null;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('not a list of branches');
  const { current, branches } = value as { current?: unknown; branches?: unknown };
  if (!isId(current) || !Array.isArray(branches)) return refuse('no current branch or no branches');
  if (branches.length > MAX_BRANCHES) return refuse(`${branches.length} branches; at most ${MAX_BRANCHES}`);
  const out: Branch[] = [];
  for (const [i, b] of branches.entries()) {
    if (typeof b !== 'object' || b === null) return refuse(`branch ${i + 1} is not a branch`);
    const { id, parent, at, head, commands } = b as Partial<LinkBranch>;
    if (!isId(id) || !(parent === null || isId(parent)) || !isTime(at) || !isTime(head)) return refuse(`branch ${i + 1} has no id, parent, start or head`);
    if (out.some((x) => x.id === id)) return refuse(`branch id ${id} is given twice`);
    if (id === current) {
      out.push({ id, parent, at, commands: [...live.commands], headTime: live.headTime });
      continue;
    }
    let decoded: RecordedCommand[];
    try {
      decoded = decodeCommands(commands, plan);
      checkCommands(initial, decoded);
    } catch (e) {
      return refuse(`branch ${i + 1}: ${(e as Error).message}`);
    }
    out.push({ id, parent, at, commands: decoded, headTime: head });
  }
  if (!out.some((b) => b.id === current)) return refuse(`the current branch ${current} is not among them`);
  // a parent must exist and come first: no cycles
  for (const [i, b] of out.entries()) if (b.parent !== null && !out.slice(0, i).some((p) => p.id === b.parent)) return refuse(`branch ${b.id} names a parent that is not before it`);
  return { branches: out, current };
}

// the tree changes only when the run forks or switches: its link text is made once per tree
const linkValues = new WeakMap<BranchTree, object | null>();

function linkValue(tree: BranchTree): object | null {
  let value = linkValues.get(tree);
  if (value === undefined) linkValues.set(tree, (value = branchesForLink(tree)));
  return value;
}

/** `search` with each run's other branches (`branches=` for run A, `b.branches=` for run B), when it has any. */
export function withBranches(search: string, trees: { a: BranchTree; b?: BranchTree }): string {
  const a = linkValue(trees.a);
  const b = trees.b ? linkValue(trees.b) : null;
  if (!a && !b) return search;
  const params = new URLSearchParams(search);
  if (a) params.set('branches', encodeJson(a));
  if (b) params.set('b.branches', encodeJson(b));
  return `?${params}`;
}

/** A link's branches parameter (`branches`, or run B's `b.branches`) as decoded JSON (bounded as every compressed parameter), or undefined. */
export function readBranchesParam(search: string, problems: string[], name: 'branches' | 'b.branches' = 'branches'): unknown {
  const text = new URLSearchParams(search).get(name);
  if (text === null) return undefined;
  const decoded = decodeJson(text, 'branches');
  if ('problem' in decoded) {
    problems.push(`${name}: ${decoded.problem}; showing the run without its other branches.`);
    return undefined;
  }
  return decoded.value;
}
