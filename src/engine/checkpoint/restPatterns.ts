import type { CheckpointStats } from './restStats';

// Patterns in checkpoint statistics that a lesson explains, as data: which pattern, which lesson,
// which checkpoints show it, and the figures that show it. They read the REST-shaped statistics,
// so they hold for a simulated run and for a real job imported from Flink's REST API alike.

export type PatternId = 'alignment-dominates' | 'start-delay-dominates' | 'persisted-in-flight' | 'checkpoints-expiring' | 'async-dominates';

export interface PatternNote {
  pattern: PatternId;
  /** the lesson that explains it */
  lesson: 'backpressure' | 'unaligned' | 'state-backends';
  /** ids of the checkpoints that show it, ascending */
  checkpoints: number[];
  /** the figures, in words */
  evidence: string;
}

/** A part "dominates" a checkpoint when it takes at least this share of its end-to-end duration. */
export const DOMINANT_SHARE = 0.5;

interface Slowest { alignment: number; startDelay: number; async: number; endToEnd: number }

/** Per checkpoint, the subtask figures at their largest (only where subtask details were given). */
function slowest(cp: CheckpointStats): Slowest | null {
  const subtasks = Object.values(cp.tasks).flatMap((t) => t.subtasks).filter((s) => s.status === 'completed');
  if (!subtasks.length || cp.end_to_end_duration <= 0) return null;
  return {
    alignment: Math.max(...subtasks.map((s) => s.alignment.duration)),
    startDelay: Math.max(...subtasks.map((s) => s.start_delay)),
    async: Math.max(...subtasks.map((s) => s.checkpoint.async)),
    endToEnd: cp.end_to_end_duration,
  };
}

function note(pattern: PatternId, lesson: PatternNote['lesson'], ids: number[], evidence: string): PatternNote[] {
  return ids.length ? [{ pattern, lesson, checkpoints: [...new Set(ids)].sort((a, b) => a - b), evidence }] : [];
}

/** Expired checkpoints: Flink's message for a checkpoint that ran past execution.checkpointing.timeout. */
const EXPIRED = /expired|timeout|timed out/i;

export function checkpointPatterns(stats: { history: readonly CheckpointStats[] }, _config?: unknown): PatternNote[] {
  const h = stats.history;
  const alignment: number[] = [];
  const startDelay: number[] = [];
  const async: number[] = [];
  for (const cp of h) {
    if (cp.status !== 'COMPLETED') continue;
    const s = slowest(cp);
    if (!s) continue;
    if (s.alignment >= DOMINANT_SHARE * s.endToEnd) alignment.push(cp.id);
    else if (s.startDelay >= DOMINANT_SHARE * s.endToEnd) startDelay.push(cp.id);
    else if (s.async >= DOMINANT_SHARE * s.endToEnd) async.push(cp.id);
  }
  const persisted = h.filter((cp) => cp.persisted_data > 0).map((cp) => cp.id);
  const expired = h.filter((cp) => cp.status === 'FAILED' && EXPIRED.test(cp.failure_message ?? '')).map((cp) => cp.id);
  const pct = `${Math.round(DOMINANT_SHARE * 100)}%`;
  return [
    ...note('alignment-dominates', 'backpressure', alignment, `a subtask's alignment took at least ${pct} of the end-to-end duration: barriers waited behind back-pressured channels`),
    ...note('start-delay-dominates', 'backpressure', startDelay, `a subtask's start delay (first barrier's arrival after the trigger) took at least ${pct} of the end-to-end duration: barriers queued behind in-flight records`),
    ...note('checkpoints-expiring', 'backpressure', expired, 'checkpoints failed by running past execution.checkpointing.timeout'),
    ...note('persisted-in-flight', 'unaligned', persisted, 'in-flight data was persisted with the snapshot: unaligned checkpoints (or aligned ones that timed out into unaligned)'),
    ...note('async-dominates', 'state-backends', async, `the asynchronous part (uploading state to checkpoint storage) took at least ${pct} of the end-to-end duration`),
  ];
}
