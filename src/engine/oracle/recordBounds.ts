import type { PhysicalPlan, PlanOperator, Rec } from '../model/types';

// How often a job can write one record at a sink, at most: every copy a record can become on its
// way (flat-map copies, broadcast copies, one per path through a fork and a union), as if no
// filter on values and no keyed join dropped it. A run that writes a record more often than that
// has written it twice.

/** One way a source record reaches an operator: under which sub index, how many times, for which keys. */
interface Derivation { src: number; sub: number; times: number; keys: string[] | null }

/** Beyond this many ways, the bound is not worth computing: the oracle says it cannot judge. */
const MAX_DERIVATIONS = 4096;

const FLAT_MAP_SUB_BASE = 16; // operators.ts: a flat-map's copy i of sub s has sub s * 16 + i

function through(op: PlanOperator, ins: Derivation[]): Derivation[] {
  const p = op.params;
  if (op.kind === 'flat-map') {
    return ins.flatMap((d) => Array.from({ length: p.copies ?? 1 }, (_, i) => ({ ...d, sub: d.sub * FLAT_MAP_SUB_BASE + i })));
  }
  if (op.kind === 'filter' && p.keepKeys) {
    const keep = p.keepKeys;
    return ins.map((d) => ({ ...d, keys: d.keys ? d.keys.filter((k) => keep.includes(k)) : [...keep] }));
  }
  return ins;
}

/** The most times each record can reach `sink`, as a function of the record; null if the job has too many ways. */
export function recordBound(plan: PhysicalPlan, sink: PlanOperator): ((rec: Rec) => number) | null {
  const memo = new Map<number, Derivation[] | null>();
  const reach = (op: PlanOperator): Derivation[] | null => {
    if (memo.has(op.index)) return memo.get(op.index)!;
    let ins: Derivation[] | null = op.kind === 'source' ? [{ src: op.index, sub: 0, times: 1, keys: null }] : [];
    for (const e of op.inputEdges) {
      const edge = plan.edges[e];
      const from = reach(plan.operators[edge.from]);
      if (!from || !ins) { ins = null; break; }
      const fan = edge.partitioner === 'broadcast' ? op.parallelism : 1;
      ins.push(...from.map((d) => ({ ...d, times: d.times * fan })));
    }
    const out = ins && through(op, ins);
    const result = out && out.length <= MAX_DERIVATIONS ? out : null;
    memo.set(op.index, result);
    return result;
  };
  const ways = reach(sink);
  if (!ways) return null;
  return (rec) => {
    let n = 0;
    for (const d of ways) if (d.src === rec.src && d.sub === rec.sub && (!d.keys || d.keys.includes(rec.key))) n += d.times;
    return n;
  };
}
