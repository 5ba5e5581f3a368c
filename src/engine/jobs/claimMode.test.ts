import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { defaultScenario } from '../scenarios/builtin/default';
import { cancelJob } from './cancelJob';
import { submitJob } from './submitJob';
import { sharedFileOwner } from '../checkpoint/sharedState';
import type { ClaimMode } from './claimMode';

const CONF = {
  'execution.checkpointing.interval': '2 s', 'execution.checkpointing.storage': 'filesystem', 'state.backend.type': 'rocksdb',
  'execution.checkpointing.incremental': 'true', 'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
};

function restored(mode: ClaimMode) {
  const old = Simulation.create(defaultScenario, { conf: CONF });
  old.runUntil(9000);
  cancelJob(old);
  const cp = old.state.coordinator.retained.at(-1)!;
  const files = Object.values(cp.subtasks).flatMap((s) => s.files.map((f) => f.name));
  const next = submitJob(old, { snapshotId: cp.id, claimMode: mode });
  return { old, cp, files, next };
}

const firstAfter = (sim: Simulation, id: number) => sim.state.coordinator.history.find((r) => r.id > id && r.status === 'COMPLETED' && !r.isSavepoint);

describe('claim modes: who owns the restored snapshot\'s shared files', () => {
  it('NO_CLAIM: the files stay the user\'s, the first checkpoint is a full one, Flink never deletes them', () => {
    const { cp, files, next } = restored('NO_CLAIM');
    expect(files.length).toBeGreaterThan(0);
    const c = next.state.coordinator;
    for (const f of files) expect(sharedFileOwner(c, c.sharedFiles.get(f)!.createdBy)).toBe('user');
    next.runUntil(next.now + 12_000);
    const first = firstAfter(next, cp.id)!;
    expect(first.checkpointedBytes).toBe(first.stateBytes);
    // no checkpoint of the new job references the user's files, and every one of them is still there
    for (const r of c.retained) for (const s of Object.values(r.subtasks)) for (const f of s.files) expect(files).not.toContain(f.name);
    for (const f of files) expect(c.sharedFiles.has(f)).toBe(true);
    // cancelling the new job (files deleted by default) leaves the user's alone too
    next.reconfigure({ 'execution.checkpointing.externalized-checkpoint-retention': 'DELETE_ON_CANCELLATION' });
    cancelJob(next);
    for (const f of files) expect(c.sharedFiles.has(f)).toBe(true);
  });

  it('CLAIM: Flink owns the files, the first checkpoint is incremental on them, they are deleted once subsumed', () => {
    const { cp, files, next } = restored('CLAIM');
    const c = next.state.coordinator;
    for (const f of files) expect(sharedFileOwner(c, c.sharedFiles.get(f)!.createdBy)).toBe('job');
    next.runUntil(next.now + 6000);
    const first = firstAfter(next, cp.id)!;
    expect(first.checkpointedBytes).toBeLessThan(first.stateBytes);
    next.runUntil(next.now + 40_000);
    // compaction rewrote the state: the restored files fell out of every retained checkpoint and were deleted
    expect(files.filter((f) => c.sharedFiles.has(f))).toEqual([]);
  });

  it('the default follows execution.state-recovery.claim-mode', () => {
    const old = Simulation.create(defaultScenario, { conf: { ...CONF, 'execution.state-recovery.claim-mode': 'CLAIM' } });
    old.runUntil(9000);
    cancelJob(old);
    const cp = old.state.coordinator.retained.at(-1)!;
    const next = submitJob(old, { snapshotId: cp.id });
    expect(next.state.coordinator.notClaimedUpTo).toBeUndefined();
    expect(submitJob(old, { snapshotId: cp.id, claimMode: 'NO_CLAIM' }).state.coordinator.notClaimedUpTo).toBe(cp.id);
  });
});
