import { assignKeyToParallelOperator, assignToKeyGroup } from '../src/engine';
import { timed } from './measure';

/**
 * Only the per-record work of a hop: the key-group hash, routing, and a keyed counter update, in
 * record-hops per CPU second. Call it once to warm it up first, as the engine is warmed up.
 */
export function bareLoopHopsPerSecond(hops: number): number {
  const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}`);
  const counters: Record<string, Record<string, number>> = {};
  let sink = 0;
  const { cpuMs } = timed(() => {
    for (let i = 0; i < hops; i++) {
      const key = keys[(i * 7919) % keys.length];
      const kg = assignToKeyGroup(key, 128);
      sink += assignKeyToParallelOperator(key, 128, 4);
      const group = (counters[kg] ??= {});
      group[key] = (group[key] ?? 0) + 1;
    }
  });
  if (sink < 0) console.log(sink);
  return hops / (cpuMs / 1000);
}
