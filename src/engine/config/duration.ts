// Flink's duration syntax: "500 ms", "10 s", "2 min", "1 h", "10s", or a plain number of milliseconds.

const UNIT_MS: Record<string, number> = {
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

export const DURATION_SYNTAX = 'a duration such as "500 ms", "10 s", "2 min" or plain milliseconds';

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return null;
  const unit = m[2].toLowerCase() || 'ms';
  const factor = UNIT_MS[unit];
  return factor === undefined ? null : Number(m[1]) * factor;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(ms % 60_000 === 0 ? 0 : 2)} min`;
  return `${+(ms / 3_600_000).toFixed(2)} h`;
}
