import { performance } from 'node:perf_hooks';
import { builtinScenario, Simulation, type RawConf } from '../src/engine';

/** Runs the bench scenario for `simMs` after a warm-up; returns record-hops per wall second. */
export function engineHopsPerSecond(conf: RawConf = {}, simMs = 4000): { hopsPerSecond: number; hops: number; wallMs: number; checkpointsCompleted: number; checkpointsTriggered: number } {
  const sim = Simulation.create(builtinScenario('bench')!, { conf });
  sim.runUntil(300);
  const h0 = sim.state.stats.recordHops;
  const t0 = performance.now();
  sim.runUntil(300 + simMs);
  const wallMs = performance.now() - t0;
  const hops = sim.state.stats.recordHops - h0;
  const history = sim.state.coordinator.history;
  return { hopsPerSecond: hops / (wallMs / 1000), hops, wallMs, checkpointsTriggered: history.length, checkpointsCompleted: history.filter((h) => h.status === 'COMPLETED').length };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}
