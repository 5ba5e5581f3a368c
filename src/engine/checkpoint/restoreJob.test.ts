import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { assignKeyToParallelOperator } from '../kernels/keyGroups';
import { computeOracle } from '../oracle/oracle';
import { keyedStateByKey } from '../report';
import { restoreJob } from './restoreJob';
import { jobOperatorIds } from '../jobs/operatorSnapshot';
import type { ScenarioSpec } from '../scenarios/schema';

function withSavepoint(conf: Record<string, string> = {}) {
  const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '3 s', 'sim.sink.kind': 'two-phase-commit', ...conf } });
  sim.runUntil(8000);
  sim.stopWithSavepoint();
  sim.runUntil(30_000);
  const sp = sim.state.coordinator.savepoints[0];
  return { sim, sp };
}

describe('restoring a job from a savepoint, rescaled', () => {
  it('2 -> 3: every key keeps its state, on the subtask the key-group arithmetic names', () => {
    const { sim, sp } = withSavepoint();
    expect(sim.state.job.status).toBe('FINISHED');
    const before: Record<string, unknown> = {};
    const oldCount = sim.state.plan.operators.find((o) => o.id === 'count')!;
    for (const sid of oldCount.subtasks) Object.assign(before, keyedStateByKey(sim.state, sid));
    const next = restoreJob(sim.state, sp.id, { parallelism: { count: 3, sink: 3 } });
    const count = next.state.plan.operators.find((o) => o.id === 'count')!;
    expect(count.parallelism).toBe(3);
    const after: Record<string, unknown> = {};
    count.subtasks.forEach((sid, i) => {
      for (const [key, value] of Object.entries(keyedStateByKey(next.state, sid))) {
        expect(assignKeyToParallelOperator(key, count.maxParallelism, 3)).toBe(i);
        after[key] = value;
      }
    });
    expect(after).toEqual(before);
    expect(next.state.restores).toEqual([expect.objectContaining({ id: sp.id, is_savepoint: true })]);
    expect(next.state.coordinator.nextId).toBe(sp.id + 1);
  });

  it('source splits are even-split over the new readers, offsets kept', () => {
    const { sim, sp } = withSavepoint();
    const next = restoreJob(sim.state, sp.id, { parallelism: { source: 1, map: 1 } });
    const src = next.state.subtasks[next.state.plan.operators[0].subtasks[0]].source!;
    expect(src.partitions).toEqual([0, 1, 2, 3]);
    const stored = Object.values(sp.subtasks).flatMap((s) => (s.operator.SourceReaderState ?? []) as { partition: number; offset: number }[]);
    for (const x of stored) expect(src.offsets[x.partition]).toBe(x.offset);
  });

  it('the oracle still says exactly-once across stop-with-savepoint and a rescaled restore', () => {
    const { sim, sp } = withSavepoint();
    const next = restoreJob(sim.state, sp.id, { parallelism: { count: 3, sink: 3 } });
    next.runUntil(60_000);
    expect(next.state.job.status).toBe('RUNNING');
    expect(computeOracle(next.state).verdict).toBe('exactly-once');
  });

  it('regression (found by the e2e suite): a restored job that finishes soon after the restore loses nothing', () => {
    // the finished job's final 2PC transaction and the restored job's must not share an id
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'sim.sink.kind': 'two-phase-commit' } });
    sim.runUntil(9000);
    sim.stopWithSavepoint();
    sim.runUntil(20_000);
    const next = restoreJob(sim.state, sim.state.coordinator.savepoints[0].id, { parallelism: { count: 3, sink: 3 } });
    next.runUntil(22_200);
    expect(computeOracle(next.state)).toMatchObject({ verdict: 'exactly-once', missing: 0 });
  });

  it('regression: a job restored from an older savepoint reuses checkpoint ids of its predecessor, yet commits its own transactions', () => {
    // the old job goes on checkpointing after the savepoint, so its ids 4, 5, ... are committed there too
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s', 'sim.sink.kind': 'two-phase-commit' } });
    sim.runUntil(5000);
    sim.triggerSavepoint();
    sim.runUntil(20_000);
    const sp = sim.state.coordinator.savepoints[0];
    const oldIds = sim.state.coordinator.history.filter((h) => h.status === 'COMPLETED' && h.id > sp.id).map((h) => h.id);
    expect(oldIds.length).toBeGreaterThan(0);
    const next = restoreJob(sim.state, sp.id, { parallelism: { count: 3, sink: 3 } });
    next.runUntil(40_000);
    expect(next.state.coordinator.history.some((h) => oldIds.includes(h.id) && h.status === 'COMPLETED')).toBe(true);
    expect(next.state.subtasks.flatMap((s) => s.sink?.committedTxns ?? []).filter((t) => t.includes('@job1')).length).toBeGreaterThan(0);
    // the old job wrote past the savepoint, so the replay duplicates, but nothing is lost
    expect(computeOracle(next.state)).toMatchObject({ verdict: 'duplicates', missing: 0 });
  });

  it('refuses a different max parallelism, with Flink\'s reason', () => {
    const { sim, sp } = withSavepoint();
    const spec = sim.state.scenario;
    const changed: ScenarioSpec = { ...spec, operators: spec.operators.map((o) => (o.id === 'count' ? { ...o, maxParallelism: 256 } : o)) };
    expect(() => restoreJob(sim.state, sp.id, { scenario: changed })).toThrow(/maximum parallelism \(256\) of the stateful operator [0-9a-f]{32} does not match the maximum parallelism \(128\)/);
  });

  it('state of an operator the new job lacks needs allow-non-restored-state', () => {
    const { sim, sp } = withSavepoint();
    const spec = sim.state.scenario;
    const without: ScenarioSpec = {
      ...spec,
      operators: spec.operators.filter((o) => o.id !== 'count'),
      edges: [spec.edges[0], { from: 'map', to: 'sink', partitioner: 'forward' }],
    };
    // the operator is named by its OperatorID, derived from its place in the old graph
    const countId = jobOperatorIds(sim.state).get('count')!;
    expect(() => restoreJob(sim.state, sp.id, { scenario: without })).toThrow(new RegExp(`Failed to rollback to checkpoint/savepoint savepoint-${sp.id}\\. Cannot map checkpoint/savepoint state for operator ${countId} to the new program.*--allowNonRestoredState`));
    expect(() => restoreJob(sim.state, sp.id, { scenario: without, allowNonRestoredState: true })).not.toThrow();
  });

  it('an unaligned checkpoint with in-flight data restores into the same job, channel state replayed (rescaled: see channelStateRedistribution)', () => {
    const sim = Simulation.create(builtinScenario('backpressure')!, {
      seed: 3, conf: { 'execution.checkpointing.interval': '1 s', 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.num-retained': '10' },
    });
    sim.runUntil(8000);
    const cp = sim.state.coordinator.retained.find((c) => Object.values(c.subtasks).some((s) => Object.keys(s.inputChannelState).length + Object.keys(s.outputChannelState).length > 0))!;
    expect(cp).toBeDefined();
    const held = Object.values(cp.subtasks).reduce((n, s) => n + [...Object.values(s.inputChannelState), ...Object.values(s.outputChannelState)].reduce((m, r) => m + r.length, 0), 0);
    const next = restoreJob(sim.state, cp.id);
    expect(next.state.restores[0]).toMatchObject({ id: cp.id });
    // the restored job starts with exactly the checkpoint's in-flight records in its channels
    expect(next.state.channels.reduce((n, ch) => n + ch.records, 0)).toBe(held);
    next.runUntil(20_000);
    expect(next.state.job.status).toBe('RUNNING');
  });

  it('in-flight records on a broadcast edge are refused for a rescale: each consumer held its own copy', () => {
    const spec = builtinScenario('default')!;
    const broadcast: ScenarioSpec = { ...spec, edges: spec.edges.map((e) => (e.to === 'sink' ? { ...e, partitioner: 'broadcast' as const } : e)) };
    const sim = Simulation.create(broadcast, { conf: { 'execution.checkpointing.interval': '2 s' } });
    sim.runUntil(8000);
    const cp = sim.state.coordinator.retained[0];
    const channel = sim.state.plan.channels.find((c) => sim.state.plan.subtasks[c.to].name.startsWith('Sink'))!;
    cp.subtasks[channel.to].inputChannelState[channel.id] = [{ src: 0, part: 0, off: 0, sub: 0, key: 'Lion', value: 1, ts: 0 }];
    expect(() => restoreJob(sim.state, cp.id, { parallelism: { count: 3 } })).toThrow(/broadcast edge count -> sink cannot be redistributed/);
    expect(() => restoreJob(sim.state, cp.id)).not.toThrow();
  });

  it('names a snapshot that does not exist', () => {
    const { sim } = withSavepoint();
    expect(() => restoreJob(sim.state, 99)).toThrow(/no retained checkpoint or savepoint 99/);
  });
});
