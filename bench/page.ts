import { spawn, spawnSync } from 'node:child_process';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { median, percentile } from './measure';

// The page, built into its own folder and served by `vite preview`, driven in headless Chromium
// with the 60 Hz cap lifted (to see what a frame costs). Frame times are requestAnimationFrame
// deltas; the figures are read from the page's read-only window (`window.__checkpointLab`).

export const BENCH_DIST = process.env.BENCH_DIST ?? 'dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4174);
export const BASE = `http://127.0.0.1:${PORT}`;

/** The `wide` scenario with longer, roomier channels: about 6,000 records in flight once filled. */
export const WIDE_5000 = 'scenario=wide&conf.sim.channel.latency=6000+ms&conf.sim.channel.capacity=512';
export const WIDE_5000_MIN_IN_FLIGHT = 5000;
export const VIEWPORT = { width: 1440, height: 900 };

export interface FrameFigures {
  inFlight: number; medianMs: number; p95Ms: number; frames: number;
  /**
   * CPU milliseconds per frame of the renderer's main thread and of its whole process (Chromium's
   * ThreadTime, ProcessTime): unlike frame times these hardly change when other processes load the
   * machine, so they compare two runs taken at different moments
   */
  mainThreadCpuMs: number; processCpuMs: number;
}

/** Builds the site into BENCH_DIST; `unminified` keeps function names, for a readable profile. */
export function buildSite(unminified = false): void {
  const r = spawnSync('node', ['node_modules/vite/bin/vite.js', 'build', '--outDir', BENCH_DIST, '--emptyOutDir', ...(unminified ? ['--minify', 'false'] : [])], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`vite build into ${BENCH_DIST} failed (exit ${r.status})`);
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start on ${url}`);
}

/** Serves the built site and opens Chromium for `work`; both are closed afterwards. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--outDir', BENCH_DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer(`${BASE}/`, 30_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit', '--enable-precise-memory-info'],
    });
    try {
      return await work(browser);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

// Strings, not functions, for page.evaluate: the TypeScript loader would wrap a function with helpers the page lacks.
const IN_FLIGHT = 'window.__checkpointLab.inFlight()';

export async function setSpeed(page: Page, position: number): Promise<void> {
  await page.getByTestId('speed').fill(String(position));
}

/** Opens `query`, plays at top speed until `minInFlight` records are under way, then at `speedPosition`. */
export async function openPlaying(browser: Browser, query: string, minInFlight: number, speedPosition: number): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('crash', () => console.error(`bench: the page ${query} crashed (out of memory?)`));
  page.on('pageerror', (e) => console.error(`bench: page error in ${query}: ${e.message}`));
  await page.goto(`${BASE}/?${query}`);
  await setSpeed(page, 100);
  await page.getByTestId('play').click();
  await page.waitForFunction(`${IN_FLIGHT} >= ${minInFlight}`, undefined, { timeout: 120_000 });
  await setSpeed(page, speedPosition);
  return page;
}

/** `count` frames' requestAnimationFrame deltas (after 10 to settle) and the fewest records in flight meanwhile. */
export async function frameFigures(page: Page, count = 300): Promise<FrameFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { thread: of('ThreadTime'), process: of('ProcessTime') };
  };
  const before = await cpu();
  const r = await page.evaluate<{ deltas: number[]; inFlight: number }>(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    let minInFlight = Infinity;
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      minInFlight = Math.min(minInFlight, ${IN_FLIGHT});
      if (deltas.length < ${count + 10}) requestAnimationFrame(frame);
      else resolve({ deltas: deltas.slice(10), inFlight: minInFlight });
    };
    requestAnimationFrame(frame);
  })`);
  const after = await cpu();
  const frames = r.deltas.length + 10;
  return {
    medianMs: median(r.deltas), p95Ms: percentile(r.deltas, 0.95), inFlight: r.inFlight, frames: r.deltas.length,
    mainThreadCpuMs: ((after.thread - before.thread) * 1000) / frames, processCpuMs: ((after.process - before.process) * 1000) / frames,
  };
}

export interface PageWeight { heapMB: number; domNodes: number; simSeconds: number }

/** The page's JS heap after garbage collection and its DOM node count (Chromium's counters). */
export async function pageWeight(page: Page, cdp: CDPSession): Promise<PageWeight> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const simSeconds = await page.evaluate<number>('window.__checkpointLab.store.getState().clock.displayTime / 1000');
  return { heapMB: heap.usedSize / 2 ** 20, domNodes: dom.nodes, simSeconds };
}

export interface LongRun { at: { minutes: number; weight: PageWeight }[]; heapGrowthMB: number; domGrowth: number }

/** `wide` at 50× for the given real minutes: the weight at each mark, and its growth from the first to the last. */
export async function longRun(browser: Browser, marksMinutes: number[]): Promise<LongRun> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${BASE}/?scenario=wide`);
  await setSpeed(page, 100);
  await page.getByTestId('play').click();
  const t0 = Date.now();
  const at: LongRun['at'] = [];
  for (const minutes of marksMinutes) {
    const wait = t0 + minutes * 60_000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    at.push({ minutes, weight: await pageWeight(page, cdp) });
  }
  await page.close();
  const first = at[0].weight;
  const last = at[at.length - 1].weight;
  return { at, heapGrowthMB: last.heapMB - first.heapMB, domGrowth: last.domNodes - first.domNodes };
}

/**
 * Navigation start to an interactive first screen (the Play button enabled, the graph's subtasks
 * drawn), with the CPU throttled `rate`× as a classroom laptop; the median of `tries` loads.
 */
export async function firstLoadMs(browser: Browser, rate: number, tries = 3): Promise<{ medianMs: number; runsMs: number[] }> {
  const runsMs: number[] = [];
  for (let i = 0; i < tries; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${BASE}/`, { waitUntil: 'commit' });
    const ready = await page.waitForFunction(`(() => {
      const play = document.querySelector('[data-testid="play"]');
      const subtasks = document.querySelectorAll('.react-flow__node').length;
      return play && !play.disabled && subtasks > 0 ? performance.now() : 0;
    })()`, undefined, { polling: 'raf', timeout: 60_000 });
    runsMs.push(Number(await ready.jsonValue()));
    await context.close();
  }
  return { medianMs: median(runsMs), runsMs };
}
