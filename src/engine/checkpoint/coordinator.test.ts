import { describe, expect, it } from 'vitest';
import { createInitialState, Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import type { Runtime } from '../runtime/runtime';
import type { TraceEvent } from '../trace/events';
import type { SimState } from '../sim/state';
import { onAcknowledge, onTimeout, requestCheckpoint } from './coordinator';
import type { SubtaskAck, SubtaskSnapshot } from './types';

// The JobManager side alone: checkpoints triggered and acknowledged by hand, as in Flink's
// CheckpointCoordinatorTest.

function coordinatorOnly(conf: Record<string, string>) {
  const state = createInitialState(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '1 h', ...conf } });
  state.queue = []; // nothing runs by itself
  const events: TraceEvent[] = [];
  const rt: Runtime = { state, keyContexts: [], listeners: [], notify: (e) => events.push(e), emit: (e) => events.push(e) };
  return { state, rt, events };
}

const ack = (subtask: number): SubtaskAck => ({
  subtask, ackTime: 0, syncMs: 1, asyncMs: 1, alignmentMs: 0, startDelayMs: 0, processedBytes: 0, persistedBytes: 0, unaligned: false, checkpointedBytes: 10, stateBytes: 10,
});
const snapshot = (): SubtaskSnapshot => ({ keyed: new Map(), keyGroupRange: null, operator: {}, inputChannelState: {}, outputChannelState: {}, files: [] });
const notifications = (state: SimState) => state.queue.filter((e) => e.event.kind === 'mail' && e.event.mail.kind === 'notify-complete').map((e) => (e.event as { mail: { checkpointId: number } }).mail.checkpointId);

describe('checkpoint coordinator', () => {
  it('V31 a successful checkpoint subsumes an older pending one; only it is notified', () => {
    const { state, rt } = coordinatorOnly({ 'execution.checkpointing.max-concurrent-checkpoints': '100' });
    const all = state.plan.subtasks.map((s) => s.id);
    requestCheckpoint(rt, 'manual');
    onAcknowledge(rt, 1, ack(all[1]), snapshot());
    requestCheckpoint(rt, 'manual');
    expect(state.coordinator.pending).toEqual([1, 2]);
    for (const sid of all) onAcknowledge(rt, 2, ack(sid), snapshot());
    expect(state.coordinator.pending).toEqual([]);
    expect(state.coordinator.retained.map((c) => c.id)).toEqual([2]);
    expect(Object.keys(state.coordinator.retained[0].subtasks)).toHaveLength(all.length);
    const h1 = state.coordinator.history[0];
    expect(h1.status).toBe('FAILED');
    expect(h1.failureMessage).toMatch(/subsumed/);
    expect(state.coordinator.shipped[1]).toBeUndefined(); // cp1's received state discarded
    expect(new Set(notifications(state))).toEqual(new Set([2]));
    expect(notifications(state)).toHaveLength(all.length);
    // a late ack for the subsumed checkpoint does nothing
    onAcknowledge(rt, 1, ack(all[0]), snapshot());
    expect(state.coordinator.history[0].status).toBe('FAILED');
    expect(state.coordinator.shipped[1]).toBeUndefined();
  });

  it('V32 a checkpoint that times out expires: nothing completes, nothing is notified', () => {
    const { state, rt } = coordinatorOnly({ 'execution.checkpointing.tolerable-failed-checkpoints': '5' });
    requestCheckpoint(rt, 'manual');
    onAcknowledge(rt, 1, ack(0), snapshot());
    onTimeout(rt, 1);
    expect(state.coordinator.pending).toEqual([]);
    expect(state.coordinator.retained).toEqual([]);
    expect(state.coordinator.history[0]).toMatchObject({ status: 'FAILED', failureMessage: 'Checkpoint expired before completing.' });
    expect(state.coordinator.shipped[1]).toBeUndefined();
    expect(notifications(state)).toEqual([]);
    expect(state.job.status).toBe('RUNNING');
  });

  it('with the default tolerance of 0, the first expired checkpoint fails the job', () => {
    const { state, rt } = coordinatorOnly({});
    rt.failJob = (reason) => { state.job.status = 'FAILED'; state.job.failure = reason; };
    requestCheckpoint(rt, 'manual');
    onTimeout(rt, 1);
    expect(state.job.status).toBe('FAILED');
    expect(state.job.failure).toMatch(/tolerable failure threshold/);
  });

  it('max concurrent checkpoints: a further request waits in the queue until one completes', () => {
    const { state, rt } = coordinatorOnly({});
    requestCheckpoint(rt, 'manual');
    requestCheckpoint(rt, 'manual');
    expect(state.coordinator.pending).toEqual([1]);
    expect(state.coordinator.queued).toHaveLength(1);
    for (const ps of state.plan.subtasks) onAcknowledge(rt, 1, ack(ps.id), snapshot());
    expect(state.coordinator.pending).toEqual([2]);
  });

  it('V33 min pause: no periodic trigger sooner than min-pause after the last completion', () => {
    const sim = Simulation.create(builtinScenario('default')!, {
      conf: { 'execution.checkpointing.interval': '12 ms', 'execution.checkpointing.min-pause': '50 ms', 'execution.checkpointing.timeout': '200 s' },
    });
    const completed: number[] = [];
    const triggered: { id: number; time: number }[] = [];
    const skipped: number[] = [];
    sim.subscribe((e) => {
      if (e.type === 'checkpoint-completed') completed.push(e.time);
      if (e.type === 'checkpoint-triggered') triggered.push({ id: e.checkpointId, time: e.time });
      if (e.type === 'checkpoint-skipped' && e.reason === 'min-pause') skipped.push(e.time);
    });
    sim.runUntil(20_000);
    expect(triggered[0].id).toBe(1);
    expect(triggered[0].time).toBeGreaterThanOrEqual(12); // first tick in [min(minPause, interval), interval]
    expect(triggered.length).toBeGreaterThan(3);
    for (let i = 1; i < triggered.length; i++) {
      expect(triggered[i].id).toBe(i + 1);
      expect(triggered[i].time - completed[i - 1]).toBeGreaterThanOrEqual(50);
    }
  });

  it('ids start at 1 and are never reused; retained checkpoints follow num-retained', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '1 s', 'execution.checkpointing.num-retained': '2' } });
    sim.runUntil(20_000);
    const ids = sim.state.coordinator.history.map((h) => h.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(sim.state.coordinator.retained.length).toBe(2);
    const completed = sim.state.coordinator.history.filter((h) => h.status === 'COMPLETED');
    expect(completed.slice(0, -2).every((h) => h.discarded)).toBe(true);
    expect(completed.slice(-2).every((h) => !h.discarded)).toBe(true);
  });

  it('first periodic trigger comes after a seeded random delay in [min-pause, interval]', () => {
    const times = [1, 2, 3, 4, 5, 6].map((seed) => {
      const sim = Simulation.create(builtinScenario('default')!, { seed, conf: { 'execution.checkpointing.interval': '10 s', 'execution.checkpointing.min-pause': '2 s' } });
      let first = -1;
      sim.subscribe((e) => { if (e.type === 'checkpoint-triggered' && first < 0) first = e.time; });
      sim.runUntil(10_001);
      return first;
    });
    for (const t of times) expect(t).toBeGreaterThanOrEqual(2000);
    for (const t of times) expect(t).toBeLessThanOrEqual(10_000);
    expect(new Set(times).size).toBeGreaterThan(1);
  });
});
