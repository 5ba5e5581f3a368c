import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenarios/builtin/default';
import { BUILTIN_SCENARIOS } from '../scenarios/builtin';
import { parseScenario, ScenarioError } from '../scenarios/validate';
import type { ScenarioSpec } from '../scenarios/schema';
import { operatorIdOfUid, operatorIdsOf, UidCollisionError } from './operatorIds';

/** The default job with a map inserted between the source and the first map. */
function withInsertedMap(spec: ScenarioSpec): ScenarioSpec {
  return {
    ...spec,
    operators: [spec.operators[0], { id: 'extra', name: 'Map: extra', kind: 'map', parallelism: 2 }, ...spec.operators.slice(1)],
    edges: [{ from: 'source', to: 'extra', partitioner: 'forward' }, { from: 'extra', to: 'map', partitioner: 'forward' }, ...spec.edges.slice(1)],
  };
}

describe('operatorIdsOf', () => {
  it('gives every operator a 32-hex-digit id, the same for the same job', () => {
    for (const s of BUILTIN_SCENARIOS) {
      const ids = operatorIdsOf(s);
      expect(ids.size).toBe(s.operators.length);
      for (const id of ids.values()) expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(new Set(ids.values()).size).toBe(ids.size);
      expect(operatorIdsOf(structuredClone(s))).toEqual(ids);
    }
  });

  it('hashes a uid alone: the UTF-8 bytes through murmur3_128', () => {
    const spec = { ...defaultScenario, operators: defaultScenario.operators.map((o) => ({ ...o, uid: `${o.id}-uid` })) };
    const ids = operatorIdsOf(spec);
    expect(ids.get('count')).toBe(operatorIdOfUid('count-uid'));
    expect(operatorIdOfUid('count-uid')).not.toBe(operatorIdOfUid('count-uid2'));
  });

  it('changes the ids downstream of an inserted operator without uids, keeps those upstream', () => {
    const before = operatorIdsOf(defaultScenario);
    const after = operatorIdsOf(withInsertedMap(defaultScenario));
    expect(after.get('source')).toBe(before.get('source'));
    for (const id of ['map', 'count', 'sink']) expect(after.get(id)).not.toBe(before.get(id));
  });

  it('keeps the ids of operators with uids when an operator is inserted', () => {
    const uids = (s: ScenarioSpec) => ({ ...s, operators: s.operators.map((o) => (o.id === 'extra' ? o : { ...o, uid: o.id })) });
    const before = operatorIdsOf(uids(defaultScenario));
    const after = operatorIdsOf(uids(withInsertedMap(defaultScenario)));
    for (const id of ['source', 'map', 'count', 'sink']) expect(after.get(id)).toBe(before.get(id));
  });

  it('depends on chaining: a changed parallelism that breaks a forward chain changes the id', () => {
    const spec: ScenarioSpec = { ...defaultScenario, edges: defaultScenario.edges.map((e) => (e.from === 'source' ? { ...e, partitioner: 'rebalance' as const } : e)) };
    const chained = operatorIdsOf(spec);
    const unchained = operatorIdsOf({ ...spec, operators: spec.operators.map((o) => (o.id === 'map' ? { ...o, parallelism: 3 } : o)) });
    // source's hash counts a chained map only while the edge is forward: with rebalance it stays
    expect(unchained.get('source')).toBe(chained.get('source'));
    const forward = operatorIdsOf(defaultScenario);
    expect(forward.get('source')).not.toBe(chained.get('source'));
  });

  it('refuses two operators with one uid, with Flink\'s message', () => {
    const spec = { ...defaultScenario, operators: defaultScenario.operators.map((o) => ({ ...o, uid: 'same' })) };
    expect(() => operatorIdsOf(spec)).toThrow(UidCollisionError);
    expect(() => parseScenario(spec)).toThrow(ScenarioError);
    expect(() => parseScenario(spec)).toThrow(/operators.1.uid: .*Hash collision on user-specified ID/);
  });

  it('bounds and checks uids in the schema', () => {
    const op = (uid: string) => ({ ...defaultScenario, operators: defaultScenario.operators.map((o) => (o.id === 'count' ? { ...o, uid } : o)) });
    expect(() => parseScenario(op(''))).toThrow(/uid is not empty/);
    expect(() => parseScenario(op('u'.repeat(201)))).toThrow(/uids are at most 200 characters/);
    expect(parseScenario(op('Keyed Count: 🐘')).operators[2].uid).toBe('Keyed Count: 🐘');
  });
});
