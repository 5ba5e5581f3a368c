import { LESSON_LIMITS } from './limits';

// A first look at a value read from a file, before any schema walks it: how deep it nests and how
// many values it holds, counted without recursion, stopping at the first bound it breaks.

export function sizeProblems(value: unknown, limits: { nodes: number; depth: number } = LESSON_LIMITS): string[] {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '(lesson)' }];
  let nodes = 0;
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (++nodes > limits.nodes) return [`${path}: the lesson holds more than ${limits.nodes} values`];
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.depth) return [`${path}: nested deeper than ${limits.depth} levels`];
    const children = Array.isArray(v) ? v.map((c, i) => [String(i), c] as const) : Object.entries(v);
    for (const [k, c] of children) stack.push({ v: c, depth: depth + 1, path: path === '(lesson)' ? k.slice(0, 40) : `${path}.${k.slice(0, 40)}` });
  }
  return [];
}
