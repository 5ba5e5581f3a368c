import type { ScenarioSpec } from '../scenarios/schema';
import { murmur3x64_128, toHex } from './murmur3';

// Operator ids as Flink derives them (StreamGraphHasherV2): the OperatorID under which a snapshot
// keeps an operator's state. With a `uid`, the id is the hash of the uid alone, so it survives any
// change around the operator. Without one, it is a hash of the operator's place in the graph: its
// position in a breadth-first walk from the sources, the same number once more for each operator
// chained to it, then mixed with the ids of its inputs. Inserting an operator upstream moves every
// position after it, so the ids downstream change and their state no longer maps.

type JobGraph = Pick<ScenarioSpec, 'operators' | 'edges'>;

export class UidCollisionError extends Error {
  constructor(readonly uid: string) {
    super('Hash collision on user-specified ID. Most likely cause is a non-unique ID. Please check that all IDs specified via `uid(String)` are unique.');
    this.name = 'UidCollisionError';
  }
}

const utf8 = new TextEncoder();

function intBytes(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n, true); // Guava's Hasher.putInt: little-endian
  return b;
}

/** The hash of a user-specified uid: Guava's murmur3_128(0) over its UTF-8 bytes. */
export function operatorIdOfUid(uid: string): string {
  return toHex(murmur3x64_128(utf8.encode(uid)));
}

/**
 * Whether Flink chains the edge's target to its source: a forward edge between operators of the
 * same parallelism, and the target has no other input.
 */
function chainable(graph: JobGraph, edgeIndex: number, parallelismOf: (id: string) => number): boolean {
  const e = graph.edges[edgeIndex];
  const inputs = graph.edges.filter((x) => x.to === e.to).length;
  return e.partitioner === 'forward' && inputs === 1 && parallelismOf(e.from) === parallelismOf(e.to);
}

/**
 * Each operator's id (32 hex digits, as Flink prints an OperatorID), by the scenario's operator id.
 * `defaultParallelism`: the parallelism of operators that give none (it decides chaining).
 */
export function operatorIdsOf(graph: JobGraph, defaultParallelism = 1): Map<string, string> {
  const byId = new Map(graph.operators.map((o) => [o.id, o]));
  const parallelismOf = (id: string) => byId.get(id)?.parallelism ?? defaultParallelism;
  const inEdges = (id: string) => graph.edges.map((e, i) => ({ e, i })).filter(({ e }) => e.to === id);
  const outEdges = (id: string) => graph.edges.map((e, i) => ({ e, i })).filter(({ e }) => e.from === id);
  const hashes = new Map<string, Uint8Array>();
  const sources = graph.operators.filter((o) => inEdges(o.id).length === 0).map((o) => o.id);
  const remaining = [...sources];
  const visited = new Set(sources);
  // every operator is queued at most once per input, so the walk ends; a cycle (refused by
  // validation) would leave operators without an id, which the caller sees
  let guard = graph.operators.length * (graph.edges.length + 2) + 1;
  while (remaining.length && guard-- > 0) {
    const id = remaining.shift()!;
    const op = byId.get(id)!;
    let hash: Uint8Array;
    if (op.uid !== undefined) {
      hash = murmur3x64_128(utf8.encode(op.uid));
      const hex = toHex(hash);
      if ([...hashes.values()].some((h) => toHex(h) === hex)) throw new UidCollisionError(op.uid);
    } else {
      const ins = inEdges(id);
      if (ins.some(({ e }) => !hashes.has(e.from))) {
        visited.delete(id); // visited again once all its inputs have ids
        continue;
      }
      const position = hashes.size;
      const parts = [intBytes(position)];
      for (const { i } of outEdges(id)) if (chainable(graph, i, parallelismOf)) parts.push(intBytes(position));
      const input = new Uint8Array(parts.length * 4);
      parts.forEach((p, k) => input.set(p, k * 4));
      hash = murmur3x64_128(input);
      for (const { e } of ins) {
        const other = hashes.get(e.from)!;
        for (let j = 0; j < hash.length; j++) hash[j] = ((hash[j] * 37) ^ other[j]) & 0xff;
      }
    }
    hashes.set(id, hash);
    for (const { e } of outEdges(id)) {
      if (!visited.has(e.to)) {
        remaining.push(e.to);
        visited.add(e.to);
      }
    }
  }
  return new Map(graph.operators.filter((o) => hashes.has(o.id)).map((o) => [o.id, toHex(hashes.get(o.id)!)]));
}
