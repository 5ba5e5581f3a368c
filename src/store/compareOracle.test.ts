import { describe, expect, it } from 'vitest';
import { builtinScenario, computeOracle, RunRecorder, Simulation, type RecordedCommand, type SimState } from '../engine';
import { liveOracle, workerOracle, type LiveVerdict, type OracleJob, type OraclePort } from './compareOracle';
import { judgeJob } from './oracleJob';
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

/** A worker's protocol in the test's own thread: a job is cloned as postMessage clones it, judged by the worker's own code when `deliver` is called. */
function threadPort(opts: { failWith?: string } = {}) {
  const jobs: OracleJob[] = [];
  const port: OraclePort & { jobs: OracleJob[]; deliver(): void; terminated: boolean } = {
    jobs, onmessage: null, onerror: null, terminated: false,
    postMessage(job) { jobs.push(structuredClone(job)); },
    terminate() { port.terminated = true; },
    deliver() {
      const job = jobs.shift();
      if (!job) return;
      port.onmessage?.({ data: opts.failWith ? { seq: job.seq, error: opts.failWith } : judgeJob(job) });
    },
  };
  return port;
}

describe('the live oracle in a worker', () => {
  it('reaches the very verdict the oracle gives at once, for each run in turn, and leaves the runs as they were', () => {
    const a = runTo(24_000);
    const b = runTo(24_000, { 'execution.checkpointing.unaligned.enabled': 'true' });
    const hashes = [a.traceHash, b.traceHash];
    const port = threadPort();
    const oracle = workerOracle(port, () => liveOracle(), () => 0);
    const runs = [{ id: 'a' as const, state: a, stamp: 1 }, { id: 'b' as const, state: b, stamp: 1 }];
    const got = new Map<RunId, LiveVerdict>();
    for (let f = 0; f < 10 && got.size < 2; f++) {
      for (const [id, v] of oracle.frame(runs)) got.set(id, v);
      // one job at a time: the next run is sent only once the last verdict came back
      expect(port.jobs.length).toBeLessThanOrEqual(1);
      port.deliver();
    }
    for (const [id, state] of [['a', a], ['b', b]] as const) {
      expect(got.get(id)!.at).toBe(24_000);
      expect({ ...got.get(id)!.result }).toEqual({ ...computeOracle(state) });
    }
    expect([a.traceHash, b.traceHash]).toEqual(hashes);
  });

  it('judges a run again only once it moved, and forgets a run that went away', () => {
    const a = runTo(12_000);
    const port = threadPort();
    const oracle = workerOracle(port, () => liveOracle(), () => 0);
    const runs = [{ id: 'a' as const, state: a, stamp: 'v1' }];
    let verdicts = 0;
    const frames = (n: number) => {
      for (let f = 0; f < n; f++) {
        verdicts += oracle.frame(runs).size;
        port.deliver();
      }
    };
    frames(5);
    expect(verdicts).toBe(1);
    runs[0].stamp = 'v2';
    frames(5);
    expect(verdicts).toBe(2);
    // gone while judged: its verdict is dropped
    runs[0].stamp = 'v3';
    oracle.frame(runs);
    expect(oracle.frame([]).size).toBe(0);
    port.deliver();
    expect(oracle.frame([]).size).toBe(0);
  });

  it('rests after each verdict three times as long as it took, so the worker leaves the page most of two cores', () => {
    const a = runTo(12_000);
    const port = threadPort();
    let clock = 0;
    const oracle = workerOracle(port, () => liveOracle(), () => clock);
    const runs = [{ id: 'a' as const, state: a, stamp: 1 }];
    oracle.frame(runs);
    expect(port.jobs).toHaveLength(1);
    clock = 10; // the verdict took 10 ms
    port.deliver();
    expect(oracle.frame(runs).size).toBe(1);
    runs[0].stamp = 2;
    clock = 39;
    oracle.frame(runs);
    expect(port.jobs).toHaveLength(0);
    clock = 40;
    oracle.frame(runs);
    expect(port.jobs).toHaveLength(1);
  });

  it('hands the work to the oracle in the frames when the worker fails, and still reaches the verdict', () => {
    const a = runTo(14_000);
    const port = threadPort({ failWith: 'out of memory' });
    const oracle = workerOracle(port, () => liveOracle(4, (() => { let c = 0; return () => (c += 1); })()));
    const runs = [{ id: 'a' as const, state: a, stamp: 1 }];
    oracle.frame(runs);
    port.deliver();
    expect(port.terminated).toBe(true);
    let verdict: LiveVerdict | undefined;
    for (let f = 0; f < 100_000 && !verdict; f++) verdict = oracle.frame([{ ...runs[0], stamp: 2 }]).get('a');
    expect({ ...verdict!.result }).toEqual({ ...computeOracle(a) });
  });
});
