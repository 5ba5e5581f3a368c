import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinScenario, createInitialState, parseScenario, previewUpgrade, Simulation, type ScenarioSpec } from '../../engine';
import {
  insertAfter, insertMapAfter, movable, moveOperator, parseParallelism, removable, removeOperator, setParallelism, setPartitioner,
  setSinkKind, setStateKind, setUid, stateKindOf, STATE_KINDS,
} from './draftEdits';

const base = builtinScenario('default')!;
/** source → map → filter → count → sink: a chain with room to reorder */
const chain: ScenarioSpec = insertAfter(base, 'map', 'filter');
const starts = (s: ScenarioSpec) => () => createInitialState(s);

describe('job editor edits', () => {
  it('inserts a map after an operator, on its output edge, as a valid job', () => {
    const next = insertMapAfter(base, 'source');
    expect(next.operators.map((o) => o.id)).toEqual(['source', 'map-1', 'map', 'count', 'sink']);
    expect(next.edges.slice(0, 2)).toEqual([{ from: 'source', to: 'map-1', partitioner: 'forward' }, { from: 'map-1', to: 'map', partitioner: 'forward' }]);
    expect(() => parseScenario(next)).not.toThrow();
    expect(insertMapAfter(next, 'source').operators[1].id).toBe('map-2');
    expect(insertMapAfter(base, 'sink')).toBe(base);
  });
  it('inserts a keyed count behind a keyBy, and a filter with a forward edge', () => {
    const keyed = insertAfter(base, 'count', 'keyed-count');
    expect(keyed.edges.find((e) => e.to === 'count-1')).toEqual({ from: 'count', to: 'count-1', partitioner: 'hash' });
    expect(keyed.edges.find((e) => e.from === 'count-1')).toEqual({ from: 'count-1', to: 'sink', partitioner: 'forward' });
    expect(starts(keyed)).not.toThrow();
    expect(chain.operators.map((o) => o.kind)).toEqual(['source', 'map', 'filter', 'keyed-count', 'sink']);
    expect(starts(chain)).not.toThrow();
  });
  it('removes an operator on a chain, joining its input to its output with the keyed partitioner kept', () => {
    expect(removable(base, 'map')).toBe(true);
    expect(removable(base, 'source')).toBe(false);
    expect(removable(base, 'sink')).toBe(false);
    const next = removeOperator(base, 'map');
    expect(next.edges).toEqual([{ from: 'source', to: 'count', partitioner: 'hash' }, { from: 'count', to: 'sink', partitioner: 'forward' }]);
    expect(() => parseScenario(next)).not.toThrow();
    expect(removeOperator(insertMapAfter(base, 'source'), 'map-1')).toEqual({ ...base, slowSubtasks: undefined });
    // Keyed Count taken out: the map feeds the sink through the keyBy, a job that runs
    expect(starts(removeOperator(base, 'count'))).not.toThrow();
  });
  it('reorders along a chain where the graph allows it, each operator keeping its own input partitioner', () => {
    expect(movable(chain, 'filter-1', 'up')).toBe(true);
    expect(movable(chain, 'map', 'up')).toBe(false); // the source cannot move
    expect(movable(chain, 'count', 'down')).toBe(false); // the sink cannot move
    const up = moveOperator(chain, 'filter-1', 'up');
    expect(up.operators.map((o) => o.id)).toEqual(['source', 'filter-1', 'map', 'count', 'sink']);
    expect(up.edges.map((e) => `${e.from}>${e.to}:${e.partitioner}`).sort()).toEqual(['count>sink:forward', 'filter-1>map:forward', 'map>count:hash', 'source>filter-1:forward'].sort());
    expect(starts(up)).not.toThrow();
    expect(moveOperator(up, 'filter-1', 'down')).toEqual(chain);
    // moving Keyed Count up keeps its keyBy in front of it: the job still runs
    const keyedUp = moveOperator(chain, 'count', 'up');
    expect(keyedUp.edges.find((e) => e.to === 'count')!.partitioner).toBe('hash');
    expect(starts(keyedUp)).not.toThrow();
    expect(moveOperator(chain, 'map', 'up')).toBe(chain);
  });
  it('moving an operator swaps the ids Flink derives from places: each takes the other\'s (the hash knows places, not functions)', () => {
    const sim = Simulation.create(chain, { conf: { 'execution.checkpointing.interval': '2 s' } });
    sim.runUntil(5000);
    const mapping = previewUpgrade(sim.state, moveOperator(chain, 'filter-1', 'up'));
    const pairs = mapping.rows.map((r) => (r.status === 'matched' ? `${r.from.vertex}>${r.to.vertex}` : r.status));
    expect(pairs).toEqual(['source>source', 'map>filter-1', 'filter-1>map', 'count>count', 'sink>sink']);
    // with uids each keeps its own
    const uids = (s: ScenarioSpec) => s.operators.reduce((x, o) => setUid(x, o.id, `${o.id}-uid`), s);
    const withUids = Simulation.create(uids(chain), { conf: { 'execution.checkpointing.interval': '2 s' } });
    withUids.runUntil(5000);
    const kept = previewUpgrade(withUids.state, moveOperator(uids(chain), 'filter-1', 'up'));
    expect(kept.rows.map((r) => (r.status === 'matched' ? `${r.from.vertex}>${r.to.vertex}` : r.status))).toEqual(['source>source', 'map>map', 'filter-1>filter-1', 'count>count', 'sink>sink']);
  });
  it('keyBy: a keyed operator behind a rebalance is refused, naming the edge and the operator', () => {
    const next = setPartitioner(base, 'map', 'count', 'rebalance');
    expect(next.edges[1].partitioner).toBe('rebalance');
    expect(() => parseScenario(next)).toThrow(/edges\.1: "Keyed Count" keeps keyed state, so its input must be keyed \(partitioner "hash"\), not "rebalance"/);
    expect(starts(setPartitioner(base, 'source', 'map', 'rebalance'))).not.toThrow();
  });
  it('state kinds: a keyed operator takes another kind, keeping id, uid and parallelism; its default name follows', () => {
    const withUid = setUid(base, 'count', 'counter');
    for (const k of STATE_KINDS) {
      const next = setStateKind(withUid, 'count', k);
      const o = next.operators[2];
      expect(stateKindOf(o)).toBe(k);
      expect([o.id, o.uid, o.parallelism]).toEqual(['count', 'counter', 2]);
      expect(starts(next)).not.toThrow();
    }
    expect(setStateKind(base, 'count', 'keyed-sum').operators[2].name).toBe('Keyed Sum');
    expect(setStateKind(base, 'map', 'keyed-sum')).toBe(base);
    expect(stateKindOf(base.operators[1])).toBeNull();
  });
  it('a state of another type under the same uid is refused before the upgrade: state migration is not possible', () => {
    const summing = setStateKind(setUid(base, 'count', 'counter'), 'count', 'keyed-sum');
    const sim = Simulation.create(summing, { conf: { 'execution.checkpointing.interval': '2 s' } });
    sim.runUntil(6000);
    const mapping = previewUpgrade(sim.state, setStateKind(summing, 'count', 'keyed-reduce:sum'));
    const row = mapping.rows.find((r) => r.status === 'matched' && r.to.vertex === 'count');
    expect(row && row.status === 'matched' && row.refusal).toMatch(/state migration is not possible\. Incompatible key\/value state types\. Was \[VALUE\], registered with \[REDUCING\]/);
    expect(mapping.refusal).toBe(row && row.status === 'matched' ? row.refusal : undefined);
    // a count under the same uid registers another state name: nothing to migrate
    expect(previewUpgrade(sim.state, setStateKind(summing, 'count', 'keyed-count')).refusal).toBeUndefined();
  });
  it('sink kind and uid, parallelism typed by hand', () => {
    expect(setSinkKind(base, 'sink', 'two-phase-commit').operators[3]).toMatchObject({ sinkKind: 'two-phase-commit' });
    expect(setSinkKind(base, 'map', 'upsert')).toBe(base);
    expect(setUid(base, 'count', 'counter').operators[2].uid).toBe('counter');
    expect('uid' in setUid(setUid(base, 'count', 'counter'), 'count', '').operators[2]).toBe(false);
    expect(setParallelism(base, 'count', 3).operators[2].parallelism).toBe(3);
    expect(parseParallelism('3', 256)).toBe(3);
    expect(['0', '', '1.5', '-2', '257', 'x'].map((t) => parseParallelism(t, 256))).toEqual([null, null, null, null, null, null]);
  });
  it('any sequence of edits gives a job that starts or a message naming what is wrong', () => {
    const edit = fc.oneof(
      fc.record({ k: fc.constant('insert' as const), i: fc.nat(), kind: fc.constantFrom('map' as const, 'filter' as const, 'keyed-count' as const) }),
      fc.record({ k: fc.constant('remove' as const), i: fc.nat() }),
      fc.record({ k: fc.constant('move' as const), i: fc.nat(), up: fc.boolean() }),
      fc.record({ k: fc.constant('keyBy' as const), i: fc.nat(), p: fc.constantFrom('hash' as const, 'rebalance' as const, 'forward' as const) }),
      fc.record({ k: fc.constant('state' as const), i: fc.nat(), s: fc.constantFrom(...STATE_KINDS) }),
      fc.record({ k: fc.constant('parallelism' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
    );
    fc.assert(fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
      let s: ScenarioSpec = base;
      for (const e of edits) {
        const o = s.operators[e.i % s.operators.length];
        if (e.k === 'insert') s = insertAfter(s, o.id, e.kind);
        else if (e.k === 'remove') s = removeOperator(s, o.id);
        else if (e.k === 'move') s = moveOperator(s, o.id, e.up ? 'up' : 'down');
        else if (e.k === 'keyBy') { const edge = s.edges[e.i % s.edges.length]; s = setPartitioner(s, edge.from, edge.to, e.p); }
        else if (e.k === 'state') s = setStateKind(s, o.id, e.s);
        else s = setParallelism(s, o.id, e.n);
      }
      expect(s.operators.filter((o) => o.kind === 'source')).toHaveLength(1);
      expect(s.operators.filter((o) => o.kind === 'sink')).toHaveLength(1);
      try {
        createInitialState(s);
      } catch (err) {
        expect((err as Error).message).toMatch(/^invalid scenario: (edges|operators)\.\d+/);
      }
    }), { numRuns: 60 });
  });
});
