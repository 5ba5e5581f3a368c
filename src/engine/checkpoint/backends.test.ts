import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';

// Checkpointed size versus full state size, as Flink's backends report them.

function run(conf: Record<string, string>, until = 30_000) {
  const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s', ...conf } });
  sim.runUntil(until);
  return sim;
}

describe('state backends', () => {
  it('hashmap: every checkpoint is full, checkpointed size equals state size', () => {
    const sim = run({});
    const done = sim.state.coordinator.history.filter((h) => h.status === 'COMPLETED');
    expect(done.length).toBeGreaterThan(5);
    for (const h of done) expect(h.checkpointedBytes).toBe(h.stateBytes);
    expect(done[done.length - 1].stateBytes).toBeGreaterThan(done[0].stateBytes);
  });

  it('hashmap: the synchronous part grows with the state size', () => {
    const sim = run({ 'sim.snapshot.sync-per-kb': '100 ms' });
    const syncOfCount = sim.state.coordinator.history.filter((h) => h.status === 'COMPLETED').map((h) => {
      const countSubtasks = sim.state.plan.operators.find((o) => o.id === 'count')!.subtasks;
      return countSubtasks.reduce((n, sid) => n + h.acks[sid].syncMs, 0);
    });
    expect(syncOfCount[syncOfCount.length - 1]).toBeGreaterThan(syncOfCount[0]);
  });

  it('rocksdb incremental: only new files are uploaded, so checkpointed size falls below state size', () => {
    const sim = run({ 'state.backend.type': 'rocksdb', 'execution.checkpointing.incremental': 'true' }, 60_000);
    const done = sim.state.coordinator.history.filter((h) => h.status === 'COMPLETED');
    expect(done.length).toBeGreaterThan(5);
    for (const h of done) expect(h.checkpointedBytes).toBeLessThanOrEqual(h.stateBytes);
    expect(done.slice(1).some((h) => h.checkpointedBytes < h.stateBytes)).toBe(true);
    // shared files live while a retained checkpoint references them
    const c = sim.state.coordinator;
    const referenced = new Set(c.retained.flatMap((cp) => Object.values(cp.subtasks).flatMap((s) => s.files.map((f) => f.name))));
    expect(new Set(c.sharedFiles.keys())).toEqual(referenced);
  });

  it('rocksdb: files accumulate until compaction replaces them with one file of the live state', () => {
    const sim = run({ 'state.backend.type': 'rocksdb', 'execution.checkpointing.incremental': 'true' }, 60_000);
    for (const sid of sim.state.plan.operators.find((o) => o.id === 'count')!.subtasks) {
      const rocks = sim.state.subtasks[sid].rocks!;
      expect(rocks.files.length).toBeGreaterThan(0);
      expect(rocks.files.length).toBeLessThanOrEqual(5);
      expect(rocks.nextFile).toBeGreaterThan(6); // compaction happened at least once
    }
  });

  it('rocksdb without incremental: full snapshots again', () => {
    const sim = run({ 'state.backend.type': 'rocksdb' });
    for (const h of sim.state.coordinator.history.filter((x) => x.status === 'COMPLETED')) expect(h.checkpointedBytes).toBe(h.stateBytes);
  });

  it('hashmap ignores incremental, as Flink does: full snapshots', () => {
    const sim = run({ 'execution.checkpointing.incremental': 'true' });
    const done = sim.state.coordinator.history.filter((x) => x.status === 'COMPLETED');
    expect(done.length).toBeGreaterThan(0);
    for (const h of done) expect(h.checkpointedBytes).toBe(h.stateBytes);
  });

  it('refuses settings Flink refuses, naming them', () => {
    expect(() => run({ 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.mode': 'AT_LEAST_ONCE' })).toThrow(/unaligned checkpoints need execution.checkpointing.mode EXACTLY_ONCE/);
    expect(() => run({ 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.max-concurrent-checkpoints': '2' })).toThrow(/max-concurrent-checkpoints 1/);
  });
});

describe('two-phase-commit sink', () => {
  it('pre-commits on the barrier and commits on completion: committed output lags, never leads', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '3 s', 'sim.sink.kind': 'two-phase-commit' } });
    let sawUncommitted = false;
    for (let t = 1000; t <= 30_000; t += 1000) {
      sim.runUntil(t);
      for (const ps of sim.state.plan.subtasks) {
        const sink = sim.state.subtasks[ps.id].sink;
        if (!sink) continue;
        expect(sink.committed.length).toBeLessThanOrEqual(sink.received.length);
        // committed is a prefix of what was written
        expect(sink.committed.map((r) => `${r.part}/${r.off}`)).toEqual(sink.received.slice(0, sink.committed.length).map((r) => `${r.part}/${r.off}`));
        if (sink.committed.length < sink.received.length) sawUncommitted = true;
      }
    }
    expect(sawUncommitted).toBe(true);
    const committed = sim.state.plan.subtasks.reduce((n, ps) => n + (sim.state.subtasks[ps.id].sink?.committed.length ?? 0), 0);
    expect(committed).toBeGreaterThan(0);
  });

  it('plain sink: everything written is committed at once', () => {
    const sim = run({ 'sim.sink.kind': 'plain' });
    for (const st of sim.state.subtasks) if (st.sink) expect(st.sink.committed).toEqual(st.sink.received);
  });
});
