import { describe, expect, it } from 'vitest';
import type { KeyedStateTable, PlanOperator, StateKind, StateTtlConfig } from '../model/types';
import { assignToKeyGroup } from '../kernels/keyGroups';
import { entryBytes, keyedStateBytes } from '../kernels/snapshotSizing';
import { snapshotKeyedState, type KeyContext } from './keyedState';
import {
  compactionFilter, countEntries, fullSnapshotWithoutExpired, isExpired, recordSelected, timestampName, ttlAccess,
  ttlListAdd, ttlListGet, ttlMapGet, ttlMapPut, ttlReducingAdd, ttlValueGet, ttlValueUpdate,
} from './stateTtl';
import { resolveTtl } from './stateTtlConfig';

const MAXP = 128;

export function ttlOp(ttl: Partial<StateTtlConfig>, states: { name: string; kind: StateKind }[] = [{ name: 'count', kind: 'value' }], backend: 'hashmap' | 'rocksdb' = 'hashmap'): PlanOperator {
  return {
    index: 1, id: 'count', name: 'Count', kind: 'keyed-count', parallelism: 1, maxParallelism: MAXP, subtasks: [0], inputEdges: [], outputEdges: [],
    keyed: true, states: states.map((d) => ({ ...d, ttl: true as const })), costMs: 0, params: {},
    ttl: { ...resolveTtl({ ttl: '10 s' }), ...ttl }, ttlRuntime: { backend, cursors: [] },
  };
}

export function keyContext(table: KeyedStateTable): KeyContext & { now: number; updates: string[] } {
  const ctx = { table, key: null as string | null, keyGroup: -1, now: 0, updates: [] as string[], onUpdate: (s: string, v: unknown) => ctx.updates.push(`${ctx.key}.${s}=${v === undefined ? '-' : JSON.stringify(v instanceof Map ? [...v] : v)}`) };
  return ctx;
}

function at(ctx: ReturnType<typeof keyContext>, key: string, now: number) {
  ctx.key = key;
  ctx.keyGroup = assignToKeyGroup(key, MAXP);
  ctx.now = now;
}

describe('state TTL: expiry and visibility (AbstractTtlDecorator)', () => {
  it('expires at last access + ttl, not before (TtlUtils.expired)', () => {
    expect(isExpired(0, 10, 9.999)).toBe(false);
    expect(isExpired(0, 10, 10)).toBe(true);
    expect(isExpired('x', 10, 0)).toBe(true);
  });

  it('NeverReturnExpired: an expired value reads as absent and the read removes it', () => {
    const op = ttlOp({ incremental: null });
    const ctx = keyContext(new Map());
    at(ctx, 'a', 1000);
    ttlValueUpdate(ttlAccess(op, ctx, 1000), 'count', 7);
    at(ctx, 'a', 10_999);
    expect(ttlValueGet(ttlAccess(op, ctx, 10_999), 'count')).toBe(7);
    at(ctx, 'a', 11_000);
    expect(ttlValueGet(ttlAccess(op, ctx, 11_000), 'count')).toBeNull();
    expect(ctx.table.get(ctx.keyGroup)?.has('a')).toBe(false);
    expect(ctx.updates.at(-1)).toBe('a.count=-');
  });

  it('ReturnExpiredIfNotCleanedUp: returned once more, then gone', () => {
    const op = ttlOp({ incremental: null, visibility: 'ReturnExpiredIfNotCleanedUp' });
    const ctx = keyContext(new Map());
    at(ctx, 'a', 0);
    ttlValueUpdate(ttlAccess(op, ctx, 0), 'count', 3);
    at(ctx, 'a', 20_000);
    expect(ttlValueGet(ttlAccess(op, ctx, 20_000), 'count')).toBe(3);
    expect(ttlValueGet(ttlAccess(op, ctx, 20_000), 'count')).toBeNull();
  });

  it('OnReadAndWrite: a read extends the life; OnCreateAndWrite: it does not', () => {
    for (const [updateType, alive] of [['OnReadAndWrite', 5], ['OnCreateAndWrite', null]] as const) {
      const op = ttlOp({ incremental: null, updateType });
      const ctx = keyContext(new Map());
      at(ctx, 'a', 0);
      ttlValueUpdate(ttlAccess(op, ctx, 0), 'count', 5);
      at(ctx, 'a', 8000);
      expect(ttlValueGet(ttlAccess(op, ctx, 8000), 'count')).toBe(5);
      at(ctx, 'a', 15_000);
      expect(ttlValueGet(ttlAccess(op, ctx, 15_000), 'count')).toBe(alive);
    }
  });

  it('ListState and MapState expire per element and per entry', () => {
    const op = ttlOp({ incremental: null }, [{ name: 'lastN', kind: 'list' }, { name: 'h', kind: 'map' }]);
    const ctx = keyContext(new Map());
    at(ctx, 'a', 0);
    ttlListAdd(ttlAccess(op, ctx, 0), 'lastN', 1);
    ttlMapPut(ttlAccess(op, ctx, 0), 'h', 'x', 1);
    at(ctx, 'a', 6000);
    ttlListAdd(ttlAccess(op, ctx, 6000), 'lastN', 2);
    ttlMapPut(ttlAccess(op, ctx, 6000), 'h', 'y', 2);
    at(ctx, 'a', 12_000);
    expect(ttlListGet(ttlAccess(op, ctx, 12_000), 'lastN')).toEqual([2]);
    expect(ttlMapGet(ttlAccess(op, ctx, 12_000), 'h', 'x')).toBeNull();
    expect(ttlMapGet(ttlAccess(op, ctx, 12_000), 'h', 'y')).toBe(2);
    expect(ctx.table.get(ctx.keyGroup)!.get('a')!.get(timestampName('lastN'))).toEqual([6000]);
  });

  it('ReducingState does not fold an expired value in (TtlReduceFunction)', () => {
    const op = ttlOp({ incremental: null }, [{ name: 'sum', kind: 'reducing' }]);
    const ctx = keyContext(new Map());
    at(ctx, 'a', 0);
    expect(ttlReducingAdd(ttlAccess(op, ctx, 0), 'sum', 4, (x, y) => x + y)).toBe(4);
    at(ctx, 'a', 5000);
    expect(ttlReducingAdd(ttlAccess(op, ctx, 5000), 'sum', 4, (x, y) => x + y)).toBe(8);
    at(ctx, 'a', 20_000);
    expect(ttlReducingAdd(ttlAccess(op, ctx, 20_000), 'sum', 1, (x, y) => x + y)).toBe(1);
  });

  it('a timestamp is 8 more bytes per value in snapshot sizing', () => {
    const op = ttlOp({ incremental: null }, [{ name: 'lastN', kind: 'list' }]);
    const ctx = keyContext(new Map());
    at(ctx, 'a', 0);
    ttlListAdd(ttlAccess(op, ctx, 0), 'lastN', 1);
    ttlListAdd(ttlAccess(op, ctx, 0), 'lastN', 2);
    const entry = ctx.table.get(ctx.keyGroup)!.get('a')!;
    const plain = new Map([['lastN', entry.get('lastN')!]]);
    expect(entryBytes('a', entry) - entryBytes('a', plain)).toBe(16);
  });
});

function fill(op: PlanOperator, ctx: ReturnType<typeof keyContext>, keys: string[], now: number) {
  for (const k of keys) {
    at(ctx, k, now);
    ttlValueUpdate(ttlAccess(op, ctx, now), 'count', 1);
  }
}

describe('state TTL: background cleanup per backend', () => {
  const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);

  it('heap incremental cleanup checks `size` entries per state access, and stalls without access', () => {
    const op = ttlOp({ incremental: { size: 5, runForEveryRecord: false } });
    const ctx = keyContext(new Map());
    fill(op, ctx, keys, 0); // the accesses while filling found nothing expired
    expect(countEntries(ctx.table, op, 20_000)).toEqual({ entries: 40, expired: 40 });
    // no access: nothing happens however late it gets
    expect(countEntries(ctx.table, op, 60_000).entries).toBe(40);
    // one write of a fresh key = one access: 5 entries checked, those expired removed
    at(ctx, 'fresh', 20_000);
    ttlValueUpdate(ttlAccess(op, ctx, 20_000), 'count', 1);
    expect(countEntries(ctx.table, op, 20_000)).toEqual({ entries: 36, expired: 35 });
    for (let i = 0; i < 10; i++) {
      at(ctx, 'fresh', 20_000);
      ttlValueGet(ttlAccess(op, ctx, 20_000), 'count');
    }
    expect(countEntries(ctx.table, op, 20_000)).toEqual({ entries: 1, expired: 0 });
  });

  it('runForEveryRecord cleans up on each record even when the record reads no state', () => {
    const op = ttlOp({ incremental: { size: 3, runForEveryRecord: true } });
    const ctx = keyContext(new Map());
    fill(op, ctx, keys.slice(0, 9), 0);
    at(ctx, 'k0', 20_000);
    recordSelected(ttlAccess(op, ctx, 20_000));
    expect(countEntries(ctx.table, op, 20_000).entries).toBe(6);
  });

  it('the RocksDB backend runs no incremental cleanup', () => {
    const op = ttlOp({ incremental: { size: 100, runForEveryRecord: true } }, undefined, 'rocksdb');
    const ctx = keyContext(new Map());
    fill(op, ctx, keys, 0);
    at(ctx, 'fresh', 20_000);
    ttlValueUpdate(ttlAccess(op, ctx, 20_000), 'count', 1);
    expect(countEntries(ctx.table, op, 20_000).entries).toBe(41);
  });

  it('full-snapshot cleanup leaves expired entries out of the snapshot, not out of the local state', () => {
    const op = ttlOp({ incremental: null, fullSnapshot: true });
    const ctx = keyContext(new Map());
    fill(op, ctx, keys.slice(0, 10), 0);
    fill(op, ctx, keys.slice(10, 14), 15_000);
    const { table, dropped } = fullSnapshotWithoutExpired(snapshotKeyedState(ctx.table), op, 16_000);
    expect(dropped).toBe(10);
    expect(countEntries(table, op, 16_000)).toEqual({ entries: 4, expired: 0 });
    expect(countEntries(ctx.table, op, 16_000).entries).toBe(14);
    expect(keyedStateBytes(table)).toBeLessThan(keyedStateBytes(ctx.table));
  });

  it('the compaction filter removes expired entries from the state, never from a snapshot taken before', () => {
    const op = ttlOp({ incremental: null }, undefined, 'rocksdb');
    const ctx = keyContext(new Map());
    fill(op, ctx, keys.slice(0, 10), 0);
    fill(op, ctx, keys.slice(10, 12), 15_000);
    const snap = snapshotKeyedState(ctx.table);
    expect(compactionFilter(ctx.table, op, 16_000)).toBe(10);
    expect(countEntries(ctx.table, op, 16_000).entries).toBe(2);
    expect(countEntries(snap, op, 16_000).entries).toBe(12);
    // the task writes on after the compaction without disturbing the snapshot
    fill(op, ctx, ['k0'], 16_000);
    expect(countEntries(snap, op, 16_000).entries).toBe(12);
    expect(countEntries(ctx.table, op, 16_000).entries).toBe(3);
  });
});
