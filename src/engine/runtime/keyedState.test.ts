import { describe, expect, it } from 'vitest';
import type { KeyedStateTable, StateValue } from '../model/types';
import {
  clearState, KeyedStateAccessError, listAdd, listGet, listUpdate, mapEntries, mapGet, mapPut, plainStateValue, reducingAdd, reducingGet,
  valueGet, valueUpdate, type KeyContext,
} from './keyedState';

function context(key: string | null = 'Lion', keyGroup = 49) {
  const table: KeyedStateTable = new Map();
  const updates: [string, StateValue | undefined][] = [];
  const ctx: KeyContext = { table, key, keyGroup, onUpdate: (s, v) => updates.push([s, v]) };
  return { ctx, table, updates };
}

describe('keyed state primitives, scoped to the current key', () => {
  it('ValueState: value(), update(), clear(); empty reads null', () => {
    const { ctx, table, updates } = context();
    expect(valueGet(ctx, 'count')).toBeNull();
    valueUpdate(ctx, 'count', 3);
    expect(valueGet(ctx, 'count')).toBe(3);
    expect(table.get(49)!.get('Lion')!.get('count')).toBe(3);
    clearState(ctx, 'count');
    expect(valueGet(ctx, 'count')).toBeNull();
    expect(table.get(49)!.get('Lion')).toBeUndefined();
    expect(updates).toEqual([['count', 3], ['count', undefined]]);
  });
  it('ListState: get() is empty, add() appends, update() replaces, add(null) is refused', () => {
    const { ctx } = context();
    expect(listGet(ctx, 'last')).toEqual([]);
    listAdd(ctx, 'last', 1);
    listAdd(ctx, 'last', 2);
    expect(listGet(ctx, 'last')).toEqual([1, 2]);
    listUpdate(ctx, 'last', [9]);
    expect(listGet(ctx, 'last')).toEqual([9]);
    expect(() => listAdd(ctx, 'last', null)).toThrow(/null is not allowed/);
  });
  it('MapState: get of an absent key is null, put, entries', () => {
    const { ctx } = context();
    expect(mapGet(ctx, 'h', '1-5')).toBeNull();
    mapPut(ctx, 'h', '1-5', 2);
    mapPut(ctx, 'h', '6-10', 1);
    expect(mapEntries(ctx, 'h')).toEqual([['1-5', 2], ['6-10', 1]]);
  });
  it('ReducingState: add folds at once', () => {
    const { ctx } = context();
    expect(reducingGet(ctx, 'max')).toBeNull();
    reducingAdd(ctx, 'max', 4, Math.max);
    reducingAdd(ctx, 'max', 2, Math.max);
    expect(reducingGet(ctx, 'max')).toBe(4);
  });
  it('values are replaced, never mutated: an earlier copy of the entry keeps its value', () => {
    const { ctx, table } = context();
    listAdd(ctx, 'last', 1);
    const copy = new Map(table.get(49)!.get('Lion'));
    listAdd(ctx, 'last', 2);
    expect(copy.get('last')).toEqual([1]);
  });
  it('using keyed state outside a keyed context is an error', () => {
    const { ctx } = context(null);
    expect(() => valueGet(ctx, 'count')).toThrow(KeyedStateAccessError);
    expect(() => valueUpdate(ctx, 'count', 1)).toThrow(/outside a keyed context/);
  });
  it('a key or MapState field named like an Object.prototype member is an ordinary entry', () => {
    const { ctx, table } = context('__proto__', 7);
    valueUpdate(ctx, 'count', 2);
    mapPut(ctx, 'h', 'constructor', 1);
    expect(valueGet(ctx, 'count')).toBe(2);
    expect(mapGet(ctx, 'h', 'constructor')).toBe(1);
    expect(mapGet(ctx, 'h', 'toString')).toBeNull();
    expect([...table.get(7)!.keys()]).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).count).toBeUndefined();
  });
  it('plainStateValue: a MapState as a prototype-free object, other values as they are', () => {
    const plain = plainStateValue(new Map([['__proto__', 1], ['6-10', 2]])) as Record<string, number>;
    expect(Object.getPrototypeOf(plain)).toBeNull();
    expect(Object.keys(plain)).toEqual(['__proto__', '6-10']);
    expect(JSON.stringify(plain)).toBe('{"__proto__":1,"6-10":2}');
    expect(plainStateValue([1, 2])).toEqual([1, 2]);
    expect(plainStateValue(null)).toBeNull();
  });
  it('state of different keys is separate', () => {
    const a = context('Lion', 49);
    const b: KeyContext = { ...a.ctx, key: 'Tiger', keyGroup: 10 };
    valueUpdate(a.ctx, 'count', 1);
    valueUpdate(b, 'count', 5);
    expect(valueGet(a.ctx, 'count')).toBe(1);
    expect(valueGet(b, 'count')).toBe(5);
  });
});
