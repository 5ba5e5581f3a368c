import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import type { SimState } from '../sim/state';
import { defaultScenario } from '../scenarios/builtin/default';
import { RestoreError } from '../checkpoint/restoreJob';
import { cancelJob } from './cancelJob';
import { submitJob } from './submitJob';
import { committedOffsetsOf } from '../runtime/committedOffsets';
import { logEndOffset, logSeed } from '../runtime/sourceLog';

const BASE = { 'execution.checkpointing.interval': '2 s', 'execution.checkpointing.storage': 'filesystem' };

function cancelledAt(t: number, conf: Record<string, string> = {}) {
  const sim = Simulation.create(defaultScenario, { conf: { ...BASE, ...conf } });
  sim.runUntil(t);
  cancelJob(sim);
  return sim;
}

/** partition -> next offset to read, over every source subtask */
function positions(state: SimState): Map<number, number> {
  const out = new Map<number, number>();
  for (const st of state.subtasks) if (st.source) for (const p of st.source.partitions) out.set(p, st.source.offsets[p]);
  return out;
}
const sourceId = (state: SimState) => state.plan.operators.find((o) => o.kind === 'source')!.id;
const keyedCount = (state: SimState) => state.subtasks.reduce((n, st) => n + [...st.keyed.values()].reduce((m, g) => m + g.size, 0), 0);

describe('submitJob: flink run again after the job ended', () => {
  it('refuses while the job runs', () => {
    const sim = Simulation.create(defaultScenario, { conf: BASE });
    sim.runUntil(1000);
    expect(() => submitJob(sim)).toThrow(/RUNNING: cancel it/);
  });

  it('without a snapshot starts empty at the earliest offset by default; time and the sinks go on', () => {
    const old = cancelledAt(9000);
    const sinkCount = old.state.subtasks.reduce((n, st) => n + (st.sink?.count ?? 0), 0);
    const next = submitJob(old);
    expect(next.now).toBe(old.now);
    expect(next.state.job.status).toBe('RUNNING');
    expect(next.state.job.generation).toBe(old.state.job.generation + 1);
    expect(keyedCount(next.state)).toBe(0);
    expect([...positions(next.state).values()].every((o) => o === 0)).toBe(true);
    expect(next.state.subtasks.reduce((n, st) => n + (st.sink?.count ?? 0), 0)).toBe(sinkCount);
    expect(next.state.coordinator.nextId).toBe(old.state.coordinator.nextId);
    next.runUntil(next.now + 2000);
    expect(next.state.stats.recordsProcessed).toBeGreaterThan(0);
    expect(old.state.job.status).toBe('CANCELED'); // left alone
  });

  it('latest starts at the log end offset at the submit: nothing appended before is read', () => {
    const old = cancelledAt(9000);
    const next = submitJob(old, { startingOffsets: 'latest' });
    const op = next.state.plan.operators.find((o) => o.kind === 'source')!;
    for (const [p, off] of positions(next.state)) {
      expect(off).toBe(logEndOffset(op.params.source!, logSeed(next.state.seed, op.index), p, 9000));
      expect(off).toBeGreaterThan(0);
    }
  });

  it('committed-offsets starts where the consumer group committed; the reset strategy where it has none', () => {
    const old = cancelledAt(9000);
    const committed = committedOffsetsOf(old.state, sourceId(old.state));
    expect(committed.size).toBeGreaterThan(0);
    const next = submitJob(old, { startingOffsets: 'committed-offsets' });
    for (const [p, off] of positions(next.state)) expect(off).toBe(committed.get(p)!.offset);
    // nothing committed: checkpointing never completed one, so the reset strategy decides
    const none = cancelledAt(9000, { 'execution.checkpointing.interval': '0 s', 'sim.source.offset-reset-strategy': 'latest' });
    expect(committedOffsetsOf(none.state, sourceId(none.state)).size).toBe(0);
    const fresh = submitJob(none, { startingOffsets: 'committed-offsets' });
    expect([...positions(fresh.state).values()].every((o) => o > 0)).toBe(true);
  });

  it('with a snapshot (-s) restores its state and its checkpointed offsets, not the committed ones', () => {
    const old = cancelledAt(9000, { 'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION' });
    const cp = old.state.coordinator.retained.at(-1)!;
    const next = submitJob(old, { snapshotId: cp.id });
    const stored = new Map<number, number>();
    for (const s of Object.values(cp.subtasks)) for (const x of (s.operator.SourceReaderState ?? []) as { partition: number; offset: number }[]) stored.set(x.partition, x.offset);
    expect(positions(next.state)).toEqual(stored);
    expect(keyedCount(next.state)).toBeGreaterThan(0);
    expect(next.state.restores.at(-1)!.id).toBe(cp.id);
    expect(() => submitJob(old, { snapshotId: cp.id, startingOffsets: 'latest' })).toThrow(RestoreError);
    expect(() => submitJob(old, { snapshotId: 999 })).toThrow(/no retained checkpoint or savepoint 999/);
  });

  it('after a stop-with-savepoint the job is FINISHED and can be submitted from that savepoint', () => {
    const sim = Simulation.create(defaultScenario, { conf: BASE });
    sim.runUntil(5000);
    sim.stopWithSavepoint();
    sim.runUntil(15_000);
    expect(sim.state.job.status).toBe('FINISHED');
    const sp = sim.state.coordinator.savepoints.at(-1)!;
    const next = submitJob(sim, { snapshotId: sp.id });
    expect(next.state.job.status).toBe('RUNNING');
    expect(keyedCount(next.state)).toBeGreaterThan(0);
  });
});

describe('committed offsets: KafkaSource commits on notifyCheckpointComplete', () => {
  it('advance only when a checkpoint completes, to exactly that checkpoint\'s offsets', () => {
    const sim = Simulation.create(defaultScenario, { conf: BASE });
    const id = sourceId(sim.state);
    let last = new Map<number, number>();
    let checked = 0;
    for (let t = 100; t <= 12_000; t += 100) {
      sim.runUntil(t);
      const now = new Map([...committedOffsetsOf(sim.state, id)].map(([p, c]) => [p, c.offset]));
      const changed = [...now].some(([p, o]) => last.get(p) !== o);
      if (changed) {
        // every committed offset belongs to a completed checkpoint and equals what it stored
        for (const [p, c] of committedOffsetsOf(sim.state, id)) {
          const rec = sim.state.coordinator.history.find((r) => r.id === c.checkpointId)!;
          expect(rec.status).toBe('COMPLETED');
          const cp = sim.state.coordinator.retained.find((r) => r.id === c.checkpointId);
          if (cp) {
            const stored = Object.values(cp.subtasks).flatMap((s) => (s.operator.SourceReaderState ?? []) as { partition: number; offset: number }[]);
            expect(stored.find((x) => x.partition === p)!.offset).toBe(c.offset);
          }
          // behind the reading position: the reader went on after the barrier
          expect(c.offset).toBeLessThanOrEqual(positions(sim.state).get(p)!);
        }
        checked++;
      }
      last = now;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('do not move with commit.offsets.on.checkpoint false, and survive a failover', () => {
    const off = Simulation.create(defaultScenario, { conf: { ...BASE, 'sim.source.commit.offsets.on.checkpoint': 'false' } });
    off.runUntil(9000);
    expect(committedOffsetsOf(off.state, sourceId(off.state)).size).toBe(0);
    const sim = Simulation.create(defaultScenario, { conf: BASE });
    sim.runUntil(7000);
    const before = [...committedOffsetsOf(sim.state, sourceId(sim.state))];
    sim.injectFault({ kind: 'task', subtask: 0 });
    sim.runUntil(7001);
    expect([...committedOffsetsOf(sim.state, sourceId(sim.state))]).toEqual(before);
  });
});
