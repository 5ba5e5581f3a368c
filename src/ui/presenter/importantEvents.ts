import type { LogLine, NarrationMsg } from '../../store/narrate';

// Which lines of the event log matter to a room: the presenter caption shows the latest of them, and
// the live region reads the fewer that change the story (a checkpoint completed or failed, a failure,
// a restore), at most one announcement per interval so a screen reader is not flooded.

type NarrationId = NarrationMsg['id'];

/** the presenter caption: what a speaker would point at */
const CAPTION = new Set<NarrationId>([
  'checkpointTriggered', 'aligning', 'unalignedFirst', 'barrierTimedOut', 'completed', 'failed', 'declined',
  'taskFailed', 'tasksCanceled', 'restored', 'restartedEmpty', 'jobManagerLost', 'jobManagerKept', 'taskManagerLost',
  'storageOutage', 'worldStopped', 'worldResumed',
]);

/** the live region: checkpoint completed or failed, a failure, a restore */
const ANNOUNCE = new Set<NarrationId>([
  'completed', 'failed', 'taskFailed', 'taskManagerLost', 'jobManagerLost', 'restored', 'restartedEmpty',
]);

/** how far back from the end of the log the caption looks */
const CAPTION_LOOKBACK = 500;

export function isCaptionWorthy(line: Pick<LogLine, 'msg'>): boolean {
  return line.msg !== undefined && CAPTION.has(line.msg.id);
}

export function isAnnounced(line: Pick<LogLine, 'msg'>): boolean {
  return line.msg !== undefined && ANNOUNCE.has(line.msg.id);
}

/** The latest line worth a caption, looking at most CAPTION_LOOKBACK lines back. */
export function latestCaptionLine(log: readonly LogLine[]): LogLine | null {
  for (let i = log.length - 1; i >= Math.max(0, log.length - CAPTION_LOOKBACK); i--) {
    if (isCaptionWorthy(log[i])) return log[i];
  }
  return null;
}

/** What the live region has said and holds back. `seen`: the id of the last log line looked at. */
export interface Announcements {
  seen: number;
  lastSaidAt: number;
  pending: LogLine[];
}

export const NO_ANNOUNCEMENTS: Announcements = { seen: -1, lastSaidAt: -Infinity, pending: [] };

/**
 * Takes the log's new lines. A log that went back (a rewind, a reset, another scenario) is not read
 * out: only what happens from then on is.
 */
export function takeLines(a: Announcements, log: readonly LogLine[]): Announcements {
  const last = log.length ? log[log.length - 1].id : -1;
  if (last <= a.seen) return last < a.seen ? { ...a, seen: last, pending: [] } : a;
  const fresh: LogLine[] = [];
  for (let i = log.length - 1; i >= 0 && log[i].id > a.seen; i--) {
    if (isAnnounced(log[i])) fresh.unshift(log[i]);
  }
  return { ...a, seen: last, pending: [...a.pending, ...fresh].slice(-20) };
}

/**
 * At `now` (ms, wall clock): the line to say, if the last announcement is at least `gapMs` old, and
 * how many held-back lines it stands for (the latest is said, the others counted).
 */
export function due(a: Announcements, now: number, gapMs: number): { say: LogLine | null; skipped: number; next: Announcements } {
  if (!a.pending.length || now - a.lastSaidAt < gapMs) return { say: null, skipped: 0, next: a };
  const say = a.pending[a.pending.length - 1];
  return { say, skipped: a.pending.length - 1, next: { ...a, pending: [], lastSaidAt: now } };
}
