import { describe, expect, it } from 'vitest';
import type { Rec } from '../model/types';
import type { EdgeSpec, OperatorSpec } from '../scenarios/schema';
import { recordBound } from './recordBounds';
import { job, opIndex, planOf } from './oracle.testkit';

const rec = (key: string, sub = 0): Rec => ({ key, value: 1, src: 0, part: 0, off: 0, sub, ts: 0 });
const e = (from: string, to: string, partitioner: EdgeSpec['partitioner'], input?: number): EdgeSpec => ({ from, to, partitioner, ...(input === undefined ? {} : { input }) });
const source: OperatorSpec = { id: 'source', name: 'Source', kind: 'source', parallelism: 1, partitions: 1, ratePerPartition: 1 };
const sink: OperatorSpec = { id: 'sink', name: 'Sink', kind: 'sink', parallelism: 3 };

function boundOf(operators: OperatorSpec[], edges: EdgeSpec[]) {
  const spec = job([source, ...operators, sink], edges);
  const plan = planOf(spec);
  return recordBound(plan, plan.operators[opIndex(spec, 'sink')]);
}

describe('the most times a job can write one record', () => {
  it('once along one path, as many times as a broadcast has consumers', () => {
    expect(boundOf([], [e('source', 'sink', 'rebalance')])!(rec('k'))).toBe(1);
    expect(boundOf([], [e('source', 'sink', 'broadcast')])!(rec('k'))).toBe(3);
  });

  it('a flat-map copy is another record (its sub index), and a copy it never makes is never written', () => {
    const bound = boundOf([{ id: 'flat', name: 'Flat', kind: 'flat-map', parallelism: 1, copies: 2 }], [e('source', 'flat', 'forward'), e('flat', 'sink', 'hash')])!;
    expect([bound(rec('k', 0)), bound(rec('k', 1)), bound(rec('k', 2))]).toEqual([1, 1, 0]);
  });

  it('a fork joined again by a union writes a record once per path; a key filter drops the keys it does not keep', () => {
    const bound = boundOf([
      { id: 'keep', name: 'Keep', kind: 'filter', parallelism: 1, keepKeys: ['a'] },
      { id: 'union', name: 'Union', kind: 'union', parallelism: 1 },
    ], [e('source', 'keep', 'forward'), e('source', 'union', 'forward', 0), e('keep', 'union', 'forward', 1), e('union', 'sink', 'rebalance')])!;
    expect([bound(rec('a')), bound(rec('b'))]).toEqual([2, 1]);
  });

  it('a job with too many ways to copy a record never runs: the scenario limits refuse it first', () => {
    const flats: OperatorSpec[] = [1, 2, 3, 4].map((i) => ({ id: `flat${i}`, name: `Flat ${i}`, kind: 'flat-map', parallelism: 1, copies: 16 }));
    const edges = [e('source', 'flat1', 'forward'), e('flat1', 'flat2', 'forward'), e('flat2', 'flat3', 'forward'), e('flat3', 'flat4', 'forward'), e('flat4', 'sink', 'rebalance')];
    // 16^4 ways to derive a record: past the simulator's 256 records per source record
    expect(() => boundOf(flats, edges)).toThrow(/this simulator runs at most 256/);
  });
});
