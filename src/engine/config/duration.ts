// Flink's duration syntax: "500 ms", "10 s", "2 min", "1 h", "10s", or a plain number of milliseconds.

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ...['ms', 'milli', 'millis', 'millisecond', 'milliseconds'].map((u) => [u, 1] as const),
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((u) => [u, 1000] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((u) => [u, 60_000] as const),
  ...['h', 'hour', 'hours'].map((u) => [u, 3_600_000] as const),
  ...['d', 'day', 'days'].map((u) => [u, 86_400_000] as const),
]);

/** The longest duration anything here takes: 10 years (of 365 days). */
export const MAX_DURATION_MS = 10 * 365 * 86_400_000;
export const MAX_DURATION_TEXT = '10 years';

// Longer text cannot be a duration in range; refusing it first keeps the matching cheap.
const MAX_DURATION_CHARS = 64;

export const DURATION_SYNTAX = `a duration such as "500 ms", "10 s", "2 min" or plain milliseconds (up to ${MAX_DURATION_TEXT})`;

/** Milliseconds, or null when the text is not a duration from 0 to MAX_DURATION_MS. */
export function parseDuration(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 && text <= MAX_DURATION_MS ? text : null;
  if (typeof text !== 'string' || text.length > MAX_DURATION_CHARS) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return null;
  const factor = UNIT_MS.get(m[2].toLowerCase() || 'ms');
  if (factor === undefined) return null;
  const ms = Number(m[1]) * factor;
  return Number.isFinite(ms) && ms <= MAX_DURATION_MS ? ms : null;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(ms % 60_000 === 0 ? 0 : 2)} min`;
  return `${+(ms / 3_600_000).toFixed(2)} h`;
}
