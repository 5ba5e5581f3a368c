import { performance } from 'node:perf_hooks';
import { builtinScenario, RunRecorder, Simulation } from '../src/engine';
import { median } from './measure';

/** Seek time anywhere in a 10-minute run of the default scenario, as the page does it. */
export function measureSeek(): { medianMs: number; maxMs: number; keyframes: number } {
  const sim = Simulation.create(builtinScenario('default')!);
  const rec = new RunRecorder(sim.state);
  rec.advance(sim, 600_000);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = ((i * 7919) % 600) * 1000 + 537;
    const t0 = performance.now();
    rec.seek(t);
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), maxMs: Math.max(...times), keyframes: rec.keyframes.length };
}

/** Heap used after 30 simulated minutes with time travel recording, against the heap before. */
export function measureMemory(): { beforeMb: number; afterMb: number; keyframes: number; keyframeMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const sim = Simulation.create(builtinScenario('default')!);
  const rec = new RunRecorder(sim.state);
  rec.advance(sim, 1_800_000);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  return { beforeMb: before / 2 ** 20, afterMb: after / 2 ** 20, keyframes: rec.keyframes.length, keyframeMb: rec.keyframeBytes() / 2 ** 20 };
}
