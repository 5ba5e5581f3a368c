import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { defaultScenario } from '../scenarios/builtin/default';
import type { ScenarioSpec } from '../scenarios/schema';
import { RestoreError } from '../checkpoint/restoreJob';
import { jobOperatorIds, latestSnapshot, snapshotByOperator } from './operatorSnapshot';
import { decodeSnapshotFile, encodeSnapshotFile, SnapshotFileError } from './snapshotFile';
import { startFromSnapshot } from './startFromSnapshot';

const CONF = { 'execution.checkpointing.interval': '3 s' };

function savepointOf(spec: ScenarioSpec) {
  const sim = Simulation.create(spec, { conf: CONF });
  sim.runUntil(7000);
  sim.triggerSavepoint();
  sim.runUntil(12_000);
  const sp = latestSnapshot(sim.state, 'savepoint')!;
  return { sim, sp, file: encodeSnapshotFile(snapshotByOperator(sim.state, sp), { scenario: spec.id, seed: 1 }) };
}

const withUids = (s: ScenarioSpec): ScenarioSpec => ({ ...s, operators: s.operators.map((o) => (o.id === 'extra' ? o : { ...o, uid: `${o.id}-v1` })) });
function inserted(s: ScenarioSpec): ScenarioSpec {
  return {
    ...s,
    operators: [s.operators[0], { id: 'extra', name: 'Map: extra', kind: 'map', parallelism: 2 }, ...s.operators.slice(1)],
    edges: [{ from: 'source', to: 'extra', partitioner: 'forward' }, { from: 'extra', to: 'map', partitioner: 'forward' }, ...s.edges.slice(1)],
  };
}
/** count's state by key, over all subtasks */
function counts(sim: Simulation) {
  const op = sim.state.plan.operators.find((o) => o.id === 'count')!;
  const out = new Map<string, unknown>();
  for (const sid of op.subtasks) for (const group of sim.state.subtasks[sid].keyed.values()) for (const [k, v] of group) out.set(k, v);
  return out;
}

describe('snapshot files', () => {
  it('round-trip: the decoded snapshot equals the one written', () => {
    const { sim, sp, file } = savepointOf(defaultScenario);
    const { snapshot, origin } = decodeSnapshotFile(file);
    expect(origin).toEqual({ scenario: 'default', seed: 1 });
    expect(snapshot).toEqual(snapshotByOperator(sim.state, sp));
    expect(snapshot.isSavepoint).toBe(true);
    expect(snapshot.operators.find((o) => o.vertex === 'count')!.subtasks.some((s) => s.keyed.size > 0)).toBe(true);
  });

  it('refuses what is not a snapshot, another version, a key in the wrong key group, too much text', () => {
    const { file } = savepointOf(defaultScenario);
    expect(() => decodeSnapshotFile('{')).toThrow(/not JSON/);
    expect(() => decodeSnapshotFile('{"a":1}')).toThrow(/not a snapshot file/);
    expect(() => decodeSnapshotFile(file.replace('"version": 1', '"version": 9'))).toThrow(/version 9 is not supported/);
    const doc = JSON.parse(file);
    const count = doc.operators.find((o: { vertex: string }) => o.vertex === 'count');
    const sub = count.subtasks.find((s: { keyed: unknown[] }) => s.keyed.length > 0);
    sub.keyed[0][0] = sub.keyed[0][0] === sub.keyGroupRange[0] ? sub.keyGroupRange[1] : sub.keyGroupRange[0];
    expect(() => decodeSnapshotFile(JSON.stringify(doc))).toThrow(SnapshotFileError);
    expect(() => decodeSnapshotFile(JSON.stringify(doc))).toThrow(/belongs to key group/);
    expect(() => decodeSnapshotFile(' '.repeat(64 * 2 ** 20 + 1))).toThrow(/at most/);
  });
});

describe('startFromSnapshot: a changed job from a savepoint file', () => {
  it('the same job gets its state back, at the savepoint\'s time', () => {
    const { sim, sp, file } = savepointOf(defaultScenario);
    const { sim: next, mapping } = startFromSnapshot(defaultScenario, decodeSnapshotFile(file).snapshot, { conf: CONF });
    expect(next.now).toBe(sp.completedAt);
    expect(mapping.rows.every((r) => r.status === 'matched')).toBe(true);
    expect(counts(next)).toEqual(keyedStateByKeyOf(sim, sp.id));
    expect(counts(next).size).toBeGreaterThan(0);
    next.runUntil(sp.completedAt + 5000);
    expect(next.state.job.status).toBe('RUNNING');
    expect(next.state.restores[0]).toMatchObject({ id: sp.id, is_savepoint: true });
  });

  it('an inserted operator without uids orphans the state downstream: the start fails naming the operator', () => {
    const { sim, file } = savepointOf(defaultScenario);
    const snap = decodeSnapshotFile(file).snapshot;
    const countId = jobOperatorIds(sim.state).get('count')!;
    expect(() => startFromSnapshot(inserted(defaultScenario), snap, { conf: CONF })).toThrow(RestoreError);
    expect(() => startFromSnapshot(inserted(defaultScenario), snap, { conf: CONF })).toThrow(`Cannot map checkpoint/savepoint state for operator ${countId} to the new program, because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI.`);
  });

  it('with -n the orphaned state is dropped and the operators start empty', () => {
    const { file } = savepointOf(defaultScenario);
    const { sim, mapping } = startFromSnapshot(inserted(defaultScenario), decodeSnapshotFile(file).snapshot, { conf: CONF, allowNonRestoredState: true });
    expect(mapping.rows.filter((r) => r.status === 'orphaned').map((r) => r.status === 'orphaned' && r.from.vertex)).toEqual(['map', 'count', 'sink']);
    expect(mapping.rows.filter((r) => r.status === 'new').map((r) => r.status === 'new' && r.to.vertex)).toEqual(['extra', 'map', 'count', 'sink']);
    expect(counts(sim).size).toBe(0);
  });

  it('with uids the state maps; the inserted operator is new and starts empty', () => {
    const { sim: old, sp, file } = savepointOf(withUids(defaultScenario));
    const { sim, mapping } = startFromSnapshot(withUids(inserted(defaultScenario)), decodeSnapshotFile(file).snapshot, { conf: CONF });
    expect(mapping.rows.map((r) => `${r.status}:${r.status === 'new' ? r.to.vertex : r.from.vertex}`)).toEqual(['matched:source', 'matched:map', 'matched:count', 'matched:sink', 'new:extra']);
    expect(counts(sim)).toEqual(keyedStateByKeyOf(old, sp.id));
    expect(counts(sim).size).toBeGreaterThan(0);
  });

  it('rescales keyed state by key group on the way', () => {
    const { sim: old, sp } = savepointOf(withUids(defaultScenario));
    const bigger = { ...defaultScenario, operators: defaultScenario.operators.map((o) => (o.id === 'count' ? { ...o, parallelism: 3 } : o)), edges: defaultScenario.edges.map((e) => (e.from === 'count' ? { ...e, partitioner: 'rebalance' as const } : e)) };
        const { sim, mapping } = startFromSnapshot(withUids(bigger), decodeSnapshotFile(encodeSnapshotFile(snapshotByOperator(old.state, sp), { scenario: 'x', seed: 1 })).snapshot, { conf: CONF });
    expect(mapping.rows.every((r) => r.status === 'matched')).toBe(true);
    const count = sim.state.plan.operators.find((o) => o.id === 'count')!;
    expect(count.parallelism).toBe(3);
    expect(counts(sim)).toEqual(keyedStateByKeyOf(old, sp.id));
    // every key sits in the subtask whose key-group range holds it
    for (const sid of count.subtasks) {
      const [lo, hi] = sim.state.plan.subtasks[sid].keyGroupRange!;
      for (const g of sim.state.subtasks[sid].keyed.keys()) expect(g >= lo && g <= hi).toBe(true);
    }
  });

  it('refuses a state registered with another type: state migration is not possible', () => {
    const spec: ScenarioSpec = { ...withUids(defaultScenario), operators: withUids(defaultScenario).operators.map((o) => (o.id === 'count' ? { id: 'count', name: 'Keyed Sum', kind: 'keyed-sum', parallelism: 2, uid: 'count-v1' } : o)) };
    const { file } = savepointOf(spec);
    const changed: ScenarioSpec = { ...spec, operators: spec.operators.map((o) => (o.id === 'count' ? { id: 'count', name: 'Keyed Reduce', kind: 'keyed-reduce', reduce: 'sum', parallelism: 2, uid: 'count-v1' } : o)) };
    expect(() => startFromSnapshot(changed, decodeSnapshotFile(file).snapshot, { conf: CONF })).toThrow(/state "sum" .*state migration is not possible\. Incompatible key\/value state types\. Was \[VALUE\], registered with \[REDUCING\]/);
  });
});

/** count's state by key as the savepoint holds it, read through a job restored in place */
function keyedStateByKeyOf(sim: Simulation, snapshotId: number) {
  const sp = sim.state.coordinator.savepoints.find((s) => s.id === snapshotId)!;
  const op = sim.state.plan.operators.find((o) => o.id === 'count')!;
  const out = new Map<string, unknown>();
  for (const sid of op.subtasks) for (const group of sp.subtasks[sid].keyed.values()) for (const [k, v] of group) out.set(k, v);
  return out;
}

describe('claim modes on restore from a retained checkpoint (RocksDB, incremental)', () => {
  const conf = { ...CONF, 'state.backend.type': 'rocksdb', 'execution.checkpointing.incremental': 'true', 'execution.checkpointing.storage': 'filesystem' };
  function firstCheckpointAfter(claimMode: 'NO_CLAIM' | 'CLAIM') {
    const sim = Simulation.create(defaultScenario, { conf });
    sim.runUntil(12_000);
    const chk = latestSnapshot(sim.state, 'checkpoint')!;
    const snap = decodeSnapshotFile(encodeSnapshotFile(snapshotByOperator(sim.state, chk), { scenario: 'default', seed: 1 })).snapshot;
    expect(snap.operators.some((o) => o.subtasks.some((s) => s.files.length > 0))).toBe(true);
    const { sim: next } = startFromSnapshot(defaultScenario, snap, { conf, claimMode });
    next.runUntil(next.now + 9000);
    return next.state.coordinator.history.find((r) => r.status === 'COMPLETED' && r.id > chk.id)!;
  }

  it('NO_CLAIM: the first checkpoint after the restore uploads everything; CLAIM builds on the restored files', () => {
    const noClaim = firstCheckpointAfter('NO_CLAIM');
    const claim = firstCheckpointAfter('CLAIM');
    expect(noClaim.stateBytes).toBe(claim.stateBytes);
    expect(noClaim.checkpointedBytes).toBeGreaterThan(claim.checkpointedBytes);
  });
});
