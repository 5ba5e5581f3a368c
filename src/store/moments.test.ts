import { describe, expect, it } from 'vitest';
import { builtinScenario, RunRecorder, Simulation, type TraceEvent } from '../engine';
import { createAppStore } from './appStore';
import { isMoment, nextMomentOf, previousMomentOf } from './moments';

const conf = { 'execution.checkpointing.interval': '2 s' };

describe('moments that matter', () => {
  it('are checkpoint events, failures and restores, not records', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf });
    const state = sim.state;
    const multi = state.plan.subtasks.findIndex((s) => s.inputChannels.length > 1);
    const single = state.plan.subtasks.findIndex((s) => s.inputChannels.length === 1);
    const ev = (e: Partial<TraceEvent> & { type: TraceEvent['type'] }) => ({ time: 1, ...e }) as TraceEvent;
    expect(isMoment(ev({ type: 'checkpoint-completed', checkpointId: 1, savepoint: false }), state)).toBe(true);
    expect(isMoment(ev({ type: 'checkpoint-failed', checkpointId: 1 }), state)).toBe(true);
    expect(isMoment(ev({ type: 'snapshot-started', subtask: 0, checkpointId: 1 }), state)).toBe(true);
    expect(isMoment(ev({ type: 'task-failed', subtask: 0, cause: 'x' }), state)).toBe(true);
    expect(isMoment(ev({ type: 'job-restored', checkpointId: 1, subtasks: 2, replayed: 0 }), state)).toBe(true);
    expect(isMoment(ev({ type: 'alignment-started', subtask: multi, checkpointId: 1 }), state)).toBe(true);
    if (single >= 0) expect(isMoment(ev({ type: 'alignment-started', subtask: single, checkpointId: 1 }), state)).toBe(false);
    expect(isMoment(ev({ type: 'record-read', subtask: 0, partition: 0, offset: 0, key: 'cat' }), state)).toBe(false);
    expect(isMoment(ev({ type: 'checkpoint-acknowledged', subtask: 0, checkpointId: 1 }), state)).toBe(false);
  });

  it('the next one is found on a copy; the previous one is found back from there', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf });
    const recorder = new RunRecorder(sim.state);
    const hash = sim.state.traceHash;
    const ahead = nextMomentOf(sim, recorder);
    expect(sim.state.traceHash).toBe(hash); // the run itself did not move
    expect(ahead.time).toBeGreaterThan(0);
    expect(ahead.before).toBeLessThanOrEqual(ahead.time!);
    const moved = recorder.advance(sim, ahead.time! + 500);
    expect(previousMomentOf(recorder, moved.now)).toBeGreaterThanOrEqual(ahead.time!);
    expect(previousMomentOf(recorder, ahead.time!)).toBeUndefined();
    // a limit: nothing within 1 ms
    const none = nextMomentOf(moved, recorder, Infinity, 1);
    expect(none.time === undefined || none.time <= moved.now + 1).toBe(true);
  });

  it('nextMoment stops both runs at the moment, paused; previousMoment goes back', () => {
    const store = createAppStore({ conf }, { scheduler: 'sync' });
    expect(store.getState().addRun('b', { scenarioId: 'default', customScenario: null, seed: undefined, conf: { 'execution.checkpointing.interval': '3 s' } })).toBe(true);
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      store.getState().clockActions.nextMoment();
      const s = store.getState();
      expect(s.clock.playing).toBe(false);
      expect(s.runs.a.sim.now).toBe(s.clock.displayTime);
      expect(s.runs.b!.sim.now).toBe(s.clock.displayTime);
      seen.push(s.clock.displayTime);
      // the run whose moment it is tells it last in its log
      expect([s.runs.a.log.at(-1)!.time, s.runs.b!.log.at(-1)!.time]).toContain(s.clock.displayTime);
    }
    expect(seen[0]).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    const at = store.getState().clock.displayTime;
    store.getState().clockActions.previousMoment();
    const back = store.getState().clock.displayTime;
    expect(back).toBeLessThan(at);
    expect(seen).toContain(back);
  });
});
