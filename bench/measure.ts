import { performance } from 'node:perf_hooks';
import { builtinScenario, Simulation, type RawConf } from '../src/engine';

// Every rate is taken in CPU time of this process (user + system), not wall time: on a shared,
// loaded machine the wall clock also counts the time other processes held the core.

/** CPU milliseconds this process used while `work` ran, and the wall milliseconds. */
export function timed(work: () => void): { cpuMs: number; wallMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs };
}

export interface EngineRun {
  hopsPerSecond: number;
  hops: number;
  cpuMs: number;
  wallMs: number;
  checkpointsCompleted: number;
  checkpointsTriggered: number;
}

/** Runs the bench scenario for `simMs` after a warm-up; returns record-hops per CPU second. */
export function engineHopsPerSecond(conf: RawConf = {}, simMs = 4000): EngineRun {
  const sim = Simulation.create(builtinScenario('bench')!, { conf });
  sim.runUntil(300);
  const h0 = sim.state.stats.recordHops;
  const { cpuMs, wallMs } = timed(() => sim.runUntil(300 + simMs));
  const hops = sim.state.stats.recordHops - h0;
  const history = sim.state.coordinator.history;
  return {
    hopsPerSecond: hops / (cpuMs / 1000), hops, cpuMs, wallMs,
    checkpointsTriggered: history.length, checkpointsCompleted: history.filter((h) => h.status === 'COMPLETED').length,
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}
