import { describe, expect, it } from 'vitest';
import { builtinScenario, createInitialState, type TraceEvent } from '../engine';
import type { RunView } from './facts';
import { watch } from './watch';

const state = createInitialState(builtinScenario('default'));
let now = 0;
const view: RunView = { state, milestones: [], everBlocked: new Map(), oracle: () => { throw new Error('no oracle here'); } };
const ctx = { plan: state.plan, now: () => now, startedAt: 0, view };
const failed = (subtask: number): TraceEvent => ({ type: 'task-failed', time: now, subtask, cause: 'killed' });
const completed = (id: number): TraceEvent => ({ type: 'checkpoint-completed', time: now, checkpointId: id, savepoint: false });

describe('watch', () => {
  it('counts events from its start, with filters', () => {
    const w = watch({ event: 'task-failed', subtask: 'count/1', times: 2 }, ctx);
    w.onEvent(failed(5));
    w.onEvent(failed(4));
    expect(w.holds()).toBe(false);
    w.onEvent(failed(5));
    expect(w.holds()).toBe(true);
  });

  it('keeps a sequence in order', () => {
    const w = watch({ sequence: [{ event: 'task-failed' }, { event: 'checkpoint-completed' }] }, ctx);
    w.onEvent(completed(1));
    w.onEvent(failed(5));
    expect(w.holds()).toBe(false);
    w.onEvent(completed(2));
    expect(w.holds()).toBe(true);
  });

  it('measures time, negates and combines', () => {
    now = 0;
    const w = watch({ all: [{ atLeast: '3 s' }, { not: { event: 'world-stopped' } }] }, ctx);
    expect(w.holds()).toBe(false);
    now = 3000;
    expect(w.holds()).toBe(true);
    w.onEvent({ type: 'world-stopped', time: now, checkpointId: 1 });
    expect(w.holds()).toBe(false);
    expect(watch({ fact: 'job-status', equals: 'RUNNING' }, ctx).holds()).toBe(true);
    expect(watch({ fact: 'restarts', min: 1 }, ctx).holds()).toBe(false);
  });
});
