import { TRACE_EVENT_FIELDS, type TraceEvent } from './events';

// FNV-1a style mixing over the event's fields in their declared order (TRACE_EVENT_FIELDS), so the
// order in which an emitter wrote an object's keys cannot change the hash. Numbers are hashed at
// microsecond resolution so that fractional simulated times still hash deterministically.

export const TRACE_HASH_SEED = 0x811c9dc5;

export function mixInt(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xff), 0x01000193);
  h = Math.imul(h ^ ((n >>> 8) & 0xff), 0x01000193);
  h = Math.imul(h ^ ((n >>> 16) & 0xff), 0x01000193);
  return Math.imul(h ^ (n >>> 24), 0x01000193);
}

export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0xff, 0x01000193);
}

/**
 * mixString(h, String(v)) for a number, without building the text: an integer of 32 bits mixes
 * its decimal digits (and a leading minus) straight away; any other number goes through its text.
 */
export function mixNumberText(h: number, v: number): number {
  if (!Number.isInteger(v) || v <= -2147483648 || v >= 2147483648) return mixString(h, String(v));
  if (v < 0) {
    h = Math.imul(h ^ 45, 0x01000193); // '-'
    v = -v;
  }
  let p = 1;
  while (p * 10 <= v) p *= 10;
  for (; p >= 1; p /= 10) {
    const d = Math.floor(v / p);
    h = Math.imul(h ^ (48 + d), 0x01000193);
    v -= d * p;
  }
  return Math.imul(h ^ 0xff, 0x01000193);
}

export function mixNumber(h: number, v: number): number {
  return mixInt(h, Math.round(v * 1000) >>> 0);
}

/**
 * A text known in advance (an event's type name), ready to be mixed in one step. For a character
 * c < 256, (h ^ c) * P changes h's low byte only before the multiply, so the low byte after a
 * step depends on the low byte before it alone; by induction, mixing n such characters turns h
 * into (h with its low byte cleared) * P^n + table[h's low byte], all modulo 2^32.
 */
export interface FixedText { readonly pn: number; readonly table: Int32Array }

export function fixedText(text: string): FixedText {
  let pn = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) throw new RangeError(`fixedText: ${JSON.stringify(text)} has a character above U+00FF`);
    pn = Math.imul(pn, 0x01000193);
  }
  pn = Math.imul(pn, 0x01000193); // mixString's end marker
  const table = new Int32Array(256);
  for (let low = 0; low < 256; low++) table[low] = mixString(low, text);
  return { pn, table };
}

/** mixString(h, text) for the text `f` was made from, in one step (h a 32-bit hash). */
export function mixFixed(h: number, f: FixedText): number {
  return (Math.imul(h & ~0xff, f.pn) + f.table[h & 0xff]) | 0;
}

// every event's type name, mixed in one step
const typeTexts = new Map<string, FixedText>();

export function hashEvent(h: number, ev: TraceEvent): number {
  const fields = ev as unknown as Record<string, unknown>;
  const names: readonly string[] = TRACE_EVENT_FIELDS[ev.type];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const v = fields[name];
    if (name === 'type') {
      let type = typeTexts.get(ev.type);
      if (type === undefined) typeTexts.set(ev.type, (type = fixedText(ev.type)));
      h = mixFixed(h, type);
    } else if (typeof v === 'number') h = mixNumber(h, v);
    else if (typeof v === 'string') h = mixString(h, v);
    else if (typeof v === 'boolean') h = mixInt(h, v ? 1 : 2);
  }
  return h >>> 0;
}

export function formatTraceHash(h: number): string {
  return h.toString(16).padStart(8, '0');
}

/** One line per event, for logs and diffs. */
export function formatTraceEvent(ev: TraceEvent): string {
  const { type, time, ...rest } = ev;
  return `${time.toFixed(3).padStart(12)} ${type} ${Object.entries(rest).map(([k, v]) => `${k}=${v}`).join(' ')}`;
}
