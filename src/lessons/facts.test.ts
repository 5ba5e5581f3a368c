import { describe, expect, it } from 'vitest';
import { assignKeyToParallelOperator, builtinScenario, createInitialState, findChannel, type OracleResult, type TraceEvent } from '../engine';
import { FACTS, type RunView } from './facts';

const state = createInitialState(builtinScenario('default'));
const view = (milestones: TraceEvent[], everBlocked = new Map<number, Set<number>>()): RunView => ({
  state, milestones, everBlocked, oracle: () => ({ verdict: 'duplicates', duplicates: 3 } as OracleResult),
});
const fact = (name: string, run: RunView, args = {}) => FACTS.get(name)!.compute(run, args);

describe('facts', () => {
  it('read restores and checkpoints from the milestones', () => {
    const run = view([
      { type: 'checkpoint-triggered', time: 1000, checkpointId: 1, savepoint: false, kind: 'CHECKPOINT' } as TraceEvent,
      { type: 'checkpoint-completed', time: 3500, checkpointId: 1, savepoint: false },
      { type: 'job-restored', time: 9000, checkpointId: 1, subtasks: 8, replayed: 0 },
    ]);
    expect(fact('restored-from', run)).toBe(1);
    expect(fact('restored-from', view([]))).toBe(0);
    expect(fact('completed-checkpoints', run)).toBe(1);
    expect(fact('longest-checkpoint-ms', run)).toBe(2500);
  });

  it('read the restore the job started from and the checkpoints notified to the tasks', () => {
    const s = structuredClone(state);
    expect(fact('restored-snapshot', { ...view([]), state: s })).toBe(0);
    s.restores.push({ id: 1, restore_timestamp: 5000, is_savepoint: false, external_path: 'chk-1' }, { id: 4, restore_timestamp: 9000, is_savepoint: true, external_path: 'savepoint-4' });
    expect(fact('restored-snapshot', { ...view([]), state: s })).toBe(4);
    expect(fact('last-notified-checkpoint', view([]))).toBe(0);
    expect(fact('last-notified-checkpoint', view([
      { type: 'checkpoint-notified', time: 4000, subtask: 6, checkpointId: 3, aborted: false, committed: 2 },
      { type: 'checkpoint-notified', time: 5000, subtask: 6, checkpointId: 4, aborted: true, committed: 0 },
      { type: 'checkpoint-notified', time: 6000, subtask: 7, checkpointId: 1, aborted: false, committed: 0 },
    ]))).toBe(3);
  });

  it('take the oracle as it is', () => {
    expect(fact('oracle-verdict', view([]))).toBe('duplicates');
    expect(fact('has-duplicates', view([]))).toBe(true);
  });

  it('say whether a channel was blocked, and for which checkpoint', () => {
    const run = view([], new Map([[findChannel(state.plan, 'map/0->count/0')!, new Set([2])]]));
    expect(fact('channel-was-blocked', run, { channel: 'map/0->count/0' })).toBe(true);
    expect(fact('channel-blocked-for-checkpoint', run, { channel: 'map/0->count/0', checkpoint: 2 })).toBe(true);
    expect(fact('channel-blocked-for-checkpoint', run, { channel: 'map/0->count/0', checkpoint: 1 })).toBe(false);
    expect(() => fact('channel-was-blocked', run, { channel: 'map/0->sink/0' })).toThrow(/no channel/);
  });

  it("assign keys with Flink's arithmetic", () => {
    expect(fact('key-subtask', view([]), { operator: 'count', key: 'Fox' })).toBe(assignKeyToParallelOperator('Fox', 128, 2));
    expect(fact('parallelism', view([]), { operator: 'count' })).toBe(2);
    expect(fact('max-parallelism', view([]), { operator: 'count' })).toBe(128);
    expect(() => fact('parallelism', view([]), { operator: 'nope' })).toThrow(RangeError);
    expect(FACTS.has('__proto__')).toBe(false);
  });
  it('read checkpoints from the history: acknowledgements, type, in-flight data, waits', () => {
    const s = structuredClone(state);
    const sum = s.plan.subtasks.findIndex((st) => s.plan.operators[st.operator].id === 'count');
    const ack = (subtask: number, extra = {}) => ({ subtask, ackTime: 0, syncMs: 5, asyncMs: 40, alignmentMs: 100, startDelayMs: 900, processedBytes: 0, persistedBytes: 0, unaligned: false, checkpointedBytes: 10, stateBytes: 10, ...extra });
    s.coordinator.history.push({
      id: 3, status: 'COMPLETED', isSavepoint: false, type: 'UNALIGNED_CHECKPOINT', triggerTime: 1000, latestAckTime: 3000, subtasks: [0, sum],
      acks: { 0: ack(0), [sum]: ack(sum, { persistedBytes: 40, unaligned: true, alignmentMs: 2000 }) },
      failureTime: null, failureMessage: null, checkpointedBytes: 60, stateBytes: 60, discarded: false, externalPath: null,
    });
    const run: RunView = { state: s, everBlocked: new Map(), oracle: () => ({} as OracleResult), milestones: [
      { type: 'checkpoint-triggered', time: 1000, checkpointId: 3, savepoint: false, kind: 'CHECKPOINT' },
      { type: 'checkpoint-completed', time: 3000, checkpointId: 3, savepoint: false },
      { type: 'checkpoint-failed', time: 9000, checkpointId: 4, reason: 'expired' },
      { type: 'tasks-canceled', time: 9000, subtasks: 8, canceled: 7, recordsLost: 2 },
    ] };
    expect(fact('acknowledged-subtasks', run, { checkpoint: 3 })).toBe(2);
    expect(fact('acknowledged-subtasks', run, { checkpoint: 9 })).toBe(0);
    expect(fact('checkpoint-type', run, { checkpoint: 3 })).toBe('UNALIGNED_CHECKPOINT');
    expect(fact('checkpoint-status', run, { checkpoint: 3 })).toBe('COMPLETED');
    expect(fact('checkpoint-type', run, { checkpoint: 9 })).toBe('NONE');
    expect(fact('last-completed-type', run)).toBe('UNALIGNED_CHECKPOINT');
    expect(fact('last-completed-switched', run)).toBe(true);
    expect(fact('persisted-in-flight', run, { checkpoint: 3 })).toBe(true);
    expect(fact('operator-unaligned', run, { operator: 'count', checkpoint: 3 })).toBe(true);
    expect(fact('operator-unaligned', run, { operator: 'source', checkpoint: 3 })).toBe(false);
    expect(fact('longer-wait', run, { operator: 'count', checkpoint: 3 })).toBe('alignment');
    expect(fact('longer-wait', run, { operator: 'source', checkpoint: 3 })).toBe('start-delay');
    expect(fact('longer-wait', run, { operator: 'sink', checkpoint: 3 })).toBe('none');
    expect(fact('expired-checkpoints', run)).toBe(1);
    expect(fact('longer-snapshot-phase', run, { operator: 'count', checkpoint: 3 })).toBe('async');
    expect(fact('longer-snapshot-phase', run, { operator: 'sink', checkpoint: 3 })).toBe('none');
    expect(fact('smaller-size', run, { checkpoint: 3 })).toBe('same');
    expect(fact('smaller-size', run, { checkpoint: 9 })).toBe('none');
    s.coordinator.history[0].checkpointedBytes = 20;
    expect(fact('smaller-size', run, { checkpoint: 3 })).toBe('checkpointed');
    expect(fact('restarted-subtasks', run)).toBe(8);
    expect(fact('restarted-subtasks', view([]))).toBe(0);
  });

  it('count what the sinks wrote and what a read_committed reader sees', () => {
    const s = structuredClone(state);
    const sink = s.subtasks.find((st) => st.sink)!.sink!;
    sink.latency.written.count = 5;
    const run: RunView = { state: s, milestones: [], everBlocked: new Map(), oracle: () => ({} as OracleResult) };
    expect(fact('written-records', run)).toBe(5);
    expect(fact('visible-records', run)).toBe(0);
    expect(fact('output-visible', run)).toBe(false);
    sink.latency.visible.count = 3;
    expect(fact('visible-records', run)).toBe(3);
    expect(fact('output-visible', run)).toBe(true);
  });
});
