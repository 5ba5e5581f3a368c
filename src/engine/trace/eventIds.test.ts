import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { eventIdList, eventIds } from './eventIds';

const plan = Simulation.create(builtinScenario('default')!).state.plan;
const count1 = plan.operators[2].subtasks[1];
const channel = plan.channels.find((c) => c.from === plan.operators[1].subtasks[0] && c.to === count1)!.id;

describe('the stable ids an event names', () => {
  it('subtask, channel and checkpoint', () => {
    expect(eventIds(plan, { type: 'barrier-received', time: 1, subtask: count1, channel, checkpointId: 3 })).toEqual({ subtask: 'count/1', channel: 'map/0->count/1', checkpoint: 'cp:3' });
    expect(eventIdList(plan, { type: 'record-sent', time: 1, channel, seq: 4, key: 'owl', deliverAt: 2 })).toEqual(['map/0->count/1']);
    expect(eventIdList(plan, { type: 'checkpoint-completed', time: 1, checkpointId: 2, savepoint: false })).toEqual(['cp:2']);
  });
  it('never reads a count as an id, nor checkpoint 0 (none) as a checkpoint', () => {
    expect(eventIdList(plan, { type: 'tasks-canceled', time: 1, subtasks: 3, canceled: 1, recordsLost: 0 })).toEqual([]);
    expect(eventIdList(plan, { type: 'job-restored', time: 1, checkpointId: 0, subtasks: 8, replayed: 0 })).toEqual([]);
    expect(eventIdList(plan, { type: 'taskmanager-lost', time: 1, index: 1, subtasks: 4 })).toEqual([]);
  });
});
