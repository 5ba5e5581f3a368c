import type { KeyedStateEntry, KeyedStateTable, MapStateValue, PlanOperator, Primitive, StateKind, StateTtlConfig, StateValue } from '../model/types';
import { computeKeyGroupRangeForOperatorIndex, computeOperatorIndexForKeyGroup } from '../kernels/keyGroups';
import { currentEntry, putStates, removeStates, rewriteEntry, type KeyContext } from './keyedState';

// Flink's state TTL (org.apache.flink.runtime.state.ttl): a TTL state keeps each value with its
// last-access timestamp (TtlValue), per element of a ListState and per entry of a MapState. The
// timestamp sits beside the value in the key's entry, under the state's name plus "@ttl" (a name
// no state of the engine has), so every other reader of keyed state sees the values as before.
// An access checks the timestamp first (AbstractTtlDecorator): an expired value is removed, and
// returned once more only with ReturnExpiredIfNotCleanedUp. Background cleanup: the heap backend's
// incremental cleanup (TtlIncrementalCleanup) walks a few entries per state access or record;
// full snapshots can leave expired entries out; RocksDB's compaction filter drops them when files
// are compacted (taskSnapshot.ts).

const SUFFIX = '@ttl';

export function timestampName(state: string): string {
  return state + SUFFIX;
}
export function isTimestampName(name: string): boolean {
  return name.endsWith(SUFFIX);
}

/** TtlUtils.expired: last access + TTL <= now. A timestamp that is not a number (a hostile file) counts as expired. */
export function isExpired(ts: unknown, ttlMs: number, now: number): boolean {
  return typeof ts !== 'number' || !(ts + ttlMs > now);
}

/** Timestamps as stored: one number (value, reducing), one per element (list), one per field (map). */
function listStamps(stamps: StateValue | undefined, length: number): number[] {
  const a = Array.isArray(stamps) ? stamps : [];
  return Array.from({ length }, (_, i) => (typeof a[i] === 'number' ? a[i] as number : -Infinity));
}
function mapStamps(stamps: StateValue | undefined): Map<string, Primitive> {
  return stamps instanceof Map ? stamps : new Map();
}

export interface Unexpired { value: StateValue; stamps: StateValue; changed: boolean }

/** getUnexpiredOrNull: what of one state's value is not expired at `now`, or null when nothing is. */
export function unexpiredOrNull(kind: StateKind, value: StateValue, stamps: StateValue | undefined, ttlMs: number, now: number): Unexpired | null {
  if (kind === 'list') {
    const list = Array.isArray(value) ? value : [];
    const ts = listStamps(stamps, list.length);
    const keep = list.map((_, i) => !isExpired(ts[i], ttlMs, now));
    const n = keep.filter(Boolean).length;
    if (n === 0) return null;
    if (n === list.length) return { value, stamps: ts, changed: !Array.isArray(stamps) || stamps.length !== list.length };
    return { value: list.filter((_, i) => keep[i]), stamps: ts.filter((_, i) => keep[i]), changed: true };
  }
  if (kind === 'map') {
    const map = value instanceof Map ? value : new Map<string, Primitive>();
    const ts = mapStamps(stamps);
    const kept: MapStateValue = new Map();
    const keptTs: Map<string, Primitive> = new Map();
    for (const [field, v] of map) {
      if (isExpired(ts.get(field), ttlMs, now)) continue;
      kept.set(field, v);
      keptTs.set(field, ts.get(field)!);
    }
    if (kept.size === 0) return null;
    return kept.size === map.size ? { value, stamps: ts, changed: false } : { value: kept, stamps: keptTs, changed: true };
  }
  return isExpired(stamps, ttlMs, now) ? null : { value, stamps: stamps!, changed: false };
}

/** Whether any part of a state's value is expired (the State panel marks it). */
export function holdsExpired(kind: StateKind, value: StateValue, stamps: StateValue | undefined, ttlMs: number, now: number): boolean {
  const u = unexpiredOrNull(kind, value, stamps, ttlMs, now);
  return u === null || u.changed;
}

// ---------------------------------------------------------------------------------------------
// Access from the record path.

/** One record's access to a TTL operator's state. */
export interface TtlAccess {
  ctx: KeyContext;
  op: PlanOperator;
  cfg: StateTtlConfig;
  /** processing time of the access */
  now: number;
  /** the heap backend's incremental cleanup, if it runs */
  incremental: StateTtlConfig['incremental'];
}

/**
 * The processing time of the record being processed: the key context the task hands its operator
 * carries when the record leaves it (task.ts: now plus the operator's cost), or `now` if a caller
 * sets it. TtlTimeProvider reads the wall clock during the access; in here the record's work
 * happens at one instant, the end of its processing.
 */
export function accessTime(ctx: KeyContext): number {
  const c = ctx as KeyContext & { now?: number; sentAt?: number };
  const t = c.now ?? c.sentAt;
  if (typeof t !== 'number') throw new Error('state TTL needs the processing time of the access: the key context carries none');
  return t;
}

export function ttlAccess(op: PlanOperator, ctx: KeyContext, now: number): TtlAccess {
  const cfg = op.ttl!;
  return { ctx, op, cfg, now, incremental: op.ttlRuntime?.backend === 'rocksdb' ? null : cfg.incremental };
}

function returnExpired(a: TtlAccess): boolean {
  return a.cfg.visibility === 'ReturnExpiredIfNotCleanedUp';
}

/** TtlIncrementalCleanup.stateAccessed: every state access advances that state's cleanup. */
function accessed(a: TtlAccess, name: string): void {
  if (a.incremental !== null) incrementalCleanup(a, a.op.states.findIndex((d) => d.name === name));
}

/** With runCleanupForEveryRecord, each record (its key selected) advances every state's cleanup. */
export function recordSelected(a: TtlAccess): void {
  if (a.incremental === null || !a.incremental.runForEveryRecord) return;
  for (let i = 0; i < a.op.states.length; i++) incrementalCleanup(a, i);
}

/**
 * Checks `size` entries of one state where its iterator stands over the subtask's key groups,
 * removing what is expired, and moves the iterator on (wrapping around at the end).
 */
function incrementalCleanup(a: TtlAccess, stateIndex: number): void {
  if (stateIndex < 0 || a.ctx.keyGroup < 0) return;
  const op = a.op;
  const d = op.states[stateIndex];
  const subtask = computeOperatorIndexForKeyGroup(op.maxParallelism, op.parallelism, a.ctx.keyGroup);
  const range = computeKeyGroupRangeForOperatorIndex(op.maxParallelism, op.parallelism, subtask);
  const rt = (op.ttlRuntime ??= { backend: 'hashmap', cursors: [] });
  const cursors = (rt.cursors[subtask] ??= []);
  const at = (cursors[stateIndex] ??= { keyGroup: range.start, index: 0 });
  if (at.keyGroup < range.start || at.keyGroup > range.end) Object.assign(at, { keyGroup: range.start, index: 0 });
  const table = a.ctx.table;
  const groups = range.end - range.start + 1;
  let checked = 0;
  let moves = 0; // a state smaller than `size` is walked once, not round and round
  while (checked < a.incremental!.size && moves <= groups) {
    const group = table.get(at.keyGroup);
    if (group === undefined || at.index >= group.size) {
      at.keyGroup = at.keyGroup >= range.end ? range.start : at.keyGroup + 1;
      at.index = 0;
      moves++;
      continue;
    }
    const keys = [...group.keys()].slice(at.index, at.index + a.incremental!.size - checked);
    for (const key of keys) {
      checked++;
      const entry = group.get(key)!;
      const value = entry.get(d.name);
      const kept = value === undefined ? undefined : unexpiredOrNull(d.kind, value, entry.get(timestampName(d.name)), a.cfg.ttlMs, a.now);
      if (kept === null || kept?.changed) {
        rewriteEntry(table, at.keyGroup, key, (e) => setOrRemove(e, d.name, kept ?? null));
        if (kept === null && !table.get(at.keyGroup)?.has(key)) continue; // the key went: the next one moved up
      }
      at.index++;
    }
  }
}

function setOrRemove(entry: KeyedStateEntry, name: string, kept: Unexpired | null): void {
  if (kept === null) {
    entry.delete(name);
    entry.delete(timestampName(name));
  } else {
    entry.set(name, kept.value);
    entry.set(timestampName(name), kept.stamps);
  }
}

/** Removes the current key's expired state (cleanup on read) and reports it. */
function cleanupOnRead(a: TtlAccess, name: string): void {
  removeStates(a.ctx, [name, timestampName(name)]);
  a.ctx.onUpdate(name, undefined);
}

// ValueState (TtlValueState)
export function ttlValueGet(a: TtlAccess, name: string): Primitive {
  accessed(a, name);
  const entry = currentEntry(a.ctx);
  const v = entry?.get(name);
  if (v === undefined) return null;
  if (isExpired(entry!.get(timestampName(name)), a.cfg.ttlMs, a.now)) {
    cleanupOnRead(a, name);
    return returnExpired(a) ? v as Primitive : null;
  }
  if (a.cfg.updateType === 'OnReadAndWrite') {
    putStates(a.ctx, [[timestampName(name), a.now]]);
    a.ctx.onUpdate(name, v);
  }
  return v as Primitive;
}
export function ttlValueUpdate(a: TtlAccess, name: string, value: Primitive): void {
  accessed(a, name);
  putStates(a.ctx, [[name, value], [timestampName(name), a.now]]);
  a.ctx.onUpdate(name, value);
}

// ListState (TtlListState): per-element timestamps
export function ttlListGet(a: TtlAccess, name: string): Primitive[] {
  accessed(a, name);
  const entry = currentEntry(a.ctx);
  const v = entry?.get(name);
  if (!Array.isArray(v)) return [];
  const kept = unexpiredOrNull('list', v, entry!.get(timestampName(name)), a.cfg.ttlMs, a.now);
  if (kept === null) {
    cleanupOnRead(a, name);
    return returnExpired(a) ? [...v] : [];
  }
  const list = kept.value as Primitive[];
  if (kept.changed || a.cfg.updateType === 'OnReadAndWrite') {
    const stamps = a.cfg.updateType === 'OnReadAndWrite' ? list.map(() => a.now) : kept.stamps;
    putStates(a.ctx, [[name, list], [timestampName(name), stamps]]);
    a.ctx.onUpdate(name, list);
  }
  return returnExpired(a) ? [...v] : [...list];
}
export function ttlListAdd(a: TtlAccess, name: string, value: Primitive): void {
  accessed(a, name);
  const entry = currentEntry(a.ctx);
  const v = entry?.get(name);
  const list = Array.isArray(v) ? v : [];
  const next = [...list, value];
  putStates(a.ctx, [[name, next], [timestampName(name), [...listStamps(entry?.get(timestampName(name)), list.length), a.now]]]);
  a.ctx.onUpdate(name, next);
}
export function ttlListUpdate(a: TtlAccess, name: string, values: Primitive[]): void {
  accessed(a, name);
  const next = [...values];
  putStates(a.ctx, [[name, next], [timestampName(name), next.map(() => a.now)]]);
  a.ctx.onUpdate(name, next);
}

// MapState (TtlMapState): per-entry timestamps
export function ttlMapGet(a: TtlAccess, name: string, field: string): Primitive {
  accessed(a, name);
  const entry = currentEntry(a.ctx);
  const m = entry?.get(name);
  if (!(m instanceof Map) || !m.has(field)) return null;
  const stamps = mapStamps(entry!.get(timestampName(name)));
  const v = m.get(field)!;
  if (isExpired(stamps.get(field), a.cfg.ttlMs, a.now)) {
    const rest: MapStateValue = new Map(m);
    rest.delete(field);
    if (rest.size === 0) cleanupOnRead(a, name);
    else {
      const restTs = new Map(stamps);
      restTs.delete(field);
      putStates(a.ctx, [[name, rest], [timestampName(name), restTs]]);
      a.ctx.onUpdate(name, rest);
    }
    return returnExpired(a) ? v : null;
  }
  if (a.cfg.updateType === 'OnReadAndWrite') {
    putStates(a.ctx, [[timestampName(name), new Map(stamps).set(field, a.now)]]);
    a.ctx.onUpdate(name, m);
  }
  return v;
}
export function ttlMapPut(a: TtlAccess, name: string, field: string, value: Primitive): void {
  accessed(a, name);
  const entry = currentEntry(a.ctx);
  const m = entry?.get(name);
  const next: MapStateValue = new Map(m instanceof Map ? m : undefined).set(field, value);
  putStates(a.ctx, [[name, next], [timestampName(name), new Map(mapStamps(entry?.get(timestampName(name)))).set(field, a.now)]]);
  a.ctx.onUpdate(name, next);
}

// ReducingState (TtlReducingState with TtlReduceFunction): an expired value is not folded in, unless returned
export function ttlReducingAdd(a: TtlAccess, name: string, value: number, reduce: (x: number, y: number) => number): number {
  accessed(a, name);
  const entry = currentEntry(a.ctx);
  const old = entry?.get(name);
  const usable = typeof old === 'number' && (returnExpired(a) || !isExpired(entry!.get(timestampName(name)), a.cfg.ttlMs, a.now)) ? old : undefined;
  const next = usable === undefined ? value : reduce(usable, value);
  putStates(a.ctx, [[name, next], [timestampName(name), a.now]]);
  a.ctx.onUpdate(name, next);
  return next;
}

// ---------------------------------------------------------------------------------------------
// Background cleanup outside the record path.

/** What of one key's entry survives at `now`: its unexpired states (TTL states filtered, others kept). */
function unexpiredEntry(op: PlanOperator, entry: KeyedStateEntry, now: number): KeyedStateEntry | null | 'same' {
  let out: KeyedStateEntry | null = null;
  for (const d of op.states) {
    const v = entry.get(d.name);
    if (v === undefined) continue;
    const kept = unexpiredOrNull(d.kind, v, entry.get(timestampName(d.name)), op.ttl!.ttlMs, now);
    if (kept !== null && !kept.changed) continue;
    out ??= new Map(entry);
    setOrRemove(out, d.name, kept);
  }
  if (out === null) return 'same';
  return out.size === 0 ? null : out;
}

/**
 * cleanupFullSnapshot: the table a full snapshot writes, expired entries left out (the
 * TtlStateSnapshotTransformer); the task's own state keeps them. `dropped` counts the keys left out.
 */
export function fullSnapshotWithoutExpired(table: KeyedStateTable, op: PlanOperator, now: number): { table: KeyedStateTable; dropped: number } {
  const out: KeyedStateTable = new Map();
  let dropped = 0;
  for (const [g, group] of table) {
    let copy: Map<string, KeyedStateEntry> | null = null;
    for (const [key, entry] of group) {
      const kept = unexpiredEntry(op, entry, now);
      if (kept === 'same') continue;
      copy ??= new Map(group);
      if (kept === null) {
        copy.delete(key);
        dropped++;
      } else copy.set(key, kept);
    }
    out.set(g, copy ?? group);
  }
  return { table: out, dropped };
}

/**
 * FlinkCompactionFilter: a compaction rewrites every file, and drops what is expired by the time
 * it runs (it re-reads the time every queryTimeAfterNumEntries entries; a compaction here takes
 * no simulated time, so the time is one). Returns how many keys it removed.
 */
export function compactionFilter(table: KeyedStateTable, op: PlanOperator, now: number): number {
  const changes: [number, string, KeyedStateEntry | null][] = [];
  for (const [g, group] of table) {
    for (const [key, entry] of group) {
      const kept = unexpiredEntry(op, entry, now);
      if (kept !== 'same') changes.push([g, key, kept]);
    }
  }
  let removed = 0;
  for (const [g, key, kept] of changes) {
    rewriteEntry(table, g, key, (e) => {
      e.clear();
      if (kept) for (const [n, v] of kept) e.set(n, v);
    });
    if (kept === null) removed++;
  }
  return removed;
}

/** Keys in the table, and of them those holding an expired value not cleaned up yet. */
export function countEntries(table: KeyedStateTable, op: PlanOperator, now: number): { entries: number; expired: number } {
  let entries = 0;
  let expired = 0;
  for (const group of table.values()) {
    entries += group.size;
    if (!op.ttl) continue;
    for (const entry of group.values()) if (unexpiredEntry(op, entry, now) !== 'same') expired++;
  }
  return { entries, expired };
}

/** countEntries over every subtask of a keyed operator. */
export function countOperatorEntries(state: { subtasks: readonly { keyed: KeyedStateTable }[] }, op: PlanOperator, now: number): { entries: number; expired: number } {
  let entries = 0;
  let expired = 0;
  for (const sid of op.subtasks) {
    const n = countEntries(state.subtasks[sid].keyed, op, now);
    entries += n.entries;
    expired += n.expired;
  }
  return { entries, expired };
}
