import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { defaultScenario } from '../scenarios/builtin/default';
import { restoreJob, RestoreError } from '../checkpoint/restoreJob';
import { RunRecorder } from '../timeline/recorder';
import { ConfigError } from '../config/conf';
import { cancelJob, COORDINATOR_SUSPENDING } from './cancelJob';

function running(retention?: string) {
  const conf: Record<string, string> = { 'execution.checkpointing.interval': '3 s', 'execution.checkpointing.storage': 'filesystem' };
  if (retention) conf['execution.checkpointing.externalized-checkpoint-retention'] = retention;
  const sim = Simulation.create(defaultScenario, { conf });
  sim.runUntil(7000);
  sim.triggerSavepoint();
  sim.runUntil(10_000);
  sim.triggerCheckpoint();
  sim.runUntil(10_050); // a checkpoint in progress when the job is cancelled
  return sim;
}

describe('cancelJob: flink cancel and the retention of checkpoints', () => {
  it('by default deletes the retained checkpoints, never the savepoints; aborts what is in progress; nothing runs on', () => {
    const sim = running();
    const retained = sim.state.coordinator.retained.map((c) => c.id);
    expect(retained.length).toBeGreaterThan(0);
    const deleted = cancelJob(sim);
    expect(deleted).toEqual(retained);
    expect(sim.state.job.status).toBe('CANCELED');
    expect(sim.state.coordinator.retained).toEqual([]);
    expect(sim.state.coordinator.savepoints.length).toBe(1);
    expect(sim.state.coordinator.history.filter((r) => deleted.includes(r.id)).every((r) => r.discarded)).toBe(true);
    expect(sim.state.coordinator.history.some((r) => r.status === 'FAILED' && r.failureMessage === COORDINATOR_SUSPENDING)).toBe(true);
    const processed = sim.state.subtasks.map((s) => s.processed);
    sim.runUntil(20_000);
    expect(sim.state.subtasks.map((s) => s.processed)).toEqual(processed);
    expect(() => cancelJob(sim)).toThrow(RestoreError);
    // resubmitted from the savepoint (flink run -s): the state comes back
    const next = restoreJob(sim.state, sim.state.coordinator.savepoints[0].id);
    next.runUntil(next.now + 3000);
    expect(next.state.job.status).toBe('RUNNING');
    expect(() => restoreJob(sim.state, deleted[0])).toThrow(/no retained checkpoint or savepoint/);
  });

  it('RETAIN_ON_CANCELLATION keeps them, to restore from like a savepoint', () => {
    const sim = running('RETAIN_ON_CANCELLATION');
    const retained = sim.state.coordinator.retained.map((c) => c.id);
    expect(cancelJob(sim)).toEqual([]);
    expect(sim.state.coordinator.retained.map((c) => c.id)).toEqual(retained);
    expect(restoreJob(sim.state, retained[0]).state.job.status).toBe('RUNNING');
  });

  it('is a command of the run that replays, and the key is validated', () => {
    const sim = Simulation.create(defaultScenario, { conf: { 'execution.checkpointing.interval': '3 s' } });
    const recorder = new RunRecorder(sim.state);
    let live = recorder.advance(sim, 8000);
    live = recorder.command(live, { kind: 'cancel' }).sim;
    live = recorder.advance(live, 12_000);
    expect(live.state.job.status).toBe('CANCELED');
    const replayed = recorder.seek(12_000);
    expect(replayed.state.job.status).toBe('CANCELED');
    expect(replayed.state.subtasks.map((s) => s.processed)).toEqual(live.state.subtasks.map((s) => s.processed));
    expect(() => Simulation.create(defaultScenario, { conf: { 'execution.checkpointing.externalized-checkpoint-retention': 'KEEP' } })).toThrow(ConfigError);
  });
});
