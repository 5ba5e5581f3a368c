import { fork } from 'node:child_process';
import { builtinScenario, RunRecorder, Simulation, type RecordedCommand, type SimState } from '../src/engine';
import type { RunId } from '../src/store/appState';
import { liveOracle, ORACLE_FRAME_MS, workerOracle, type OracleJob, type OraclePort, type OracleReply } from '../src/store/compareOracle';

// The difference strip judges both compared runs' exactly-once oracle again and again while they
// play (src/store/compareOracle.ts): in a worker, so a frame pays only for posting a run's copy,
// or, where no worker starts, ORACLE_FRAME_MS of work a frame. Both are measured on a kill at 10 s
// in both runs, aligned beside unaligned checkpoints. In the frames: how long one fresh verdict of
// both runs takes, in work and in frames, and the longest single piece of it (what one frame may
// cost at worst), after an untimed verdict of each scenario (warmUp), in CPU time of this process,
// not wall time (on a loaded machine the wall clock counts other processes).

/**
 * 95 frames in 100 spend at most a 60 Hz frame on the oracle. A frame does pieces of the engine's
 * stepwise oracle (200 events each) until ORACLE_FRAME_MS is spent: at least one piece, a few ms
 * on an idle machine; a copy of the run's state at the start of each verdict is one piece too.
 */
export const ORACLE_FRAME_P95_MS_MAX = 16;

/** the runs both paths judge: scenario, simulated ms */
const ORACLE_CASES: [string, number][] = [['backpressure', 30_000], ['backpressure', 120_000], ['wide', 60_000]];

export interface OracleCase { scenario: string; simMs: number; workMs: number; frames: number; longestPieceMs: number; p95FrameMs: number; longestFrameMs: number }

/** The page's path (workerOracle): what its frames pay while the worker judges both runs. */
export interface WorkerOracleCase { scenario: string; simMs: number; frames: number; wallMs: number; p95FrameMs: number; longestFrameMs: number }

function twoRuns(scenario: string, simMs: number) {
  return (['a', 'b'] as RunId[]).map((id) => ({ id, state: runTo(scenario, simMs, { 'execution.checkpointing.unaligned.enabled': String(id === 'b') }), stamp: 1 }));
}

function p95(xs: number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

function runTo(scenario: string, t: number, conf: Record<string, string>): SimState {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf });
  const kill: RecordedCommand[] = [{ at: 10_000, command: { kind: 'fault', fault: { kind: 'task', subtask: sim.state.plan.subtasks.length - 3 } } }];
  return new RunRecorder(sim.state).replay(sim, kill, t).state;
}

/** Untimed verdicts first, as the engine figures warm up: a page's oracle runs warm after its first verdict. */
function warmUp(): void {
  for (const scenario of ['backpressure', 'wide']) {
    const oracle = liveOracle(ORACLE_FRAME_MS);
    const runs = [{ id: 'a' as RunId, state: runTo(scenario, 12_000, {}), stamp: 1 }];
    for (let frames = 0; frames < 100_000 && oracle.frame(runs).size === 0; frames++);
  }
  // the warm-up's garbage is not the measured verdicts' to collect (npm run bench runs with --expose-gc)
  (globalThis as { gc?: () => void }).gc?.();
}

export function measureCompareOracle(cases: [string, number][] = ORACLE_CASES): OracleCase[] {
  warmUp();
  return cases.map(([scenario, simMs]) => {
    const runs = twoRuns(scenario, simMs);
    const cpuMs = () => process.cpuUsage().user / 1000;
    const oracle = liveOracle(ORACLE_FRAME_MS, cpuMs);
    let frames = 0;
    let got = 0;
    const frameMs: number[] = [];
    while (got < 2 && frames < 1_000_000) {
      const t0 = cpuMs();
      got += oracle.frame(runs).size;
      frameMs.push(cpuMs() - t0);
      frames++;
    }
    return {
      scenario, simMs, frames, workMs: frameMs.reduce((n, x) => n + x, 0), longestPieceMs: oracle.longestPieceMs(),
      p95FrameMs: p95(frameMs), longestFrameMs: Math.max(...frameMs),
    };
  });
}

/**
 * The oracle's worker as the bench can start one: a child process running the worker's job
 * (bench/oracleThread.ts), sent with the structured clone's serialiser, as postMessage sends.
 * (Node 20's worker threads cannot load the TypeScript sources through tsx.) `port()` is a fresh
 * port on the same process, for one measured case; terminating it leaves the process running.
 */
function oracleProcess() {
  const child = fork(new URL('./oracleThread.ts', import.meta.url), { serialization: 'advanced', execArgv: ['--import', 'tsx'] });
  let current: OraclePort | null = null;
  child.on('message', (data) => current?.onmessage?.({ data: data as OracleReply }));
  child.on('error', (e) => current?.onerror?.(e));
  return {
    port(): OraclePort {
      const port: OraclePort = {
        postMessage: (job: OracleJob) => void child.send(job),
        onmessage: null,
        onerror: null,
        terminate: () => { if (current === port) current = null; },
      };
      return (current = port);
    },
    kill: () => void child.kill(),
  };
}

const FRAME_INTERVAL_MS = 1000 / 60;

/** Frames 60 a second, each calling `oracle`, until both runs have their verdict (at most 60 s). */
async function framesUntilVerdicts(oracle: ReturnType<typeof workerOracle>, runs: ReturnType<typeof twoRuns>, failed: () => boolean): Promise<number[]> {
  const frameMs: number[] = [];
  const started = performance.now();
  let got = 0;
  while (got < 2 && !failed() && performance.now() - started < 60_000) {
    const t0 = performance.now();
    got += oracle.frame(runs).size;
    frameMs.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, FRAME_INTERVAL_MS));
  }
  if (failed() || got < 2) throw new Error(failed() ? 'the worker failed' : 'no verdicts within 60 s');
  return frameMs;
}

/**
 * The page's path: frames 60 a second, each calling the worker oracle, until both runs have their
 * verdict. A frame's cost is its wall time on this thread: posting a run (the serialiser's copy)
 * is the only work it does; the worker's judging runs in another process, warmed up by a first,
 * untimed verdict of each scenario.
 */
export async function measureWorkerOracle(cases: [string, number][] = ORACLE_CASES): Promise<WorkerOracleCase[]> {
  const worker = oracleProcess();
  const judge = async (runs: ReturnType<typeof twoRuns>) => {
    let failed = false;
    const oracle = workerOracle(worker.port(), () => {
      failed = true;
      return liveOracle();
    });
    try {
      const started = performance.now();
      const frameMs = await framesUntilVerdicts(oracle, runs, () => failed);
      return { frameMs, wallMs: performance.now() - started };
    } finally {
      oracle.dispose();
    }
  };
  try {
    for (const scenario of new Set(cases.map(([s]) => s))) await judge(twoRuns(scenario, 12_000));
    const out: WorkerOracleCase[] = [];
    for (const [scenario, simMs] of cases) {
      const { frameMs, wallMs } = await judge(twoRuns(scenario, simMs));
      out.push({ scenario, simMs, frames: frameMs.length, wallMs, p95FrameMs: p95(frameMs), longestFrameMs: Math.max(...frameMs) });
    }
    return out;
  } finally {
    worker.kill();
  }
}

export function compareOracleLines(inFrames: OracleCase[], inWorker: WorkerOracleCase[]): string {
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  return [
    'Live oracle of two runs (the difference strip), target p95 of a frame\'s oracle work <= ' + ORACLE_FRAME_P95_MS_MAX + ' ms',
    ...inWorker.map((c) => `  in a worker (the page), ${c.scenario} at ${c.simMs / 1000} s: both verdicts after ${c.frames} frames (${c.wallMs.toFixed(0)} ms); oracleFrameP95Ms ${c.p95FrameMs.toFixed(1)}, longest frame ${c.longestFrameMs.toFixed(1)} ms (posting a run): ${verdict(c.p95FrameMs <= ORACLE_FRAME_P95_MS_MAX)}`),
    ...inFrames.map((c) => `  in the frames (where no worker starts), ${c.scenario} at ${c.simMs / 1000} s: both verdicts in ${c.workMs.toFixed(0)} ms of work over ${c.frames} frames (${ORACLE_FRAME_MS} ms a frame); p95 ${c.p95FrameMs.toFixed(1)}, longest frame ${c.longestFrameMs.toFixed(1)} ms (piece ${c.longestPieceMs.toFixed(1)} ms): ${verdict(c.p95FrameMs <= ORACLE_FRAME_P95_MS_MAX)}`),
  ].join('\n') + '\n';
}
