import type { KeyedStateTable, Primitive, StateValue } from '../model/types';

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

function entryFor(ctx: KeyContext, create: boolean): { [state: string]: StateValue } | undefined {
  if (ctx.key === null) throw new KeyedStateAccessError('keyed state was used outside a keyed context (no current key)');
  let group = ctx.table[ctx.keyGroup];
  if (!group) {
    if (!create) return undefined;
    group = ctx.table[ctx.keyGroup] = {};
  }
  let entry = group[ctx.key];
  if (!entry && create) entry = group[ctx.key] = {};
  return entry;
}

function write(ctx: KeyContext, name: string, value: StateValue): void {
  entryFor(ctx, true)![name] = value;
  ctx.onUpdate(name, value);
}

export function clearState(ctx: KeyContext, name: string): void {
  const entry = entryFor(ctx, false);
  if (!entry || !(name in entry)) return;
  delete entry[name];
  if (Object.keys(entry).length === 0) delete ctx.table[ctx.keyGroup][ctx.key!];
  ctx.onUpdate(name, undefined);
}

// ValueState
export function valueGet(ctx: KeyContext, name: string): Primitive {
  return (entryFor(ctx, false)?.[name] ?? null) as Primitive;
}
export function valueUpdate(ctx: KeyContext, name: string, value: Primitive): void {
  write(ctx, name, value);
}

// ListState
export function listGet(ctx: KeyContext, name: string): readonly Primitive[] {
  return (entryFor(ctx, false)?.[name] as Primitive[] | undefined) ?? [];
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
  const m = entryFor(ctx, false)?.[name] as Record<string, Primitive> | undefined;
  return m?.[field] ?? null;
}
export function mapPut(ctx: KeyContext, name: string, field: string, value: Primitive): void {
  const m = (entryFor(ctx, false)?.[name] as Record<string, Primitive> | undefined) ?? {};
  write(ctx, name, { ...m, [field]: value });
}
export function mapEntries(ctx: KeyContext, name: string): [string, Primitive][] {
  return Object.entries((entryFor(ctx, false)?.[name] as Record<string, Primitive> | undefined) ?? {});
}

// ReducingState: add folds at once with the reduce function.
export function reducingAdd(ctx: KeyContext, name: string, value: number, reduce: (a: number, b: number) => number): number {
  const old = entryFor(ctx, false)?.[name] as number | undefined;
  const next = old === undefined ? value : reduce(old, value);
  write(ctx, name, next);
  return next;
}
export function reducingGet(ctx: KeyContext, name: string): number | null {
  return (entryFor(ctx, false)?.[name] as number | undefined) ?? null;
}
