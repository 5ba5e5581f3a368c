import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario } from '../../engine';
import { insertMapAfter, removable, removeOperator, setParallelism, setUid } from './draftEdits';

const base = builtinScenario('default')!;

describe('job editor edits', () => {
  it('inserts a map after an operator, on its output edge, as a valid job', () => {
    const next = insertMapAfter(base, 'source');
    expect(next.operators.map((o) => o.id)).toEqual(['source', 'map-1', 'map', 'count', 'sink']);
    expect(next.edges.slice(0, 2)).toEqual([{ from: 'source', to: 'map-1', partitioner: 'forward' }, { from: 'map-1', to: 'map', partitioner: 'forward' }]);
    expect(() => parseScenario(next)).not.toThrow();
    expect(insertMapAfter(next, 'source').operators[1].id).toBe('map-2');
    expect(insertMapAfter(base, 'sink')).toBe(base);
  });

  it('removes a map, joining its input to its output with the keyed partitioner kept', () => {
    expect(removable(base, 'map')).toBe(true);
    expect(removable(base, 'count')).toBe(false);
    const next = removeOperator(base, 'map');
    expect(next.edges).toEqual([{ from: 'source', to: 'count', partitioner: 'hash' }, { from: 'count', to: 'sink', partitioner: 'forward' }]);
    expect(() => parseScenario(next)).not.toThrow();
    expect(removeOperator(insertMapAfter(base, 'source'), 'map-1')).toEqual({ ...base, slowSubtasks: undefined });
  });

  it('sets and clears a uid, sets a parallelism', () => {
    expect(setUid(base, 'count', 'counter').operators[2].uid).toBe('counter');
    expect('uid' in setUid(setUid(base, 'count', 'counter'), 'count', '').operators[2]).toBe(false);
    expect(setParallelism(base, 'count', 3).operators[2].parallelism).toBe(3);
  });
});
