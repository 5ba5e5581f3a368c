import { describe, expect, it } from 'vitest';
import { applyCommand, builtinScenario, checkpointingStatistics, Simulation } from '../../engine';
import { viewEqual } from '../../store/equality';
import { checkpointsKey } from './checkpointsKey';

type Stats = ReturnType<typeof checkpointingStatistics>;
const withoutRunning = (s: Stats) => ({ ...s, history: s.history.map((h) => (h.status === 'IN_PROGRESS' ? { ...h, end_to_end_duration: 0 } : h)) });

describe('the key of a run\'s checkpoint statistics', () => {
  it('stays the same only while the statistics stay the same', () => {
    let sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '700 ms', 'execution.checkpointing.num-retained': '2' } });
    let key = checkpointsKey(sim.state);
    let stats = checkpointingStatistics(sim.state);
    let kept = 0;
    let moved = 0;
    let live = 0;
    for (let t = 20; t <= 12_000; t += 20) {
      if (t === 3000) sim = applyCommand(sim, { kind: 'trigger-savepoint' });
      if (t === 6000) sim = applyCommand(sim, { kind: 'fault', fault: { kind: 'task', subtask: 0 } });
      sim.runUntil(t);
      const k = checkpointsKey(sim.state);
      const s = checkpointingStatistics(sim.state);
      if (k.key === key.key) {
        // a checkpoint in progress: its duration so far goes on with the time, nothing else changes
        expect(viewEqual(k.live ? withoutRunning(s) : s, k.live ? withoutRunning(stats) : stats)).toBe(true);
        if (!k.live) expect(viewEqual(s, stats)).toBe(true);
        kept++;
        if (k.live) live++;
      } else moved++;
      [key, stats] = [k, s];
    }
    expect(kept).toBeGreaterThan(10);
    expect(live).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(10);
    expect(stats.counts.restored).toBeGreaterThan(0);
    expect(stats.counts.completed).toBeGreaterThan(3);
  });
});
