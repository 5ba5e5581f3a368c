import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { coordinatorView, storageView } from './coordinatorView';

describe('coordinator and storage views', () => {
  it('count down to the next trigger, list the pending checkpoints with their acks', () => {
    const sim = Simulation.create(builtinScenario('default')!);
    sim.runUntil(100);
    const v = coordinatorView(sim.state, sim.now);
    expect(v).toMatchObject({ job: 'RUNNING', checkpointing: true, intervalMs: 5000, interval: '5 s', pending: [], latestCompleted: 0, restartIn: null });
    expect(v.nextTriggerIn).toBeGreaterThan(0);
    let pendingSeen = false;
    while (sim.now < 15_000 && sim.step()) {
      const p = coordinatorView(sim.state, sim.now).pending[0];
      if (p) {
        pendingSeen = true;
        expect(p.id).toBe(`cp:${p.checkpointId}`);
        expect(p.acks).toBeLessThanOrEqual(p.subtasks);
      }
    }
    expect(pendingSeen).toBe(true);
    const done = coordinatorView(sim.state, sim.now);
    expect(done.latestCompleted).toBeGreaterThan(0);
    const s = storageView(sim.state);
    expect(s.kind).toBe('jobmanager');
    expect(s.retained).toEqual([done.latestCompleted]);
    expect(s.lastDurationMs).toBeGreaterThan(0);
  });

  it('counts down to a pending restart', () => {
    const sim = Simulation.create(builtinScenario('default')!, { faults: ['task:map/0@3s'] });
    sim.runUntil(3001);
    const v = coordinatorView(sim.state, sim.now);
    expect(v.job).toBe('RESTARTING');
    expect(v.restartIn).toBeGreaterThan(0);
  });

  it('says off without an interval', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '0 ms' } });
    sim.runUntil(1000);
    expect(coordinatorView(sim.state, sim.now)).toMatchObject({ checkpointing: false, interval: 'off', nextTriggerIn: null });
  });
});
