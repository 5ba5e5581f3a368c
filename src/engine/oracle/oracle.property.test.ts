import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EdgeSpec, OperatorSpec } from '../scenarios/schema';
import { parseScenario } from '../scenarios/validate';
import { Simulation } from '../sim/simulation';
import { computeOracle } from './oracle';
import { job } from './oracle.testkit';

// Whatever valid job runs without faults, the oracle finds it exactly-once: it judges only what
// the job defines, so the fault-free reference run's other timing cannot read as an error.

type Kind = 'map' | 'filter-keys' | 'filter-values' | 'flat-map' | 'keyed-count' | 'keyed-sum' | 'keyed-last-n'
  | 'keyed-histogram' | 'keyed-reduce' | 'union' | 'keyed-join';
const KINDS: Kind[] = ['map', 'filter-keys', 'filter-values', 'flat-map', 'keyed-count', 'keyed-sum', 'keyed-last-n', 'keyed-histogram', 'keyed-reduce', 'union', 'keyed-join'];
const PARTITIONERS = ['forward', 'rebalance', 'hash', 'broadcast'] as const;

interface Step { kind: Kind; parallelism: number; inputs: [number, number]; partitioners: [number, number]; copies: number }

const step = fc.record({
  kind: fc.constantFrom(...KINDS),
  parallelism: fc.integer({ min: 1, max: 4 }),
  inputs: fc.tuple(fc.nat(), fc.nat()),
  partitioners: fc.tuple(fc.nat(3), fc.nat(3)),
  copies: fc.integer({ min: 0, max: 2 }),
});

const shape = fc.record({
  sources: fc.array(fc.record({ parallelism: fc.integer({ min: 1, max: 4 }), partitions: fc.integer({ min: 1, max: 4 }), rate: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 2 }),
  steps: fc.array(step, { minLength: 1, maxLength: 4 }),
  sinkParallelism: fc.integer({ min: 1, max: 4 }),
  sinkPartitioner: fc.nat(3),
  secondSink: fc.boolean(),
  sinkKind: fc.constantFrom('plain', 'upsert', 'two-phase-commit'),
  checkpointing: fc.boolean(),
  jitterMs: fc.constantFrom(0, 50, 200),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  untilMs: fc.integer({ min: 1_500, max: 4_000 }),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** An edge from `from` into `to`: keyed operators take hash, forward only between equal parallelisms. */
function edge(from: OperatorSpec, to: OperatorSpec, pick: number, keyed: boolean, input?: number): EdgeSpec {
  let partitioner = keyed ? 'hash' : PARTITIONERS[pick];
  if (partitioner === 'forward' && from.parallelism !== to.parallelism) partitioner = 'rebalance';
  return { from: from.id, to: to.id, partitioner: partitioner as EdgeSpec['partitioner'], ...(input === undefined ? {} : { input }) };
}

export function buildJob(s: Shape) {
  const ops: OperatorSpec[] = s.sources.map((src, i) => ({
    id: `source${i}`, name: `Source ${i}`, kind: 'source', parallelism: src.parallelism, partitions: src.partitions,
    ratePerPartition: src.rate, keyCount: 5, maxValue: 9, costMs: 5,
  }));
  const edges: EdgeSpec[] = [];
  s.steps.forEach((st: Step, i) => {
    const id = `op${i}`;
    const name = `Op ${i}`;
    const common = { id, name, parallelism: st.parallelism, costMs: 5 };
    const two = st.kind === 'union' || st.kind === 'keyed-join';
    const keyed = st.kind.startsWith('keyed-');
    const op: OperatorSpec =
      st.kind === 'filter-keys' ? { ...common, kind: 'filter', keepKeys: ['k0', 'k2', 'k3'] }
      : st.kind === 'filter-values' ? { ...common, kind: 'filter', minValue: 4 }
      : st.kind === 'flat-map' ? { ...common, kind: 'flat-map', copies: st.copies }
      : st.kind === 'keyed-last-n' ? { ...common, kind: st.kind, n: 2 }
      : st.kind === 'keyed-histogram' ? { ...common, kind: st.kind, bucketSize: 3 }
      : st.kind === 'keyed-reduce' ? { ...common, kind: st.kind, reduce: 'max' }
      : st.kind === 'map' ? { ...common, kind: 'map', fn: 'increment' }
      : { ...common, kind: st.kind };
    // inputs come from earlier operators: the job stays acyclic; the latest one is the likeliest
    const first = ops[ops.length - 1 - (st.inputs[0] % Math.min(2, ops.length))];
    edges.push(edge(first, op, st.partitioners[0], keyed, two ? 0 : undefined));
    if (two) {
      const others = ops.filter((o) => o !== first);
      const second = others.length ? others[st.inputs[1] % others.length] : first;
      edges.push(edge(second, op, st.partitioners[1], keyed, 1));
    }
    ops.push(op);
  });
  const sink = (n: number, from: OperatorSpec): OperatorSpec => {
    const op: OperatorSpec = { id: `sink${n}`, name: `Sink ${n}`, kind: 'sink', parallelism: s.sinkParallelism, costMs: 5 };
    edges.push(edge(from, op, s.sinkPartitioner, false));
    return op;
  };
  const last = ops[ops.length - 1];
  const sinks = [sink(0, last)];
  if (s.secondSink && ops.length > 2) sinks.push(sink(1, ops[ops.length - 2]));
  const conf: Record<string, string> = {
    'sim.channel.latency': '100 ms', 'sim.channel.jitter': `${s.jitterMs} ms`, 'sim.sink.kind': s.sinkKind,
    ...(s.checkpointing ? { 'execution.checkpointing.interval': '1 s' } : {}),
  };
  return parseScenario(job([...ops, ...sinks], edges, conf));
}

describe('the oracle on generated valid jobs without faults', () => {
  it('is exactly-once on every one, or says that nothing it can judge is defined', () => {
    fc.assert(fc.property(shape, (s) => {
      const sim = Simulation.create(buildJob(s), { seed: s.seed });
      sim.runUntil(s.untilMs);
      const r = computeOracle(sim.state);
      if (r.verdict === 'inconclusive') {
        expect(r.judged, r.reason).toBe('nothing');
        expect(r.reason).toMatch(/neither rows nor keys are defined/);
      } else {
        expect({ verdict: r.verdict, reason: r.reason }).toEqual({ verdict: 'exactly-once', reason: r.reason });
      }
    }), { numRuns: 80 });
  }, 25_000);
});
