import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { RunRecorder } from '../timeline/recorder';
import { AfterBarrierLog, afterBarrierChannels, afterBarrierInCheckpoint } from './afterBarrier';

function twoInputs(mode: 'AT_LEAST_ONCE' | 'EXACTLY_ONCE') {
  const sim = Simulation.create(builtinScenario('two-inputs')!, { seed: 1, conf: { 'execution.checkpointing.mode': mode } });
  const log = new AfterBarrierLog();
  sim.subscribe((ev) => log.onEvent(ev));
  return { sim, log };
}

describe('records read after their barrier, before the snapshot', () => {
  it('at-least-once, the two-input join reads past a barrier into its snapshot; exactly-once it never does', () => {
    for (const mode of ['AT_LEAST_ONCE', 'EXACTLY_ONCE'] as const) {
      const { sim, log } = twoInputs(mode);
      let tinted = 0;
      while (sim.now < 20_000 && sim.step()) {
        const channels = afterBarrierChannels(sim.state);
        tinted += channels.size;
        for (const [c, id] of channels) {
          // a channel is tinted while its consumer tracks that checkpoint and has not snapshotted
          const st = sim.state.subtasks[sim.state.plan.channels[c].to];
          expect(st.gate!.tracked.some((e) => e.id === id && e.channels.includes(sim.state.plan.channels[c].gateIndex))).toBe(true);
        }
      }
      if (mode === 'EXACTLY_ONCE') {
        expect(log.records).toEqual([]);
        expect(tinted).toBe(0);
      } else {
        expect(log.records.length).toBeGreaterThan(0);
        expect(tinted).toBeGreaterThan(0);
        for (const r of log.records) expect(sim.state.plan.channels[r.channel].to).toBe(r.subtask);
      }
    }
  });

  it('for a checkpoint in the history, replaying its stretch of the run finds the same records', () => {
    const { sim, log } = twoInputs('AT_LEAST_ONCE');
    const recorder = new RunRecorder(sim.state, { keyframeEveryMs: 1000 });
    recorder.advance(sim, 20_000);
    const ids = [...new Set(log.records.map((r) => r.checkpointId))];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const replayed = afterBarrierInCheckpoint(recorder, sim.state, id)!;
      expect(replayed.complete).toBe(true);
      expect(replayed.subtasks).toEqual(log.ofCheckpoint(id));
      expect(replayed.total).toBe(log.records.filter((r) => r.checkpointId === id).length);
    }
    expect(afterBarrierInCheckpoint(recorder, sim.state, 9999)).toBeNull();
    // the run itself is untouched by the replays
    const reference = Simulation.create(builtinScenario('two-inputs')!, { seed: 1, conf: { 'execution.checkpointing.mode': 'AT_LEAST_ONCE' } });
    reference.runUntil(20_000);
    expect(sim.state.traceHash).toBe(reference.state.traceHash);
  });
});
