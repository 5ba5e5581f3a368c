import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyedStateTable, StateValue } from '../model/types';
import { clearState, keyGroupBytes, listAdd, listUpdate, mapPut, putStates, removeStates, rewriteEntry, snapshotKeyedState, valueGet, valueUpdate, type KeyContext } from './keyedState';
import { keyedStateBytes } from '../kernels/snapshotSizing';

// Copy-on-write by key group: a snapshot shares the table's groups, and whatever the task does
// afterwards (writes, clears, new keys, later snapshots) never shows in it.

type Op =
  | { kind: 'value'; key: number; group: number; value: number }
  | { kind: 'list'; key: number; group: number; value: number }
  | { kind: 'map'; key: number; group: number; field: string; value: number }
  | { kind: 'clear'; key: number; group: number; name: 'v' | 'l' | 'm' }
  | { kind: 'snapshot' };

const key = fc.integer({ min: 0, max: 11 });
const group = fc.integer({ min: 0, max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), key, group, value: fc.integer() }),
  fc.record({ kind: fc.constant('list' as const), key, group, value: fc.integer() }),
  fc.record({ kind: fc.constant('map' as const), key, group, field: fc.constantFrom('a', 'b', '__proto__'), value: fc.integer() }),
  fc.record({ kind: fc.constant('clear' as const), key, group, name: fc.constantFrom('v' as const, 'l' as const, 'm' as const) }),
  fc.constant({ kind: 'snapshot' as const }),
);

/** The same state as plain nested Maps, changed by copying: what the table must hold. */
function applyToModel(model: KeyedStateTable, o: Exclude<Op, { kind: 'snapshot' }>): void {
  const k = `k${o.key}`;
  const g = model.get(o.group) ?? new Map();
  model.set(o.group, g);
  const entry = new Map(g.get(k) ?? []);
  const name = o.kind === 'value' ? 'v' : o.kind === 'list' ? 'l' : o.kind === 'map' ? 'm' : o.name;
  if (o.kind === 'value') entry.set(name, o.value);
  if (o.kind === 'list') entry.set(name, [...((entry.get(name) as number[] | undefined) ?? []), o.value]);
  if (o.kind === 'map') entry.set(name, new Map(entry.get(name) as Map<string, number> | undefined).set(o.field, o.value));
  if (o.kind === 'clear') {
    if (!entry.has(name)) return;
    entry.delete(name);
  }
  if (entry.size) g.set(k, entry);
  else g.delete(k);
}

describe('heap snapshots, copy-on-write by key group', () => {
  it('a snapshot never changes while the task keeps writing, and the table is what the writes made it', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const table: KeyedStateTable = new Map();
      const ctx: KeyContext = { table, key: null, keyGroup: -1, onUpdate: () => {} };
      const model: KeyedStateTable = new Map();
      const snapshots: { taken: KeyedStateTable; frozen: KeyedStateTable }[] = [];
      for (const o of ops) {
        if (o.kind === 'snapshot') {
          const taken = snapshotKeyedState(table);
          snapshots.push({ taken, frozen: structuredClone(taken) });
          continue;
        }
        ctx.key = `k${o.key}`;
        ctx.keyGroup = o.group;
        if (o.kind === 'value') valueUpdate(ctx, 'v', o.value);
        else if (o.kind === 'list') listAdd(ctx, 'l', o.value);
        else if (o.kind === 'map') mapPut(ctx, 'm', o.field, o.value);
        else clearState(ctx, o.name);
        applyToModel(model, o);
        for (const s of snapshots) expect(s.taken).toEqual(s.frozen);
      }
      const nonEmpty = (t: KeyedStateTable) => new Map([...t].filter(([, g]) => g.size > 0));
      expect(nonEmpty(table)).toEqual(nonEmpty(model));
    }));
  });

  it('the synchronous part shares every key group: no key is copied until it is written', () => {
    const table: KeyedStateTable = new Map();
    const ctx: KeyContext = { table, key: 'Lion', keyGroup: 1, onUpdate: () => {} };
    valueUpdate(ctx, 'count', 1);
    Object.assign(ctx, { key: 'Bear', keyGroup: 2 });
    valueUpdate(ctx, 'count', 7);
    const snap = snapshotKeyedState(table);
    expect(snap.get(1)).toBe(table.get(1));
    expect(snap.get(2)).toBe(table.get(2));
    Object.assign(ctx, { key: 'Lion', keyGroup: 1 });
    valueUpdate(ctx, 'count', 2);
    // the written group is the task's own copy now; the other stays shared
    expect(table.get(1)).not.toBe(snap.get(1));
    expect(table.get(2)).toBe(snap.get(2));
    expect(snap.get(1)!.get('Lion')!.get('count')).toBe(1);
    expect(valueGet(ctx, 'count')).toBe(2);
    // a second write to the same group before the next snapshot copies nothing more
    const own = table.get(1);
    valueUpdate(ctx, 'count', 3);
    expect(table.get(1)).toBe(own);
  });

  it('a table made from a snapshot (a restore, a cloned state) copies a group before its first write', () => {
    const source: KeyedStateTable = new Map([[5, new Map([['Lion', new Map<string, StateValue>([['count', 4]])]])]]);
    const restored: KeyedStateTable = new Map(source);
    const ctx: KeyContext = { table: restored, key: 'Lion', keyGroup: 5, onUpdate: () => {} };
    valueUpdate(ctx, 'count', 5);
    expect(source.get(5)!.get('Lion')!.get('count')).toBe(4);
    expect(valueGet(ctx, 'count')).toBe(5);
  });

  it('each key group of a snapshot has the size a walk of it finds, under any writes, clears, TTL timestamps (put or written), rewrites and restores', () => {
    type SizeOp =
      | { kind: 'value'; key: number; group: number; value: number | string }
      | { kind: 'list'; key: number; group: number; values: number[] }
      | { kind: 'map'; key: number; group: number; field: string; value: number }
      | { kind: 'clear'; key: number; group: number; name: 'v' | 'l' | 'm' }
      | { kind: 'ttl'; key: number; group: number; stamp: number }
      | { kind: 'stamps'; key: number; group: number; values: number[] }
      | { kind: 'remove'; key: number; group: number }
      | { kind: 'rewrite'; key: number; group: number; value: number }
      | { kind: 'snapshot' } | { kind: 'restore' };
    // few keys and groups, many operations: the same state is written again and again between snapshots
    const key = fc.integer({ min: 0, max: 2 });
    const group = fc.integer({ min: 0, max: 1 });
    const sizeOp: fc.Arbitrary<SizeOp> = fc.oneof(
      fc.record({ kind: fc.constant('value' as const), key, group, value: fc.oneof(fc.integer(), fc.string({ maxLength: 6 })) }),
      fc.record({ kind: fc.constant('list' as const), key, group, values: fc.array(fc.integer(), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('map' as const), key, group, field: fc.constantFrom('a', 'bb'), value: fc.integer() }),
      fc.record({ kind: fc.constant('clear' as const), key, group, name: fc.constantFrom('v' as const, 'l' as const, 'm' as const) }),
      fc.record({ kind: fc.constant('ttl' as const), key, group, stamp: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('stamps' as const), key, group, values: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('remove' as const), key, group }),
      fc.record({ kind: fc.constant('rewrite' as const), key, group, value: fc.integer() }),
      fc.constant({ kind: 'snapshot' as const }),
      fc.constant({ kind: 'restore' as const }),
    );
    fc.assert(fc.property(fc.array(sizeOp, { minLength: 20, maxLength: 150 }), (ops) => {
      let table: KeyedStateTable = new Map();
      let ctx: KeyContext = { table, key: null, keyGroup: -1, onUpdate: () => {} };
      let last: KeyedStateTable | null = null;
      for (const o of ops) {
        if (o.kind === 'snapshot' || o.kind === 'restore') {
          if (o.kind === 'restore' && last) {
            // a new task over the last snapshot's groups, as a restore makes it
            table = new Map(last);
            ctx = { table, key: null, keyGroup: -1, onUpdate: () => {} };
            continue;
          }
          last = snapshotKeyedState(table);
          for (const [g, kept] of last) expect([g, keyGroupBytes(kept)]).toEqual([g, keyedStateBytes(new Map([[g, kept]]))]);
          continue;
        }
        ctx.key = `k${o.key}`;
        ctx.keyGroup = o.group;
        if (o.kind === 'value') valueUpdate(ctx, 'v', o.value);
        else if (o.kind === 'list') listUpdate(ctx, 'l', o.values);
        else if (o.kind === 'map') mapPut(ctx, 'm', o.field, o.value);
        else if (o.kind === 'clear') clearState(ctx, o.name);
        else if (o.kind === 'ttl') putStates(ctx, [['v', o.stamp], ['v@ttl', o.stamp]]);
        // a TTL timestamp state written as any state is: counted 8 bytes a timestamp
        else if (o.kind === 'stamps') listUpdate(ctx, 'l@ttl', o.values);
        else if (o.kind === 'remove') removeStates(ctx, ['v', 'v@ttl']);
        else rewriteEntry(table, o.group, ctx.key, (e) => e.set('v', o.value));
      }
    }), { numRuns: 200 });
  });
});
