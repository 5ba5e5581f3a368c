import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { computeOracle } from '../oracle/oracle';

describe('savepoints', () => {
  it('a savepoint ignores max-concurrent, does not subsume checkpoints and commits nothing', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '3 s', 'sim.sink.kind': 'two-phase-commit' } });
    sim.runUntil(4000);
    expect(sim.state.coordinator.pending.length).toBe(1);
    const committedBefore = sim.state.subtasks.reduce((n, s) => n + (s.sink?.committed.length ?? 0), 0);
    sim.triggerSavepoint();
    expect(sim.state.coordinator.pending.length).toBe(2); // forced past max-concurrent 1
    const sp = sim.state.coordinator.history[sim.state.coordinator.history.length - 1];
    expect(sp).toMatchObject({ isSavepoint: true, type: 'SAVEPOINT' });
    let notifiedForSavepoint = false;
    sim.subscribe((e) => { if (e.type === 'checkpoint-notified' && e.checkpointId === sp.id) notifiedForSavepoint = true; });
    sim.runUntil(15_000);
    expect(sp.status).toBe('COMPLETED');
    expect(notifiedForSavepoint).toBe(false);
    expect(sim.state.coordinator.savepoints.map((s) => s.id)).toEqual([sp.id]);
    expect(sim.state.coordinator.retained.every((c) => !c.isSavepoint)).toBe(true);
    expect(sim.state.coordinator.history.filter((h) => !h.isSavepoint && h.status === 'FAILED')).toEqual([]);
    expect(sim.state.subtasks.reduce((n, s) => n + (s.sink?.committed.length ?? 0), 0)).toBeGreaterThanOrEqual(committedBefore);
  });

  it('savepoints are aligned even with unaligned checkpoints', () => {
    const sim = Simulation.create(builtinScenario('backpressure')!, { conf: { 'execution.checkpointing.interval': '1 h', 'execution.checkpointing.unaligned.enabled': 'true' } });
    sim.runUntil(3000);
    sim.triggerSavepoint();
    sim.runUntil(30_000);
    const sp = sim.state.coordinator.history[0];
    expect(sp).toMatchObject({ status: 'COMPLETED', type: 'SAVEPOINT' });
    expect(Object.values(sp.acks).every((a) => !a.unaligned && a.persistedBytes === 0)).toBe(true);
  });

  it('stop with savepoint: sinks commit, sources stop, the job finishes, and the output is exactly-once', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '3 s', 'sim.sink.kind': 'two-phase-commit' } });
    sim.runUntil(7000);
    sim.stopWithSavepoint();
    sim.runUntil(40_000);
    expect(sim.state.job.status).toBe('FINISHED');
    const sp = sim.state.coordinator.history.find((h) => h.type === 'SYNC_SAVEPOINT')!;
    expect(sp.status).toBe('COMPLETED');
    const stored = sim.state.coordinator.savepoints[0];
    sim.state.subtasks.forEach((st, sid) => {
      // sources stopped exactly at the savepoint's offsets
      const splits = (stored.subtasks[sid]?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[];
      if (st.source) for (const p of st.source.partitions) expect(st.source.offsets[p]).toBe(splits.find((x) => x.partition === p)!.offset);
      if (st.sink) expect(st.sink.open.length + st.sink.precommitted.length).toBe(0);
    });
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });

  it('stop with savepoint stops periodic checkpointing: the savepoint is the last checkpoint of the job', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '3 s', 'sim.sink.kind': 'two-phase-commit' } });
    sim.runUntil(8000);
    sim.stopWithSavepoint();
    sim.runUntil(60_000);
    const history = sim.state.coordinator.history;
    expect(history[history.length - 1]).toMatchObject({ type: 'SYNC_SAVEPOINT', status: 'COMPLETED' });
  });
});
