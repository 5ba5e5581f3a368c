import { bareLoopHopsPerSecond } from './baseline';
import { engineHopsPerSecond, median } from './measure';

// `node --import tsx bench/engineOnly.ts [pairs]`: the engine line of `npm run bench` alone, taken
// the same way (warm-up, then alternating engine and bare-loop runs, the median pair's ratio),
// without the page measurements that need a browser.

const pairs = Math.max(1, Number(process.argv[2] ?? 7) | 0);
const ENGINE_SIM_MS = 3000;

engineHopsPerSecond({}, 500);
bareLoopHopsPerSecond(500_000);
const ratios: number[] = [];
const engines: number[] = [];
const bares: number[] = [];
for (let i = 0; i < pairs; i++) {
  const engine = engineHopsPerSecond({}, ENGINE_SIM_MS);
  const bare = bareLoopHopsPerSecond(engine.hops);
  engines.push(engine.hopsPerSecond);
  bares.push(bare);
  ratios.push(engine.hopsPerSecond / bare);
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`ratios engine/bare loop of ${pairs} alternating pairs: ${ratios.map((r) => r.toFixed(3)).join(', ')}`);
console.log(`median: engine ${fmt(median(engines))} record-hops/s, bare loop ${fmt(median(bares))}, ratio ${median(ratios).toFixed(3)}`);
