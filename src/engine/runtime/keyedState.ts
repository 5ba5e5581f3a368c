import type { KeyedStateEntry, KeyedStateTable, MapStateValue, Primitive, SimKey, StateValue } from '../model/types';
import { entryBytes, keyBytes, stateBytes } from '../kernels/snapshotSizing';

// Keyed state scoped to the current key, stored per key group, as Flink's heap backend does.
// Snapshots take the table's key groups as they are and share them with the task (the
// copy-on-write of Flink's CopyOnWriteStateMap, by key group): before the task next writes to a
// shared key group it copies that group shallowly, and each key's entry on its first write, so the
// snapshot never sees a later write. Values are replaced, never mutated in place.

export class KeyedStateAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyedStateAccessError';
  }
}

export type KeyGroupState = Map<SimKey, KeyedStateEntry>;

/** What the backend knows about one table beyond its contents; never part of the simulation state. */
interface HeapTable {
  table: KeyedStateTable;
  /**
   * By key group: the group map the task made itself since the table's last snapshot and may
   * change in place. Any other group may be shared: a snapshot's, a restored checkpoint's, a
   * cloned state's. A table nobody registered (cloned, restored) owns nothing, so it copies first.
   */
  owned: (KeyGroupState | undefined)[];
  /**
   * By key group: the size of the group it owns as a snapshot writes it (keyGroupBytes), kept up to
   * date by each state write; -1 or a hole when not known (the next snapshot walks that group).
   * Numbers only, so V8 keeps them unboxed.
   */
  bytes: number[];
  /**
   * The stamp of the entries the task made itself since the table's last snapshot, which it may
   * change in place (see OWNER). A new one at every snapshot, and for every new HeapTable.
   */
  epoch: number;
  /** the last key looked up, with its group and entry as they are in the table */
  key: SimKey | null;
  keyGroup: number;
  group: KeyGroupState | undefined;
  entry: KeyedStateEntry | undefined;
}

const heapTables = new WeakMap<KeyedStateTable, HeapTable>();

// The epoch an entry was made in, on the entry itself: a property, not a set of the keys made,
// since the check runs on every state write. Entries of a cloned or restored table carry no stamp
// (structuredClone does not copy it), so they are copied on their first write.
const OWNER = Symbol('heap entry epoch');
type StampedEntry = KeyedStateEntry & { [OWNER]?: number };
let epochs = 0;

function heapTableOf(table: KeyedStateTable): HeapTable {
  let t = heapTables.get(table);
  if (!t) heapTables.set(table, (t = { table, owned: [], bytes: [], epoch: ++epochs, key: null, keyGroup: -1, group: undefined, entry: undefined }));
  return t;
}

export interface KeyContext {
  table: KeyedStateTable;
  /** null outside a keyed context */
  key: string | null;
  keyGroup: number;
  onUpdate: (state: string, value: StateValue | undefined) => void;
  /** the backend's bookkeeping for `table`, found on first use */
  heap?: HeapTable;
}

/**
 * The synchronous part of a heap snapshot: the table's key groups as they are now, shared with
 * the task from here on. Costs one step per key group, whatever their size.
 */
export function snapshotKeyedState(table: KeyedStateTable): KeyedStateTable {
  const t = heapTables.get(table);
  if (t) {
    // the groups the task wrote are shared from now on, with the sizes it kept up to date
    for (let g = 0; g < t.owned.length; g++) {
      const group = t.owned[g];
      const bytes = t.bytes[g];
      if (group !== undefined && bytes >= 0) sharedGroupBytes.set(group, bytes);
    }
    t.owned.length = 0;
    t.bytes.length = 0;
    t.epoch = ++epochs;
  }
  return new Map(table);
}

// A key group's size as a snapshot writes it (snapshotSizing's entryBytes summed), for the
// checkpoint statistics. A shared group never changes, so its size is worked out once: by the task
// as it wrote the group (write), or else by a walk of it at its first snapshot.
const sharedGroupBytes = new WeakMap<KeyGroupState, number>();

/** The size of a key group of a snapshot (a shared group: it never changes). */
export function keyGroupBytes(group: KeyGroupState): number {
  let bytes = sharedGroupBytes.get(group);
  if (bytes === undefined) {
    bytes = 0;
    for (const [key, entry] of group) bytes += entryBytes(key, entry);
    sharedGroupBytes.set(group, bytes);
  }
  return bytes;
}

/**
 * A group's size after setting state `name` of `key` from `old` (undefined: none; `entry`
 * undefined: a new key) to `value`, as entryBytes counts it. A number replacing a number leaves
 * it as it is: write does not call this then.
 */
function bytesAfterWrite(bytes: number, key: SimKey, entry: KeyedStateEntry | undefined, old: StateValue | undefined, name: string, value: StateValue): number {
  if (old === undefined) return bytes + (entry === undefined ? keyBytes(key) : 0) + stateBytes(name, value);
  return bytes - stateBytes(name, old) + stateBytes(name, value);
}


/** The table's state of the current key, looked up once per key. */
function current(ctx: KeyContext): HeapTable {
  const key = ctx.key;
  if (key === null) throw new KeyedStateAccessError('keyed state was used outside a keyed context (no current key)');
  let t = ctx.heap;
  if (t === undefined || t.table !== ctx.table) t = ctx.heap = heapTableOf(ctx.table);
  if (t.key !== key || t.keyGroup !== ctx.keyGroup) {
    t.key = key;
    t.keyGroup = ctx.keyGroup;
    t.group = ctx.table.get(ctx.keyGroup);
    t.entry = t.group?.get(key);
  }
  return t;
}

function readEntry(ctx: KeyContext): KeyedStateEntry | undefined {
  return current(ctx).entry;
}

/**
 * A shallow copy, in the same order. Set by set: V8's Map constructor goes through the iterator
 * protocol and takes about twice as long for the one-state entries most keys hold (146 vs 65 ns).
 */
function copyOf<K, V>(map: Map<K, V>): Map<K, V> {
  const copy = new Map<K, V>();
  for (const [k, v] of map) copy.set(k, v);
  return copy;
}

/** The current key group, the task's own: created, or copied when it may be shared. */
function writableGroup(table: KeyedStateTable, t: HeapTable): KeyGroupState {
  const g = t.keyGroup;
  let group = t.group;
  if (group !== undefined && t.owned[g] === group) return group;
  // a shared group is copied shallowly: its entries stay shared until each is written (writableEntry)
  t.bytes[g] = group === undefined ? 0 : (sharedGroupBytes.get(group) ?? -1);
  group = group === undefined ? new Map() : copyOf(group);
  table.set(g, group);
  t.owned[g] = group;
  t.group = group;
  t.entry = group.get(t.key!);
  return group;
}

/** The current key's entry in its (writable) group, the task's own: created, or copied when it may be shared. */
function writableEntry(t: HeapTable, group: KeyGroupState): KeyedStateEntry {
  const entry = t.entry as StampedEntry | undefined;
  if (entry !== undefined && entry[OWNER] === t.epoch) return entry;
  const own: StampedEntry = entry === undefined ? new Map() : copyOf(entry);
  own[OWNER] = t.epoch;
  group.set(t.key!, own);
  return (t.entry = own);
}

function write(ctx: KeyContext, name: string, value: StateValue): void {
  const t = current(ctx);
  const group = writableGroup(ctx.table, t);
  const g = t.keyGroup;
  const bytes = t.bytes[g];
  if (bytes >= 0) {
    const entry = t.entry;
    const old = entry === undefined ? undefined : entry.get(name);
    if (typeof old !== 'number' || typeof value !== 'number') t.bytes[g] = bytesAfterWrite(bytes, t.key!, entry, old, name, value);
  }
  writableEntry(t, group).set(name, value);
  ctx.onUpdate(name, value);
}

/** The current key group's size is not known any more: the next snapshot walks it. */
function forgetBytes(t: HeapTable): void {
  t.bytes[t.keyGroup] = -1;
}

export function clearState(ctx: KeyContext, name: string): void {
  const t = current(ctx);
  if (!t.entry || !t.entry.has(name)) return;
  const group = writableGroup(ctx.table, t);
  forgetBytes(t);
  const entry = writableEntry(t, group);
  entry.delete(name);
  if (entry.size === 0) {
    group.delete(t.key!);
    t.entry = undefined;
  }
  ctx.onUpdate(name, undefined);
}

// ValueState
export function valueGet(ctx: KeyContext, name: string): Primitive {
  return (readEntry(ctx)?.get(name) ?? null) as Primitive;
}
export function valueUpdate(ctx: KeyContext, name: string, value: Primitive): void {
  write(ctx, name, value);
}

// ListState
export function listGet(ctx: KeyContext, name: string): readonly Primitive[] {
  return (readEntry(ctx)?.get(name) as Primitive[] | undefined) ?? [];
}
export function listAdd(ctx: KeyContext, name: string, value: Primitive): void {
  if (value === null) throw new KeyedStateAccessError(`ListState "${name}": adding null is not allowed`);
  write(ctx, name, [...listGet(ctx, name), value]);
}
export function listUpdate(ctx: KeyContext, name: string, values: Primitive[]): void {
  write(ctx, name, [...values]);
}

// MapState
export function mapGet(ctx: KeyContext, name: string, field: string): Primitive {
  const m = readEntry(ctx)?.get(name) as MapStateValue | undefined;
  return m?.get(field) ?? null;
}
export function mapPut(ctx: KeyContext, name: string, field: string, value: Primitive): void {
  const m = readEntry(ctx)?.get(name) as MapStateValue | undefined;
  write(ctx, name, new Map(m).set(field, value));
}
export function mapEntries(ctx: KeyContext, name: string): [string, Primitive][] {
  return [...((readEntry(ctx)?.get(name) as MapStateValue | undefined) ?? [])];
}

// ReducingState: add folds at once with the reduce function.
export function reducingAdd(ctx: KeyContext, name: string, value: number, reduce: (a: number, b: number) => number): number {
  const old = readEntry(ctx)?.get(name) as number | undefined;
  const next = old === undefined ? value : reduce(old, value);
  write(ctx, name, next);
  return next;
}
export function reducingGet(ctx: KeyContext, name: string): number | null {
  return (readEntry(ctx)?.get(name) as number | undefined) ?? null;
}

/**
 * A state value as JSON sees it: a MapState becomes a prototype-free object filled by assignment,
 * so a field named "__proto__" stays a field. Field order is an object's (integer-like first).
 */
export function plainStateValue(v: StateValue): Primitive | Primitive[] | { [field: string]: Primitive } {
  if (!(v instanceof Map)) return v;
  const out: { [field: string]: Primitive } = Object.create(null);
  for (const [field, x] of v) out[field] = x;
  return out;
}

// ---------------------------------------------------------------------------------------------
// For state TTL (stateTtl.ts): raw access to the current key's entry, and changes to any key's
// entry from outside the record path (cleanup), with the same copy-on-write as the state calls.

/** The current key's entry as it is (shared or not): read it, never change it. */
export function currentEntry(ctx: KeyContext): KeyedStateEntry | undefined {
  return readEntry(ctx);
}

/** Sets these states of the current key (a value's timestamp beside it); the caller reports the update. */
export function putStates(ctx: KeyContext, values: readonly (readonly [string, StateValue])[]): void {
  const t = current(ctx);
  const entry = writableEntry(t, writableGroup(ctx.table, t));
  forgetBytes(t);
  for (const [name, value] of values) entry.set(name, value);
}

/** Removes these states of the current key, and the key once it holds none; the caller reports the update. */
export function removeStates(ctx: KeyContext, names: readonly string[]): void {
  const t = current(ctx);
  if (!t.entry || !names.some((n) => t.entry!.has(n))) return;
  const group = writableGroup(ctx.table, t);
  forgetBytes(t);
  const entry = writableEntry(t, group);
  for (const n of names) entry.delete(n);
  if (entry.size === 0) {
    group.delete(t.key!);
    t.entry = undefined;
  }
}

/**
 * Rewrites one key's entry anywhere in `table` (TTL cleanup visiting other keys): `change` gets
 * the task's own copy of the entry and edits it; an entry left empty is removed with its key.
 */
export function rewriteEntry(table: KeyedStateTable, keyGroup: number, key: SimKey, change: (entry: KeyedStateEntry) => void): void {
  const found = table.get(keyGroup);
  if (found?.get(key) === undefined) return;
  // point the table's lookup at this key, then take the task's own copies as a state write does
  const t = heapTableOf(table);
  t.key = key;
  t.keyGroup = keyGroup;
  t.group = found;
  t.entry = found.get(key);
  const group = writableGroup(table, t);
  forgetBytes(t);
  const entry = writableEntry(t, group);
  change(entry);
  if (entry.size === 0) {
    group.delete(key);
    t.entry = undefined;
  }
}
