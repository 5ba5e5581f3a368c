import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import type { ScenarioSpec } from '../scenarios/schema';
import { judgeSinks, type SinkKind } from './sinkJudgement';
import { planOf, rebalancedSums } from './oracle.testkit';

const judge = (spec: ScenarioSpec, kind: SinkKind) => judgeSinks(planOf(spec), () => kind)[0];
const withRetain = (spec: ScenarioSpec, retain: number): ScenarioSpec =>
  ({ ...spec, operators: spec.operators.map((o) => (o.kind === 'sink' ? { ...o, retain } : o)) });

describe('what the oracle judges at a sink', () => {
  const perKey = builtinScenario('default')!;
  const join = builtinScenario('two-inputs')!;

  it('per key where a key keeps one subtask: record ids and final value, or the final value of an upsert row', () => {
    expect(judge(perKey, 'plain')).toMatchObject({ judged: 'per-key', records: 'exact', finals: true });
    expect(judge(perKey, 'two-phase-commit')).toMatchObject({ judged: 'per-key', records: 'exact', finals: true });
    expect(judge(perKey, 'upsert')).toMatchObject({ judged: 'per-key', records: 'none', finals: true });
  });

  it('where keys spread: the multiset of records, or which keys have an upsert row', () => {
    expect(judge(rebalancedSums, 'plain')).toMatchObject({ judged: 'multiset', records: 'exact', finals: false });
    expect(judge(rebalancedSums, 'upsert')).toMatchObject({ judged: 'keys', keys: true, finals: false });
  });

  it('after a keyed join: no more than the job can write; an upsert sink there cannot be judged', () => {
    const plain = judge(join, 'plain');
    expect(plain).toMatchObject({ judged: 'upper-bound', records: 'bound' });
    expect(plain.bound).not.toBeNull();
    expect(judge(join, 'upsert')).toMatchObject({ judged: 'nothing' });
  });

  it('a sink that keeps only its last records is judged by final values alone, one that keeps none not at all', () => {
    expect(judge(withRetain(perKey, 50), 'plain')).toMatchObject({ judged: 'per-key', records: 'none', finals: true });
    expect(judge(withRetain(rebalancedSums, 50), 'plain').judged).toBe('nothing');
    expect(judge(withRetain(perKey, 0), 'plain').reason).toMatch(/keeps no output/);
  });
});
