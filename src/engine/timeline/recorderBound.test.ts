import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import type { CheckpointRecord, SubtaskAck } from '../checkpoint/types';
import { RunRecorder } from './recorder';

// Long runs stay light (issue 16): the keyframes' memory is level as the run grows. Their number
// stays at its bound once reached (thinned one at a time), they stay spread over the whole run, and
// the checkpoint history, which grows with the run, is held about once, not once per keyframe.

const CONF = { 'execution.checkpointing.interval': '500 ms' };

describe('keyframes of a long run', () => {
  it('stay as many, spread over the run, holding each checkpoint record about once, and seeking stays exact', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: CONF });
    const rec = new RunRecorder(sim.state, { keyframeEveryMs: 1000, maxKeyframes: 16 });
    const counts: number[] = [];
    for (const mark of [60_000, 120_000, 240_000]) {
      rec.advance(sim, mark);
      counts.push(rec.keyframes.length);
      const times = rec.keyframes.map((k) => k.time);
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      // no stretch of the run is left without keyframes: the widest gap is a few average gaps
      expect(Math.max(...gaps)).toBeLessThanOrEqual(4 * (mark / (times.length - 1)));
      const records = new Set<CheckpointRecord>();
      const acks = new Set<SubtaskAck>();
      let listed = 0;
      for (const k of rec.keyframes) {
        for (const r of k.state.coordinator.history) {
          records.add(r);
          for (const a of Object.values(r.acks)) acks.add(a);
          listed++;
        }
      }
      const history = sim.state.coordinator.history;
      // each keyframe lists the history up to its time, yet the acknowledgements (most of a record)
      // are held once, and a record at most once per state it went through (in progress, completed, discarded)
      expect(listed).toBeGreaterThan(5 * history.length);
      expect(acks.size).toBeLessThanOrEqual(history.reduce((n, r) => n + Object.keys(r.acks).length, 0));
      expect(records.size).toBeLessThanOrEqual(3 * history.length);
    }
    expect(counts).toEqual([16, 16, 16]);
    for (const t of [1_234, 59_999, 130_500, 239_000]) {
      const ref = Simulation.create(builtinScenario('default')!, { conf: CONF });
      ref.runUntil(t);
      expect(rec.seek(t).state.traceHash).toBe(ref.state.traceHash);
    }
  });

  it('stay within their byte budget at every keyframe taken, not only on average', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: CONF });
    const budget = 8 * 2 ** 20;
    const rec = new RunRecorder(sim.state, { maxKeyframeBytes: budget });
    let most = 0;
    let fewest = Infinity;
    for (let t = 20_000; t <= 400_000; t += 20_000) {
      rec.advance(sim, t);
      expect(rec.keyframeBytes()).toBeLessThanOrEqual(budget);
      most = Math.max(most, rec.keyframeBytes());
      if (t >= 200_000) fewest = Math.min(fewest, rec.keyframeBytes());
    }
    // level: the second half of the run never drops to half the budget (halving every other keyframe did)
    expect(fewest).toBeGreaterThan(0.75 * most);
  });
});
