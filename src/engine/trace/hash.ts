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

export function mixNumber(h: number, v: number): number {
  return mixInt(h, Math.round(v * 1000) >>> 0);
}

export function hashEvent(h: number, ev: TraceEvent): number {
  const fields = ev as unknown as Record<string, unknown>;
  for (const k of TRACE_EVENT_FIELDS[ev.type]) {
    const v = fields[k];
    if (typeof v === 'number') h = mixNumber(h, v);
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
