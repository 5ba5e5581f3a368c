import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyedStateTable } from '../model/types';
import { snapshotKeyedState } from './keyedState';
import { compactionFilter, fullSnapshotWithoutExpired, recordSelected, ttlAccess, ttlValueGet, ttlValueUpdate } from './stateTtl';
import { keyContext, ttlOp } from './stateTtl.test';
import { assignToKeyGroup } from '../kernels/keyGroups';

// NeverReturnExpired under any schedule of reads, writes, time steps, snapshots (full, with and
// without cleanupFullSnapshot), compactions and restores: a read returns exactly the value of the
// last write when that write (or, OnReadAndWrite, the last read) is less than the TTL ago, else
// nothing. A model tracks what each key should hold; restoring a snapshot restores the model's copy.

const TTL = 1000;
const ops = fc.array(fc.oneof(
  fc.record({ kind: fc.constant('write' as const), key: fc.integer({ min: 0, max: 7 }), value: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ kind: fc.constant('read' as const), key: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 700 }) }),
  fc.record({ kind: fc.constant('snapshot' as const), filter: fc.boolean() }),
  fc.record({ kind: fc.constant('compact' as const) }),
  fc.record({ kind: fc.constant('restore' as const) }),
), { maxLength: 80 });

describe('state TTL property: NeverReturnExpired never returns an expired value', () => {
  for (const updateType of ['OnCreateAndWrite', 'OnReadAndWrite'] as const) {
    for (const incremental of [null, { size: 2, runForEveryRecord: true }]) {
      it(`${updateType}, incremental cleanup ${incremental ? 'on' : 'off'}`, () => {
        fc.assert(fc.property(ops, (schedule) => {
          const op = ttlOp({ ttlMs: TTL, updateType, incremental, fullSnapshot: true });
          const ctx = keyContext(new Map());
          let now = 0;
          let model = new Map<string, { value: number; ts: number }>();
          let snap: { table: KeyedStateTable; model: Map<string, { value: number; ts: number }> } | null = null;
          const select = (key: string) => {
            ctx.key = key;
            ctx.keyGroup = assignToKeyGroup(key, 128);
            ctx.now = now;
            const a = ttlAccess(op, ctx, now);
            recordSelected(a);
            return a;
          };
          for (const s of schedule) {
            if (s.kind === 'advance') now += s.ms;
            else if (s.kind === 'write') {
              ttlValueUpdate(select(`k${s.key}`), 'count', s.value);
              model.set(`k${s.key}`, { value: s.value, ts: now });
            } else if (s.kind === 'read') {
              const got = ttlValueGet(select(`k${s.key}`), 'count');
              const m = model.get(`k${s.key}`);
              const live = m !== undefined && m.ts + TTL > now;
              expect(got).toBe(live ? m!.value : null);
              if (live && updateType === 'OnReadAndWrite') m!.ts = now;
            } else if (s.kind === 'snapshot') {
              const table = snapshotKeyedState(ctx.table);
              snap = { table: s.filter ? fullSnapshotWithoutExpired(table, op, now).table : table, model: new Map([...model].map(([k, v]) => [k, { ...v }])) };
            } else if (s.kind === 'compact') compactionFilter(ctx.table, op, now);
            else if (s.kind === 'restore' && snap) {
              ctx.table = new Map(snap.table);
              model = new Map([...snap.model].map(([k, v]) => [k, { ...v }]));
            }
          }
        }), { numRuns: 150 });
      });
    }
  }
});
