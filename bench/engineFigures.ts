import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bareLoopHopsPerSecond } from './baseline';
import { engineHopsPerSecond, timed, type EngineRun } from './measure';
import { builtinScenario, Simulation, type RawConf } from '../src/engine';

// The engine figures of `npm run bench`: the engine against the bare loop, and the cost of
// checkpointing every 100 ms. `npm run bench` takes them in a child process of its own run,
// started before anything else, so no other measurement's heap or compiled code is in the
// process they are taken in; `node --expose-gc --import tsx bench/engineOnly.ts` runs the same.
// Rates are per CPU second of that process.

export const ENGINE_PAIRS = 7;
export const ENGINE_SIM_MS = 3000;
/** checkpointing rounds, and the simulated ms each of the three runs of a round advances at a time */
export const CHECKPOINT_ROUNDS = 7;
export const CHECKPOINT_SLICE_MS = 250;
export const CP_100MS: RawConf = { 'execution.checkpointing.interval': '100 ms' };
export const CP_100MS_CONCURRENT: RawConf = { ...CP_100MS, 'execution.checkpointing.max-concurrent-checkpoints': '3', 'state.backend.type': 'hashmap' };

export interface EnginePair { engine: EngineRun; bare: number; ratio: number }
export interface CheckpointRound { without: EngineRun; one: EngineRun; three: EngineRun }
export interface EngineFigures { pairs: EnginePair[]; rounds: CheckpointRound[]; simMs: number; sliceMs: number }

/** Engine and bare loop alternating, both warmed up first: `pairs` runs of each. */
export function measureEnginePairs(pairs = ENGINE_PAIRS, simMs = ENGINE_SIM_MS): EnginePair[] {
  engineHopsPerSecond({}, 500);
  bareLoopHopsPerSecond(500_000);
  return Array.from({ length: pairs }, () => {
    const engine = engineHopsPerSecond({}, simMs);
    const bare = bareLoopHopsPerSecond(engine.hops);
    return { engine, bare, ratio: engine.hopsPerSecond / bare };
  });
}

/**
 * One round: the bench scenario without checkpoints, with a checkpoint every 100 ms (max-concurrent
 * 1) and the same with max-concurrent 3, advanced together `sliceMs` of simulated time at a time,
 * in turn (who goes first rotates), each slice's CPU time charged to its run. A slow moment of a
 * shared machine then falls on all three alike, not on one whole run.
 */
export function checkpointRound(simMs = ENGINE_SIM_MS, sliceMs = CHECKPOINT_SLICE_MS): CheckpointRound {
  const runs = [{}, CP_100MS, CP_100MS_CONCURRENT].map((conf) => {
    const sim = Simulation.create(builtinScenario('bench')!, { conf });
    sim.runUntil(300);
    return { sim, hops0: sim.state.stats.recordHops, cpuMs: 0, wallMs: 0 };
  });
  for (let t = 300 + sliceMs, turn = 0; t <= 300 + simMs; t += sliceMs, turn++) {
    for (let i = 0; i < runs.length; i++) {
      const r = runs[(turn + i) % runs.length];
      const { cpuMs, wallMs } = timed(() => r.sim.runUntil(t));
      r.cpuMs += cpuMs;
      r.wallMs += wallMs;
    }
  }
  const [without, one, three] = runs.map(({ sim, hops0, cpuMs, wallMs }): EngineRun => {
    const hops = sim.state.stats.recordHops - hops0;
    const history = sim.state.coordinator.history;
    return {
      hopsPerSecond: hops / (cpuMs / 1000), hops, cpuMs, wallMs,
      checkpointsTriggered: history.length, checkpointsCompleted: history.filter((h) => h.status === 'COMPLETED').length,
    };
  });
  return { without, one, three };
}

export function measureEngineFigures(pairs = ENGINE_PAIRS, rounds = CHECKPOINT_ROUNDS): EngineFigures {
  const enginePairs = measureEnginePairs(pairs);
  checkpointRound(500); // warm-up of the checkpointing paths
  return { pairs: enginePairs, rounds: Array.from({ length: rounds }, () => checkpointRound()), simMs: ENGINE_SIM_MS, sliceMs: CHECKPOINT_SLICE_MS };
}

/** The figures taken in a fresh child process (same Node flags), as `npm run bench` takes them. */
export function measureEngineFiguresInChild(): EngineFigures {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, '--child'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`engine figures: the child process exited with ${child.status ?? child.signal}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as EngineFigures;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--child')) {
  console.log(JSON.stringify(measureEngineFigures()));
}
