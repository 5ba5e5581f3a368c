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
    expect(FACTS.has('__proto__')).toBe(false);
  });
});
