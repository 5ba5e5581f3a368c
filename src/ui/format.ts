// How numbers read on screen: simulated time, durations and sizes in Flink's web UI style.

export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '-';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 2 : 1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** A state value as one line: lists as [a, b], maps as k: v, k: v. */
export function formatStateValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(formatStateValue).join(', ')}]`;
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${formatStateValue(x)}`).join(', ');
  return String(v);
}
