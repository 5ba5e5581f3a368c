import type { KeyedStateEntry, KeyedStateTable, MapStateValue, Primitive, StateValue } from '../model/types';

// Keyed state scoped to the current key, stored per key group, as Flink's heap backend does.
// Values are replaced, never mutated in place, so a copy of the table's entries is a consistent
// view of the state at that moment (the copy-on-write of Flink's heap snapshots).

export class KeyedStateAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyedStateAccessError';
  }
}

export interface KeyContext {
  table: KeyedStateTable;
  /** null outside a keyed context */
  key: string | null;
  keyGroup: number;
  onUpdate: (state: string, value: StateValue | undefined) => void;
}

function entryFor(ctx: KeyContext, create: boolean): KeyedStateEntry | undefined {
  if (ctx.key === null) throw new KeyedStateAccessError('keyed state was used outside a keyed context (no current key)');
  let group = ctx.table.get(ctx.keyGroup);
  if (!group) {
    if (!create) return undefined;
    ctx.table.set(ctx.keyGroup, (group = new Map()));
  }
  let entry = group.get(ctx.key);
  if (!entry && create) group.set(ctx.key, (entry = new Map()));
  return entry;
}

function write(ctx: KeyContext, name: string, value: StateValue): void {
  entryFor(ctx, true)!.set(name, value);
  ctx.onUpdate(name, value);
}

export function clearState(ctx: KeyContext, name: string): void {
  const entry = entryFor(ctx, false);
  if (!entry || !entry.has(name)) return;
  entry.delete(name);
  if (entry.size === 0) ctx.table.get(ctx.keyGroup)!.delete(ctx.key!);
  ctx.onUpdate(name, undefined);
}

// ValueState
export function valueGet(ctx: KeyContext, name: string): Primitive {
  return (entryFor(ctx, false)?.get(name) ?? null) as Primitive;
}
export function valueUpdate(ctx: KeyContext, name: string, value: Primitive): void {
  write(ctx, name, value);
}

// ListState
export function listGet(ctx: KeyContext, name: string): readonly Primitive[] {
  return (entryFor(ctx, false)?.get(name) as Primitive[] | undefined) ?? [];
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
  const m = entryFor(ctx, false)?.get(name) as MapStateValue | undefined;
  return m?.get(field) ?? null;
}
export function mapPut(ctx: KeyContext, name: string, field: string, value: Primitive): void {
  const m = entryFor(ctx, false)?.get(name) as MapStateValue | undefined;
  write(ctx, name, new Map(m).set(field, value));
}
export function mapEntries(ctx: KeyContext, name: string): [string, Primitive][] {
  return [...((entryFor(ctx, false)?.get(name) as MapStateValue | undefined) ?? [])];
}

// ReducingState: add folds at once with the reduce function.
export function reducingAdd(ctx: KeyContext, name: string, value: number, reduce: (a: number, b: number) => number): number {
  const old = entryFor(ctx, false)?.get(name) as number | undefined;
  const next = old === undefined ? value : reduce(old, value);
  write(ctx, name, next);
  return next;
}
export function reducingGet(ctx: KeyContext, name: string): number | null {
  return (entryFor(ctx, false)?.get(name) as number | undefined) ?? null;
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
