import { CHECKPOINT_SLICE_MS, checkpointRound, measureEnginePairs } from './engineFigures';
import { median } from './measure';

// `node --expose-gc --import tsx bench/engineOnly.ts [pairs] [rounds]`: the engine line of `npm run bench`
// alone, taken the same way (bench/engineFigures.ts: warm-up, then alternating engine and bare-loop
// runs, the median pair's ratio), without the other measurements; with `rounds` > 0 also the
// checkpoint cost at a 100 ms interval, from that many interleaved rounds.

const pairs = Math.max(1, Number(process.argv[2] ?? 7) | 0);
const rounds = Math.max(0, Number(process.argv[3] ?? 0) | 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const runs = measureEnginePairs(pairs);
const ratios = runs.map((p) => p.ratio);
console.log(`ratios engine/bare loop of ${pairs} alternating pairs: ${ratios.map((r) => r.toFixed(3)).join(', ')}`);
console.log(`median: engine ${fmt(median(runs.map((p) => p.engine.hopsPerSecond)))} record-hops/s, bare loop ${fmt(median(runs.map((p) => p.bare)))}, ratio ${median(ratios).toFixed(3)}`);
if (rounds > 0) {
  checkpointRound(500);
  const all = Array.from({ length: rounds }, () => checkpointRound());
  for (const [label, pick] of [['max-concurrent 1', (r: (typeof all)[number]) => r.one], ['max-concurrent 3', (r: (typeof all)[number]) => r.three]] as const) {
    const rs = all.map((r) => pick(r).hopsPerSecond / r.without.hopsPerSecond);
    console.log(`checkpoint cost, 100 ms, ${label} (${rounds} rounds, ${CHECKPOINT_SLICE_MS} ms slices): ratios ${rs.map((r) => r.toFixed(3)).join(', ')}; cost ${((1 - median(rs)) * 100).toFixed(1)} %`);
  }
}
