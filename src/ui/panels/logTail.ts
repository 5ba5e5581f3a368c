import type { LogLine } from '../../store/narrate';

// The event log's lines as the panel shows them, read from the newest backwards so that a render
// costs what it shows, not the length of the log.

/** The last `max` lines whose kind is not hidden, oldest first (all of them when `max` is Infinity). */
export function keptTail(lines: readonly LogLine[], hidden: ReadonlySet<LogLine['kind']>, max: number): LogLine[] {
  const out: LogLine[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < max; i--) if (!hidden.has(lines[i].kind)) out.push(lines[i]);
  return out.reverse();
}

/** How many lines of `lines` (ids rising) came after the line `lastId` and are not hidden. */
export function countAfter(lines: readonly LogLine[], lastId: number, hidden: ReadonlySet<LogLine['kind']>): number {
  let n = 0;
  for (let i = lines.length - 1; i >= 0 && lines[i].id > lastId; i--) if (!hidden.has(lines[i].kind)) n++;
  return n;
}
