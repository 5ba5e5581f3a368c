import { describe, expect, it } from 'vitest';
import type { EdgeSpec, OperatorSpec } from '../scenarios/schema';
import { builtinScenario } from '../scenarios/builtin';
import { streamFacts, whyNoFinalValue } from './keyLocality';
import { job, opIndex, planOf, rebalancedSums } from './oracle.testkit';

const source = (parallelism: number, id = 'source'): OperatorSpec => ({ id, name: id, kind: 'source', parallelism, partitions: 2, ratePerPartition: 1 });
const sink = (parallelism: number): OperatorSpec => ({ id: 'sink', name: 'Sink', kind: 'sink', parallelism });
const e = (from: string, to: string, partitioner: EdgeSpec['partitioner'], input?: number): EdgeSpec => ({ from, to, partitioner, ...(input === undefined ? {} : { input }) });

/** The facts of what the sink receives, and why it has no final value per key. */
function atSink(operators: OperatorSpec[], edges: EdgeSpec[]) {
  const spec = job(operators, edges);
  const plan = planOf(spec);
  const facts = streamFacts(plan)[opIndex(spec, 'sink')];
  return { facts, noFinal: whyNoFinalValue(plan.operators[opIndex(spec, 'sink')], facts) };
}

describe('what a job defines about the stream a sink receives', () => {
  it('after a keyBy and forward edges a key lives on one subtask: its final value is defined', () => {
    const spec = builtinScenario('default')!;
    const plan = planOf(spec);
    const facts = streamFacts(plan)[opIndex(spec, 'sink')];
    expect(facts).toMatchObject({ placement: { kind: 'placed' }, ids: 'exact', last: true });
    expect(whyNoFinalValue(plan.operators[opIndex(spec, 'sink')], facts)).toBeUndefined();
  });

  it('a rebalance into several sink subtasks spreads a key: no final value (issue 17)', () => {
    const plan = planOf(rebalancedSums);
    const facts = streamFacts(plan)[opIndex(rebalancedSums, 'sink')];
    expect(facts).toMatchObject({ placement: { kind: 'spread' }, ids: 'exact', last: false });
    expect(whyNoFinalValue(plan.operators[opIndex(rebalancedSums, 'sink')], facts)).toMatch(/rebalance into "Sink" spreads each key over its 2 subtasks/);
    // the sum of running counts is defined even though the counts arrive in no defined order
    expect(streamFacts(plan)[opIndex(rebalancedSums, 'sum')]).toMatchObject({ placement: { kind: 'placed' }, last: true });
  });

  it('a rebalance into one subtask keeps each key on it, in order', () => {
    const { facts, noFinal } = atSink([source(2), { id: 'count', name: 'Count', kind: 'keyed-count', parallelism: 2 }, sink(1)],
      [e('source', 'count', 'hash'), e('count', 'sink', 'rebalance')]);
    expect(facts.last).toBe(true);
    expect(noFinal).toBeUndefined();
  });

  it('a broadcast copies a key to every sink subtask: each sees the same last value', () => {
    const { facts, noFinal } = atSink([source(2), { id: 'count', name: 'Count', kind: 'keyed-count', parallelism: 2 }, sink(3)],
      [e('source', 'count', 'hash'), e('count', 'sink', 'broadcast')]);
    expect(facts.placement.kind).toBe('everywhere');
    expect(noFinal).toBeUndefined();
  });

  it('forward edges from a source keep a key spread over its subtasks', () => {
    const { facts, noFinal } = atSink([source(2), sink(2)], [e('source', 'sink', 'forward')]);
    expect(facts).toMatchObject({ placement: { kind: 'spread' }, ids: 'exact', last: true, ordered: true });
    expect(noFinal).toMatch(/reach several subtasks of "Sink"/);
  });

  it('an order-sensitive keyed operator has a defined last value only when its input order is defined', () => {
    const lastN: OperatorSpec = { id: 'last', name: 'Last N', kind: 'keyed-last-n', parallelism: 2, n: 2 };
    const fromOne = atSink([source(1), lastN, sink(2)], [e('source', 'last', 'hash'), e('last', 'sink', 'forward')]);
    expect(fromOne.noFinal).toBeUndefined();
    const fromTwo = atSink([source(2), lastN, sink(2)], [e('source', 'last', 'hash'), e('last', 'sink', 'forward')]);
    expect(fromTwo.noFinal).toMatch(/"Last N" depends on the order/);
  });

  it('a union interleaves its inputs: the key stays on one subtask, its last value does not', () => {
    const { facts, noFinal } = atSink([source(2, 'a'), source(1, 'b'), { id: 'union', name: 'Union', kind: 'union', parallelism: 2 }, sink(2)],
      [e('a', 'union', 'hash', 0), e('b', 'union', 'hash', 1), e('union', 'sink', 'forward')]);
    expect(facts).toMatchObject({ placement: { kind: 'placed' }, ids: 'exact', last: false });
    expect(noFinal).toMatch(/"Union" interleaves its 2 inputs/);
  });

  it('a keyed join, or a value filter on values timing decides, emits only at most the records', () => {
    const join = atSink([source(2, 'a'), source(1, 'b'), { id: 'join', name: 'Join', kind: 'keyed-join', parallelism: 2 }, sink(2)],
      [e('a', 'join', 'hash', 0), e('b', 'join', 'hash', 1), e('join', 'sink', 'forward')]);
    expect(join.facts).toMatchObject({ ids: 'at-most', last: false });
    expect(join.facts.idsWhy).toMatch(/"Join" emits depends on which input reaches it first/);
    const count: OperatorSpec = { id: 'count', name: 'Count', kind: 'keyed-count', parallelism: 2 };
    const filter: OperatorSpec = { id: 'filter', name: 'Filter', kind: 'filter', parallelism: 2, minValue: 3 };
    const counted = atSink([source(2), count, filter, sink(2)], [e('source', 'count', 'hash'), e('count', 'filter', 'forward'), e('filter', 'sink', 'forward')]);
    expect(counted.facts.ids).toBe('at-most');
    // the same filter on the source's own values passes a defined set of records
    const raw = atSink([source(2), filter, sink(2)], [e('source', 'filter', 'forward'), e('filter', 'sink', 'forward')]);
    expect(raw.facts.ids).toBe('exact');
  });

  it('a flat-map keeps what is defined, and one that emits nothing defines everything', () => {
    const flat = (copies: number) => atSink([source(2), { id: 'join', name: 'Join', kind: 'keyed-join', parallelism: 2 }, { id: 'flat', name: 'Flat', kind: 'flat-map', parallelism: 2, copies }, sink(2)],
      [e('source', 'join', 'hash', 0), e('source', 'join', 'hash', 1), e('join', 'flat', 'forward'), e('flat', 'sink', 'forward')]);
    expect(flat(2).facts.ids).toBe('at-most');
    expect(flat(0).facts).toMatchObject({ ids: 'exact', last: true });
  });
});
