import { oracleSteps, type OracleResult, type SimState } from '../engine';
import type { RunId } from './appState';

// The exactly-once oracle of both compared runs, kept up to date while they play: a background
// loop that, frame after frame, spends at most a few milliseconds draining a copy of one run and
// its fault-free reference (the engine's own stepwise oracle), then judges the other run, and so
// on. Each verdict says the moment it judged: while the runs play it trails them by the time one
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

export function liveOracle(budgetMs = ORACLE_FRAME_MS, now: () => number = () => performance.now()): LiveOracle {
  /** the stamp each run was last judged at (or is being judged at) */
  const judgedStamp = new Map<RunId, unknown>();
  let judging: Judging | null = null;
  let next = 0;
  let longest = 0;

  const pick = (runs: { id: RunId; state: SimState; stamp: unknown }[]): Judging | null => {
    for (let k = 0; k < runs.length; k++) {
      const r = runs[(next + k) % runs.length];
      if (judgedStamp.get(r.id) === r.stamp) continue;
      next = (next + k + 1) % runs.length;
      judgedStamp.set(r.id, r.stamp);
      // the run plays on meanwhile: the oracle judges a copy of this moment (taken now, a piece of its own)
      return { id: r.id, stamp: r.stamp, at: r.state.now, state: structuredClone(r.state), steps: null };
    }
    return null;
  };

  return {
    frame(runs) {
      const out = new Map<RunId, LiveVerdict>();
      // a run that went away (the comparison closed) is not judged on
      if (judging && !runs.some((r) => r.id === judging!.id)) judging = null;
      for (const id of [...judgedStamp.keys()]) if (!runs.some((r) => r.id === id)) judgedStamp.delete(id);
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
