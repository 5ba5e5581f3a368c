// CONTRACTS 1.4: operator state on restore, as Flink's RoundRobinOperatorStateRepartitioner
// redistributes it (flink-semantics.md §2.1).
//
// - split (ListState): all elements of a named state, concatenated in old-subtask order, are cut
//   into contiguous chunks of N / newP, the first N % newP of them one longer. Chunks go to new
//   subtasks starting at a rotating index: the next split state starts at the subtask where the
//   longer chunks ran out, so several states do not all load subtask 0.
// - union: every new subtask gets every element.
// - broadcast: new subtask i gets old subtask i % oldP's copy.
// With the parallelism unchanged each subtask keeps its own split and broadcast state; union state
// is still re-unioned.

export type OperatorStateMode = 'split' | 'union' | 'broadcast';

export function redistributeOperatorState<T>(
  states: { name: string; mode: OperatorStateMode; perSubtask: T[][] }[],
  newParallelism: number,
): { name: string; perSubtask: T[][] }[] {
  if (!Number.isInteger(newParallelism) || newParallelism < 1) throw new RangeError(`newParallelism must be a positive integer, got ${newParallelism}`);
  let start = 0;
  return states.map(({ name, mode, perSubtask }) => {
    const oldParallelism = perSubtask.length;
    if (oldParallelism < 1) throw new RangeError(`operator state "${name}" has no subtasks`);
    const out: T[][] = Array.from({ length: newParallelism }, () => []);
    if (mode === 'union') {
      const all = perSubtask.flat();
      return { name, perSubtask: out.map(() => [...all]) };
    }
    if (mode === 'broadcast' || (mode === 'split' && oldParallelism === newParallelism)) {
      return { name, perSubtask: out.map((_, i) => [...perSubtask[i % oldParallelism]]) };
    }
    const all = perSubtask.flat();
    const base = Math.floor(all.length / newParallelism);
    let remainder = all.length % newParallelism;
    let nextStart = start;
    let offset = 0;
    for (let i = 0; i < newParallelism; i++) {
      const subtask = (i + start) % newParallelism;
      let take = base;
      if (remainder > 0) {
        take++;
        remainder--;
      } else if (remainder === 0) {
        // out of longer chunks: the next split state starts here
        nextStart = subtask;
        remainder--;
      }
      out[subtask] = all.slice(offset, offset + take);
      offset += take;
    }
    start = nextStart;
    return { name, perSubtask: out };
  });
}
