import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { median } from './measure';
import { launchBenchChromium, throttledLoad } from './page';

// `node --import tsx bench/firstLoadAB.ts <distA> <distB> [rounds] [--rate R] [query]`: two builds'
// first loads taken in turns (A, B, A, B, …) from one origin, so a busy machine weighs on both
// alike: wall time to the interactive first screen (as bench/page.ts's firstLoadMs takes it) and
// the renderer's main-thread CPU until then, which other processes disturb far less.

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const rate = Number(flag('--rate') ?? 4);
const [distA, distB, roundsArg, queryArg] = args;
if (!distA || !distB) throw new Error('usage: firstLoadAB.ts <distA> <distB> [rounds] [--rate R] [query]');
const rounds = Number(roundsArg ?? 5);
const query = (queryArg ?? '').replace(/^\?/, '');
const PORT = Number(process.env.BENCH_PORT ?? 4174);

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

let root = distA;
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));

const browser = await launchBenchChromium();

async function load(): Promise<{ readyMs: number; cpuMs: number }> {
  const { readyMs, metric } = await throttledLoad(browser, `http://127.0.0.1:${PORT}`, rate, query);
  return { readyMs, cpuMs: metric('ThreadTime') * 1000 };
}

try {
  const taken: Record<'A' | 'B', { readyMs: number; cpuMs: number }[]> = { A: [], B: [] };
  for (let i = 0; i < rounds; i++) {
    for (const [name, dist] of (i % 2 ? [['B', distB], ['A', distA]] : [['A', distA], ['B', distB]]) as ['A' | 'B', string][]) {
      root = dist;
      taken[name].push(await load());
    }
  }
  for (const [name, dist] of [['A', distA], ['B', distB]] as const) {
    const runs = taken[name];
    console.log(`${name} ${dist}: ready median ${Math.round(median(runs.map((r) => r.readyMs)))} ms (${runs.map((r) => Math.round(r.readyMs)).join(', ')}); main-thread CPU median ${Math.round(median(runs.map((r) => r.cpuMs)))} ms (${runs.map((r) => Math.round(r.cpuMs)).join(', ')})`);
  }
} finally {
  await browser.close().catch(() => undefined);
  server.close();
}
