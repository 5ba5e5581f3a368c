import { performance } from 'node:perf_hooks';
import { assignKeyToParallelOperator, assignToKeyGroup } from '../src/engine';

/** Only the per-record work of a hop: the key-group hash, routing, and a keyed counter update. */
export function bareLoopHopsPerSecond(hops: number): number {
  const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}`);
  const counters: Record<string, Record<string, number>> = {};
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < hops; i++) {
    const key = keys[(i * 7919) % keys.length];
    const kg = assignToKeyGroup(key, 128);
    sink += assignKeyToParallelOperator(key, 128, 4);
    const group = (counters[kg] ??= {});
    group[key] = (group[key] ?? 0) + 1;
  }
  const wallMs = performance.now() - t0;
  if (sink < 0) console.log(sink);
  return hops / (wallMs / 1000);
}
