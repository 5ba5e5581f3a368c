import type { KeyedStateEntry, KeyedStateTable, Rec, StateValue } from '../model/types';

// How many bytes things take when serialised: the basis of every size the checkpoint statistics
// show. A simple, stable model: UTF-16 strings at one byte a character (ASCII keys), 8 bytes a
// number, 1 a boolean or null, 4 bytes of length for collections, 8 bytes of framing per entry.

export function valueBytes(v: StateValue): number {
  if (v === null || typeof v === 'boolean') return 1;
  if (typeof v === 'number') return 8;
  if (typeof v === 'string') return 4 + v.length;
  if (Array.isArray(v)) return v.reduce<number>((n, x) => n + valueBytes(x), 4);
  let n = 4;
  for (const [k, x] of v) n += 4 + k.length + valueBytes(x);
  return n;
}

/** A key's own share of its entry: framing, key group prefix, the key. */
export function keyBytes(key: string): number {
  return 8 + 2 + key.length;
}

/** One state of an entry: its name and value. */
export function stateBytes(name: string, value: StateValue): number {
  // a TTL state's last-access timestamps (stateTtl.ts): Flink's TtlValue adds a long to each value
  if (name.charCodeAt(name.length - 1) === 108 && name.endsWith('@ttl')) return 8 * (Array.isArray(value) ? value.length : value instanceof Map ? value.size : 1);
  return name.length + valueBytes(value);
}

/** One key's entry of keyed state: key, key group prefix, every state's value. */
export function entryBytes(key: string, entry: KeyedStateEntry): number {
  let n = keyBytes(key);
  for (const [name, value] of entry) n += stateBytes(name, value);
  return n;
}

export function keyedStateBytes(table: KeyedStateTable): number {
  let n = 0;
  for (const group of table.values()) {
    for (const [key, entry] of group) n += entryBytes(key, entry);
  }
  return n;
}

/** A record as it sits in a network buffer. */
export function recordBytes(rec: Rec): number {
  return 4 + rec.key.length + 8 * 4;
}

/** Source split state: topic, partition and offset. */
export function splitBytes(topic: string): number {
  return 4 + topic.length + 4 + 8;
}
