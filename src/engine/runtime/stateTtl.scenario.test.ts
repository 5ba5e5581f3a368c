import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { stateTtlScenario } from '../scenarios/builtin/stateTtl';
import { defaultScenario } from '../scenarios/builtin/default';
import { parseScenario } from '../scenarios/validate';
import type { ScenarioSpec } from '../scenarios/schema';
import { latestSnapshot, snapshotByOperator } from '../jobs/operatorSnapshot';
import { startFromSnapshot } from '../jobs/startFromSnapshot';
import { decodeSnapshotFile, encodeSnapshotFile } from '../jobs/snapshotFile';

// The state-ttl scenario's shapes, from the run: sessions never come back, traffic stops 24-54 s.

function samples(backend: 'hashmap' | 'rocksdb', id: string) {
  const sim = Simulation.create(stateTtlScenario, { conf: { 'state.backend.type': backend } });
  sim.runUntil(80_000);
  const op = sim.state.plan.operators.find((o) => o.id === id)!;
  return sim.state.subtasks[op.subtasks[0]].stateSizes!;
}
const at = (s: ReturnType<typeof samples>, t: number) => s.find((x) => x.t >= t)!;

describe('the state-ttl scenario', () => {
  it('without TTL the state grows with every session and never falls', () => {
    const s = samples('hashmap', 'count-all');
    for (let i = 1; i < s.length; i++) expect(s[i].entries).toBeGreaterThanOrEqual(s[i - 1].entries);
    expect(at(s, 20_000).entries).toBeGreaterThan(2 * at(s, 8000).entries);
    expect(s.at(-1)!.entries).toBeGreaterThan(at(s, 50_000).entries);
  });

  it('with TTL on the heap, growth stops; when traffic stops, cleanup stalls with every key expired', () => {
    const s = samples('hashmap', 'count-ttl');
    const steady = at(s, 12_000).entries;
    expect(steady).toBeGreaterThan(0);
    for (const t of [16_000, 20_000, 23_000]) expect(Math.abs(at(s, t).entries - steady)).toBeLessThanOrEqual(2);
    // during the pause (24-54 s): same keys, all expired, none cleaned
    const paused = s.filter((x) => x.t > 32_000 && x.t < 54_000);
    expect(paused.length).toBeGreaterThan(5);
    for (const x of paused) expect(x).toMatchObject({ entries: at(s, 24_000).entries, expired: at(s, 24_000).entries });
    // traffic back: the accesses clean up again
    expect(at(s, 56_000).expired).toBe(0);
  });

  it('with TTL on RocksDB, the state falls at compactions, also while traffic stops', () => {
    const s = samples('rocksdb', 'count-ttl');
    const compactions = s.filter((x) => x.compaction !== undefined && x.compaction > 0);
    expect(compactions.length).toBeGreaterThanOrEqual(3);
    for (const c of compactions) {
      expect(c.expired).toBe(0);
    }
    expect(compactions.filter((c) => c.entries < s[s.indexOf(c) - 1].entries).length).toBeGreaterThanOrEqual(2);
    // between compactions it grows
    const rising = s.filter((x, i) => i > 0 && x.t < 24_000 && x.compaction === undefined && x.entries > s[i - 1].entries);
    expect(rising.length).toBeGreaterThan(2);
    // a compaction in the pause removes every expired session with no record arriving
    expect(s.some((x) => x.t > 30_000 && x.t < 54_000 && x.compaction !== undefined && x.compaction > 0 && x.entries === 0)).toBe(true);
  });

  it('with no ttl anywhere, nothing is sampled (the engine carries nothing new)', () => {
    const sim = Simulation.create(defaultScenario);
    sim.runUntil(12_000);
    expect(sim.state.subtasks.every((st) => st.stateSizes === undefined)).toBe(true);
  });
});

describe('restoring with a newly enabled or removed TTL', () => {
  const withTtl = (s: ScenarioSpec): ScenarioSpec => ({ ...s, operators: s.operators.map((o) => (o.kind === 'keyed-count' ? { ...o, ttl: { ttl: '1 min' } } : o)) });
  function savepoint(spec: ScenarioSpec) {
    const sim = Simulation.create(spec, { conf: { 'execution.checkpointing.interval': '3 s' } });
    sim.runUntil(7000);
    sim.triggerSavepoint();
    sim.runUntil(12_000);
    return snapshotByOperator(sim.state, latestSnapshot(sim.state, 'savepoint')!);
  }

  it('is refused with Flink\'s StateMigrationException, per backend', () => {
    const snap = savepoint(defaultScenario);
    expect(() => startFromSnapshot(withTtl(defaultScenario), snap)).toThrow(/StateMigrationException: For heap backends, the new state serializer \(TtlStateFactory\$TtlSerializer\) must not be incompatible with the old state serializer \(LongSerializer\)/);
    expect(() => startFromSnapshot(withTtl(defaultScenario), snap, { conf: { 'state.backend.type': 'rocksdb' } })).toThrow(/StateMigrationException: The new state serializer \(TtlStateFactory\$TtlSerializer\) must not be incompatible/);
    const back = savepoint(withTtl(defaultScenario));
    expect(() => startFromSnapshot(defaultScenario, back)).toThrow(/State TTL was disabled/);
  });

  it('a TTL state restores into a TTL state, its timestamps with it, also through a file', () => {
    const snap = decodeSnapshotFile(encodeSnapshotFile(savepoint(withTtl(defaultScenario)), { scenario: 'default', seed: 1 })).snapshot;
    expect(snap.operators.find((o) => o.vertex === 'count')!.states).toEqual([{ name: 'count', kind: 'value', ttl: true }]);
    const { sim } = startFromSnapshot(withTtl({ ...defaultScenario, operators: defaultScenario.operators.map((o) => (o.kind === 'keyed-count' ? { ...o, ttl: { ttl: '5 s' } } : o)) }), snap);
    const op = sim.state.plan.operators.find((o) => o.id === 'count')!;
    const entries = op.subtasks.flatMap((sid) => [...sim.state.subtasks[sid].keyed.values()].flatMap((g) => [...g.values()]));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(typeof e.get('count@ttl')).toBe('number');
  });
});

describe('scenario ttl field', () => {
  const bad = (ttl: unknown) => () => parseScenario({ ...defaultScenario, operators: defaultScenario.operators.map((o) => (o.id === 'count' ? { ...o, ttl } : o)) });
  it('is validated with messages naming the path', () => {
    expect(bad({ ttl: '0 s' })).toThrow(/operators\.2\.ttl\.ttl: the TTL is a duration/);
    expect(bad({ ttl: '5 s', updateType: 'Disabled' })).toThrow(/operators\.2\.ttl\.updateType/);
    expect(bad({ ttl: '5 s', cleanup: { incremental: { size: 0 } } })).toThrow(/operators\.2\.ttl\.cleanup\.incremental\.size: the cleanup size is at least 1/);
    expect(bad({ ttl: '5 s', cleanup: { rocksdbCompactionFilter: { queryTimeAfterNumEntries: 10, periodicCompactionTime: 'soon' } } })).toThrow(/periodicCompactionTime/);
    expect(bad({ ttl: '5 s', cleanup: { compaction: true } })).toThrow(/operators\.2\.ttl\.cleanup: unknown field/);
  });
  it('is refused on operators without keyed state', () => {
    expect(() => parseScenario({ ...defaultScenario, operators: defaultScenario.operators.map((o) => (o.id === 'map' ? { ...o, ttl: { ttl: '5 s' } } : o)) })).toThrow(/operators\.1: unknown field "ttl"/);
  });
});

describe('a TTL that never runs out changes no result', () => {
  it('every keyed operator kind emits what it emits without TTL', async () => {
    const { BUILTIN_SCENARIOS } = await import('../scenarios/builtin');
    for (const spec of BUILTIN_SCENARIOS.filter((s) => s.id !== 'state-ttl' && s.id !== 'bench')) {
      const ttl = { ...spec, operators: spec.operators.map((o) => (o.kind.startsWith('keyed-') ? { ...o, ttl: { ttl: '1 h', updateType: 'OnReadAndWrite' as const } } : o)) };
      const sinkValues = (sim: Simulation) => sim.state.subtasks.flatMap((st) => st.sink?.received.map((r) => `${r.key}=${r.value}`) ?? []);
      // snapshot durations grow with state size (a TTL adds 8 bytes a value): keep them equal here
      const conf = { 'sim.snapshot.sync-per-kb': '0 ms', 'sim.snapshot.async-per-kb': '0 ms' };
      const a = Simulation.create(spec, { conf });
      const b = Simulation.create(ttl, { conf });
      a.runUntil(20_000);
      b.runUntil(20_000);
      expect(sinkValues(b), spec.id).toEqual(sinkValues(a));
      expect(sinkValues(a).length, spec.id).toBeGreaterThan(0);
    }
  });
});
