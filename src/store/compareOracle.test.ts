import { describe, expect, it } from 'vitest';
import { builtinScenario, computeOracle, RunRecorder, Simulation, type RecordedCommand, type SimState } from '../engine';
import { liveOracle, type LiveVerdict } from './compareOracle';
import type { RunId } from './appState';

const KILL: RecordedCommand = { at: 10_000, command: { kind: 'fault', fault: { kind: 'task', subtask: 4 } } };

function runTo(t: number, conf: Record<string, string> = {}, commands: RecordedCommand[] = [KILL]): SimState {
  const sim = Simulation.create(builtinScenario('backpressure')!, { conf });
  return new RunRecorder(sim.state).replay(sim, commands, t).state;
}

/** frames until every run named has a verdict (a fake clock: each reading moves it on by `tick` ms) */
function judgeAll(runs: { id: RunId; state: SimState; stamp: unknown }[], budgetMs = 4, tick = 1) {
  let clock = 0;
  const oracle = liveOracle(budgetMs, () => (clock += tick));
  const got = new Map<RunId, LiveVerdict>();
  let frames = 0;
  while (got.size < runs.length && frames < 100_000) {
    for (const [id, v] of oracle.frame(runs)) got.set(id, v);
    frames++;
  }
  return { got, frames, oracle };
}

describe('the live oracle of two compared runs', () => {
  it('reaches the very verdict the oracle gives at once, for each run, at the moment it judged', () => {
    const a = runTo(24_000);
    const b = runTo(24_000, { 'execution.checkpointing.unaligned.enabled': 'true' });
    const { got } = judgeAll([{ id: 'a', state: a, stamp: 1 }, { id: 'b', state: b, stamp: 1 }]);
    for (const [id, state] of [['a', a], ['b', b]] as const) {
      const whole = computeOracle(state);
      expect(got.get(id)!.at).toBe(24_000);
      expect({ ...got.get(id)!.result }).toEqual({ ...whole });
    }
    // a plain sink restored after the kill writes some records twice
    expect(got.get('a')!.result.duplicates).toBeGreaterThan(0);
  });

  it('leaves the runs as they were: it judges copies', () => {
    const a = runTo(14_000);
    const before = a.traceHash;
    judgeAll([{ id: 'a', state: a, stamp: 1 }]);
    expect(a.traceHash).toBe(before);
    expect(a.now).toBe(14_000);
  });

  it('spends at most its budget per frame (plus one piece), and judges a run again only once it moved', () => {
    const a = runTo(20_000);
    let clock = 0;
    const readings: number[] = [];
    const oracle = liveOracle(4, () => {
      clock += 1;
      readings.push(clock);
      return clock;
    });
    const runs = [{ id: 'a' as const, state: a, stamp: 'v1' }];
    let verdicts = 0;
    for (let f = 0; f < 2000; f++) {
      const start = readings.length;
      verdicts += oracle.frame(runs).size;
      // each piece reads the clock twice and the loop once: 4 ms of budget are a handful of pieces
      expect(readings.length - start).toBeLessThanOrEqual(8);
    }
    expect(verdicts).toBe(1);
    // the run moved: judged again
    runs[0] = { id: 'a', state: runTo(21_000), stamp: 'v2' };
    let again = 0;
    for (let f = 0; f < 2000 && !again; f++) again = oracle.frame(runs).size;
    expect(again).toBe(1);
  });

  it('takes turns between the runs, and forgets a run that went away', () => {
    const a = runTo(12_000);
    const b = runTo(12_000, { 'execution.checkpointing.unaligned.enabled': 'true' });
    const { got, oracle } = judgeAll([{ id: 'a', state: a, stamp: 1 }, { id: 'b', state: b, stamp: 1 }]);
    expect([...got.keys()].sort()).toEqual(['a', 'b']);
    // B closed while nothing moved: A is not judged again, and nothing is reported for B
    for (let f = 0; f < 100; f++) expect(oracle.frame([{ id: 'a', state: a, stamp: 1 }]).size).toBe(0);
  });
});
