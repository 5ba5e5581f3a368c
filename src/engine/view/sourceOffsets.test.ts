import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { defaultScenario } from '../scenarios/builtin/default';
import { cancelJob } from '../jobs/cancelJob';
import { submitJob } from '../jobs/submitJob';
import { sharedFilesView, sourceOffsetsView } from './sourceOffsets';

const CONF = {
  'execution.checkpointing.interval': '2 s', 'execution.checkpointing.storage': 'filesystem', 'state.backend.type': 'rocksdb',
  'execution.checkpointing.incremental': 'true', 'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
};

describe('sourceOffsetsView and sharedFilesView', () => {
  it('orders log end >= reading >= checkpointed >= committed, and drops the reading position on cancel', () => {
    const sim = Simulation.create(defaultScenario, { conf: CONF });
    sim.runUntil(9000);
    const [src] = sourceOffsetsView(sim.state);
    expect(src.checkpointId).toBe(sim.state.coordinator.retained.at(-1)!.id);
    for (const p of src.partitions) {
      expect(p.logEnd).toBeGreaterThanOrEqual(p.reading!);
      expect(p.reading!).toBeGreaterThanOrEqual(p.checkpointed!);
      expect(p.checkpointed!).toBeGreaterThanOrEqual(p.committed!.offset);
    }
    cancelJob(sim);
    expect(sourceOffsetsView(sim.state)[0].partitions.every((p) => p.reading === null && p.committed !== null)).toBe(true);
  });

  it('lists the user\'s files after a NO_CLAIM restore as not deletable, the job\'s as deletable', () => {
    const sim = Simulation.create(defaultScenario, { conf: CONF });
    sim.runUntil(9000);
    expect(sharedFilesView(sim.state).every((f) => f.owner === 'job' && f.mayBeDeletedByFlink)).toBe(true);
    cancelJob(sim);
    const next = submitJob(sim, { snapshotId: sim.state.coordinator.retained.at(-1)!.id, claimMode: 'NO_CLAIM' });
    next.runUntil(next.now + 6000);
    const files = sharedFilesView(next.state);
    expect(files.some((f) => f.owner === 'user' && !f.mayBeDeletedByFlink)).toBe(true);
    expect(files.some((f) => f.owner === 'job' && f.mayBeDeletedByFlink && f.inUse)).toBe(true);
  });
});
