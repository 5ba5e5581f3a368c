import { oracleSteps, type OracleResult, type SimState } from '../engine';
import type { RunId } from './appState';

// The exactly-once oracle of both compared runs, kept up to date while they play: a worker
// (workerOracle) or, where there is none, a background loop that, frame after frame, spends at
// most a few milliseconds draining a copy of one run and its fault-free reference (the engine's
// own stepwise oracle), then judges the other run, and so on. Each verdict says the moment it judged: while the runs play it trails them by the time one
// verdict takes (about 25 ms of work for 30 s of `backpressure`, 200 ms for a minute of `wide`:
// npm run bench, compareOracle); once they pause it catches up with the moment shown.

/** real ms of oracle work per frame: what the page can spare beside drawing two graphs */
export const ORACLE_FRAME_MS = 4;

export interface LiveVerdict { at: number; result: OracleResult }

interface Judging { id: RunId; stamp: unknown; at: number; state: SimState; steps: Generator<number, OracleResult> | null }

export interface LiveOracle {
  /**
   * One frame's share of the work: runs `runs()` names are judged in turn, each again once it
   * moved (its stamp changed). Returns the verdicts reached in this frame.
   */
  frame(runs: { id: RunId; state: SimState; stamp: unknown }[]): Map<RunId, LiveVerdict>;
  /** the longest single piece of oracle work so far, real ms (what one frame may take at worst) */
  longestPieceMs(): number;
}

/**
 * After each verdict the worker rests this many times as long as the verdict took: it shares two
 * cores with the page's main thread and the compositor's, and judging without a pause made the
 * frames of two runs side by side slower than the oracle in the frames did (its 4 ms a frame is a
 * quarter of a core). A verdict comes as often as before, and sooner after the moment it judged.
 */
export const ORACLE_WORKER_REST = 3;

/** A run's copy to judge, posted to the oracle's worker (oracleWorker.ts), and what it answers. */
export interface OracleJob { seq: number; state: SimState }
export type OracleReply = { seq: number; result: OracleResult } | { seq: number; error: string };

/** What workerOracle needs of a Worker: a stand-in runs the same protocol in a test. */
export interface OraclePort {
  postMessage(job: OracleJob): void;
  onmessage: ((e: { data: OracleReply }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  terminate(): void;
}

type JudgedRun = { id: RunId; state: SimState; stamp: unknown };

/** The next run to judge, in turn from `next`: one whose stamp moved since it was last judged. */
function nextToJudge(runs: JudgedRun[], judgedStamp: Map<RunId, unknown>, next: number): { run: JudgedRun; next: number } | null {
  for (let k = 0; k < runs.length; k++) {
    const r = runs[(next + k) % runs.length];
    if (judgedStamp.get(r.id) === r.stamp) continue;
    judgedStamp.set(r.id, r.stamp);
    return { run: r, next: (next + k + 1) % runs.length };
  }
  return null;
}

/** Forgets the runs that went away (the comparison closed), so a new run of that id is judged anew. */
function forgetGone(runs: JudgedRun[], judgedStamp: Map<RunId, unknown>): void {
  for (const id of [...judgedStamp.keys()]) if (!runs.some((r) => r.id === id)) judgedStamp.delete(id);
}

/**
 * The live oracle in a worker: one run's copy at a time goes to the worker (the structured clone
 * of postMessage is all the page's frame pays: the clone liveOracle made anyway), and its verdict
 * comes back a few frames later. A worker that fails (it cannot start, or throws) hands the work
 * to `fallback`, the oracle in the frames' spare time.
 */
export function workerOracle(port: OraclePort, fallback: () => LiveOracle, now: () => number = () => performance.now(), restFactor = ORACLE_WORKER_REST): LiveOracle & { dispose(): void } {
  const judgedStamp = new Map<RunId, unknown>();
  let waiting: { seq: number; id: RunId; at: number; sentAt: number } | null = null;
  /** no job is sent before this (real ms): the worker rests after each verdict */
  let restUntil = -Infinity;
  let seq = 0;
  let next = 0;
  let longest = 0;
  let arrived = new Map<RunId, LiveVerdict>();
  let instead: LiveOracle | null = null;
  const fail = () => {
    if (instead) return;
    instead = fallback();
    waiting = null;
    port.terminate();
  };
  port.onmessage = (e) => {
    const reply = e.data;
    if (!waiting || reply.seq !== waiting.seq) return;
    if ('error' in reply) return fail();
    arrived.set(waiting.id, { at: waiting.at, result: reply.result });
    const t = now();
    restUntil = t + restFactor * (t - waiting.sentAt);
    waiting = null;
  };
  port.onerror = fail;
  return {
    frame(runs) {
      if (instead) return instead.frame(runs);
      forgetGone(runs, judgedStamp);
      if (waiting && !runs.some((r) => r.id === waiting!.id)) waiting = null;
      if (!waiting && now() >= restUntil) {
        const picked = nextToJudge(runs, judgedStamp, next);
        if (picked) {
          next = picked.next;
          const before = now();
          waiting = { seq: ++seq, id: picked.run.id, at: picked.run.state.now, sentAt: before };
          try {
            port.postMessage({ seq, state: picked.run.state });
          } catch {
            fail();
            return instead!.frame(runs);
          }
          longest = Math.max(longest, now() - before);
        }
      }
      const out = arrived;
      arrived = new Map();
      return out;
    },
    longestPieceMs: () => Math.max(longest, instead?.longestPieceMs() ?? 0),
    dispose: () => port.terminate(),
  };
}

export function liveOracle(budgetMs = ORACLE_FRAME_MS, now: () => number = () => performance.now()): LiveOracle {
  /** the stamp each run was last judged at (or is being judged at) */
  const judgedStamp = new Map<RunId, unknown>();
  let judging: Judging | null = null;
  let next = 0;
  let longest = 0;

  const pick = (runs: JudgedRun[]): Judging | null => {
    const picked = nextToJudge(runs, judgedStamp, next);
    if (!picked) return null;
    next = picked.next;
    const r = picked.run;
    // the run plays on meanwhile: the oracle judges a copy of this moment (taken now, a piece of its own)
    return { id: r.id, stamp: r.stamp, at: r.state.now, state: structuredClone(r.state), steps: null };
  };

  return {
    frame(runs) {
      const out = new Map<RunId, LiveVerdict>();
      // a run that went away (the comparison closed) is not judged on
      if (judging && !runs.some((r) => r.id === judging!.id)) judging = null;
      forgetGone(runs, judgedStamp);
      const started = now();
      while (now() - started < budgetMs) {
        const before = now();
        if (!judging) {
          judging = pick(runs);
          if (!judging) break;
          longest = Math.max(longest, now() - before);
          continue;
        }
        judging.steps ??= oracleSteps(judging.state, { ownState: true });
        const step = judging.steps.next();
        longest = Math.max(longest, now() - before);
        if (!step.done) continue;
        out.set(judging.id, { at: judging.at, result: step.value });
        judging = null;
      }
      return out;
    },
    longestPieceMs: () => longest,
  };
}
