import { describe, expect, it } from 'vitest';
import {
  channelIdOf, findChannel, findSubtask, formatChannelId, formatCheckpointId, formatOperatorId, formatStableId, formatSubtaskId,
  operatorIdOf, parseStableId, stableIdExists, subtaskIdOf,
} from './ids';
import { builtinScenario } from './scenarios/builtin';
import type { ScenarioSpec } from './scenarios/schema';
import { Simulation } from './sim/simulation';
import { parseFaultSpec } from './faults/faultSpec';

const plan = Simulation.create(builtinScenario('default')!).state.plan;

describe('stable ids', () => {
  it('are written as the fault syntax names things', () => {
    expect(formatSubtaskId('count', 1)).toBe('count/1');
    expect(formatChannelId({ operatorId: 'map', index: 0 }, { operatorId: 'count', index: 1 })).toBe('map/0->count/1');
    expect(formatChannelId({ operatorId: 'a', index: 0 }, { operatorId: 'j', index: 1 }, 1)).toBe('a/0->j/1#1');
    expect(formatCheckpointId(3)).toBe('cp:3');
    expect(formatOperatorId('count')).toBe('op:count');
  });

  it('parse back to what they were made of', () => {
    for (const text of ['count/1', 'map/0->count/1', 'a/0->j/1#1', 'cp:3', 'op:keyed-sum']) {
      const parsed = parseStableId(text);
      expect(parsed).not.toBeNull();
      expect(formatStableId(parsed!)).toBe(text);
    }
    expect(parseStableId('map/0->count/1')).toEqual({ kind: 'channel', from: { operatorId: 'map', index: 0 }, to: { operatorId: 'count', index: 1 }, input: 0 });
  });

  it('refuse what is not one', () => {
    for (const text of ['', 'count', 'count/', 'count/01', 'Count/1', 'count/-1', 'cp:0', 'cp:x', 'op:', 'map/0->', 'map/0->count/1#0', '3', 'st-3']) {
      expect(parseStableId(text)).toBeNull();
    }
  });

  it('name the subtasks, channels and operators of a plan and find them again', () => {
    for (const ps of plan.subtasks) expect(findSubtask(plan, subtaskIdOf(plan, ps.id))).toBe(ps.id);
    for (const c of plan.channels) expect(findChannel(plan, channelIdOf(plan, c.id))).toBe(c.id);
    expect(subtaskIdOf(plan, plan.operators[2].subtasks[1])).toBe('count/1');
    expect(operatorIdOf(plan, 2)).toBe('op:count');
    expect(findSubtask(plan, 'count/7')).toBeUndefined();
    expect(findChannel(plan, 'count/0->map/0')).toBeUndefined();
    expect(stableIdExists(plan, 'op:count')).toBe(true);
    expect(stableIdExists(plan, 'op:nope')).toBe(false);
    expect(stableIdExists(plan, 'cp:4')).toBe(true);
    expect(stableIdExists(plan, 'map/0->count/1')).toBe(true);
  });

  it('name a channel as the fault syntax does', () => {
    const fault = parseFaultSpec('channel:map/0->count/1@4s', plan).fault;
    expect(fault.kind === 'channel' && channelIdOf(plan, fault.channel)).toBe('map/0->count/1');
  });

  it('tell apart the two inputs of an operator that reads one producer twice', () => {
    const base = builtinScenario('two-inputs')!;
    const selfJoin: ScenarioSpec = {
      ...base,
      operators: base.operators.filter((o) => o.id !== 'feedings'),
      edges: [
        { from: 'sightings', to: 'join', partitioner: 'hash', input: 0 },
        { from: 'sightings', to: 'join', partitioner: 'hash', input: 1 },
        { from: 'join', to: 'sink', partitioner: 'forward' },
      ],
    };
    const p = Simulation.create(selfJoin).state.plan;
    const ids = p.channels.map((c) => channelIdOf(p, c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('sightings/0->join/1');
    expect(ids).toContain('sightings/0->join/1#1');
    for (const c of p.channels) expect(findChannel(p, channelIdOf(p, c.id))).toBe(c.id);
  });
});
