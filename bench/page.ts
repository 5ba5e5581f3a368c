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
/** Two runs side by side (CONTRACTS 7): the same variant, run B with unaligned checkpoints; each at least half as full. */
export const WIDE_COMPARE = `${WIDE_5000}&b.conf.execution.checkpointing.unaligned.enabled=true`;
export const WIDE_COMPARE_MIN_IN_FLIGHT_EACH = 2500;
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

/** Debian's Chromium, headless, with the 60 Hz cap lifted (to see what a frame costs) and precise memory figures. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit', '--enable-precise-memory-info'],
  });
}

/** Serves the built site and opens Chromium for `work`; both are closed afterwards. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--outDir', BENCH_DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer(`${BASE}/`, 30_000);
    const browser = await launchBenchChromium();
    try {
      return await work(browser);
    } finally {
      await bounded(browser.close(), 20_000, 'closing Chromium').catch((e) => console.error(`bench: ${e.message}`));
    }
  } finally {
    server.kill();
  }
}

// Strings, not functions, for page.evaluate: the TypeScript loader would wrap a function with helpers the page lacks.

export async function setSpeed(page: Page, position: number): Promise<void> {
  await page.getByTestId('speed').fill(String(position));
}

/** Rejects with `what` after `ms`: no step of the bench waits for ever. */
export async function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** the simulated moment a measured page opens at (a link's `t=`): wide's channels are full by then */
export const FILLED_AT_MS = 25_000;
const OPEN_MS = 90_000;
const FILL_MS = 60_000;

/** Records in flight in run A, and in run B when two runs are compared: the fewer of the two. */
export const IN_FLIGHT_EACH = `(() => {
  const s = window.__checkpointLab.store.getState();
  const count = (r) => r.sim.state.channels.reduce((n, c) => n + c.records, 0);
  return s.runs.b ? Math.min(count(s.runs.a), count(s.runs.b)) : count(s.runs.a);
})()`;

/**
 * Opens `query` at the simulated moment FILLED_AT_MS (replayed as a shared link's `t=` is, so
 * filling the channels does not depend on how fast a loaded machine draws), waits until
 * `minInFlight` records are under way in each run, then plays at `speedPosition`. Every wait is
 * bounded; the error says how far it got.
 */
export async function openPlaying(browser: Browser, query: string, minInFlight: number, speedPosition: number): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('crash', () => console.error(`bench: the page ${query} crashed (out of memory?)`));
  page.on('pageerror', (e) => console.error(`bench: page error in ${query}: ${e.message}`));
  const state = () => page.evaluate<{ t: number; inFlight: number }>(`({ t: window.__checkpointLab.store.getState().clock.displayTime, inFlight: ${IN_FLIGHT_EACH} })`).catch(() => ({ t: NaN, inFlight: NaN }));
  try {
    await page.goto(`${BASE}/?${query.replace(/^\?/, '')}&t=${FILLED_AT_MS}`, { timeout: OPEN_MS });
    await page.waitForFunction(`window.__checkpointLab && window.__checkpointLab.store.getState().clock.displayTime >= ${FILLED_AT_MS} && !window.__checkpointLab.store.getState().busy`, undefined, { timeout: OPEN_MS, polling: 250 })
      .catch(async () => { throw new Error(`the page did not replay to t = ${FILLED_AT_MS} ms in ${OPEN_MS / 1000} s (it shows t = ${(await state()).t} ms)`); });
    await setSpeed(page, speedPosition);
    await page.getByTestId('play').click({ timeout: 10_000 });
    await page.waitForFunction(`${IN_FLIGHT_EACH} >= ${minInFlight}`, undefined, { timeout: FILL_MS, polling: 250 })
      .catch(async () => { const s = await state(); throw new Error(`${s.inFlight} records in flight at t = ${Math.round(s.t)} ms after ${FILL_MS / 1000} s of play, fewer than ${minInFlight}`); });
    return page;
  } catch (e) {
    await page.close().catch(() => undefined);
    throw e;
  }
}

/**
 * the longest a measurement takes frames for: on a very busy machine (frames of half a second) it
 * ends with the frames it has, at least MIN_FRAMES of them, rather than never
 */
const FRAMES_MS = 60_000;
const MIN_FRAMES = 30;

/**
 * `count` frames' requestAnimationFrame deltas (after 10 to settle), or as many as came in
 * FRAMES_MS, and the fewest records in flight meanwhile.
 */
export async function frameFigures(page: Page, count = 300): Promise<FrameFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { thread: of('ThreadTime'), process: of('ProcessTime') };
  };
  const before = await cpu();
  const r = await bounded(page.evaluate<{ deltas: number[]; inFlight: number }>(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    let minInFlight = Infinity;
    const until = performance.now() + ${FRAMES_MS};
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      minInFlight = Math.min(minInFlight, ${IN_FLIGHT_EACH});
      if (deltas.length < ${count + 10} && now < until) requestAnimationFrame(frame);
      else resolve({ deltas: deltas.slice(10), inFlight: minInFlight });
    };
    requestAnimationFrame(frame);
  })`), FRAMES_MS + 30_000, `${count} frames`);
  if (r.deltas.length < MIN_FRAMES) throw new Error(`only ${r.deltas.length + 10} frames in ${FRAMES_MS / 1000} s (a frame took ${Math.round(median(r.deltas))} ms)`);
  const after = await cpu();
  await cdp.detach().catch(() => undefined);
  const frames = r.deltas.length + 10;
  return {
    medianMs: median(r.deltas), p95Ms: percentile(r.deltas, 0.95), inFlight: r.inFlight, frames: r.deltas.length,
    mainThreadCpuMs: ((after.thread - before.thread) * 1000) / frames, processCpuMs: ((after.process - before.process) * 1000) / frames,
  };
}

export interface PageWeight { heapMB: number; domNodes: number; simSeconds: number }

/** The page's JS heap after garbage collection and its DOM node count (Chromium's counters). */
export async function pageWeight(page: Page, cdp: CDPSession): Promise<PageWeight> {
  return bounded(weigh(page, cdp), 60_000, 'weighing the page (GC, heap, DOM counters)');
}

/** DOM samples per weighing, this far apart: the fewest nodes among them is what the page keeps */
const DOM_SAMPLES = 5;
const DOM_SAMPLE_GAP_MS = 400;

/**
 * The heap after a GC, and the DOM nodes the page keeps: the fewest of DOM_SAMPLES counts (each
 * after a GC) over two seconds. Between two counts what passes by comes and goes (barrier glyphs
 * on the edges, the log's and panels' rows as the moment changes); what the run leaves behind is in
 * every count. Single counts at 1 and 3 minutes of one run differed by 332 nodes, the fewest of five
 * by 36.
 */
async function weigh(page: Page, cdp: CDPSession): Promise<PageWeight> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const simSeconds = await page.evaluate<number>('window.__checkpointLab.store.getState().clock.displayTime / 1000');
  let domNodes = Infinity;
  for (let i = 0; i < DOM_SAMPLES; i++) {
    if (i) await page.waitForTimeout(DOM_SAMPLE_GAP_MS);
    await cdp.send('HeapProfiler.collectGarbage');
    domNodes = Math.min(domNodes, (await cdp.send('Memory.getDOMCounters')).nodes);
  }
  return { heapMB: heap.usedSize / 2 ** 20, domNodes, simSeconds };
}

export interface LongRun { at: { minutes: number; weight: PageWeight }[]; heapGrowthMB: number; domGrowth: number }

/** `wide` at 50× for the given real minutes: the weight at each mark, and its growth from the first to the last. */
export async function longRun(browser: Browser, marksMinutes: number[]): Promise<LongRun> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${BASE}/?scenario=wide`, { timeout: OPEN_MS });
    await setSpeed(page, 100);
    await page.getByTestId('play').click({ timeout: 10_000 });
    const t0 = Date.now();
    const at: LongRun['at'] = [];
    for (const minutes of marksMinutes) {
      const wait = t0 + minutes * 60_000 - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
      at.push({ minutes, weight: await pageWeight(page, cdp) });
    }
    const first = at[0].weight;
    const last = at[at.length - 1].weight;
    return { at, heapGrowthMB: last.heapMB - first.heapMB, domGrowth: last.domNodes - first.domNodes };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * The first screen is interactive: the Play button enabled and the graph's subtasks drawn; the
 * moment (performance.now(), from navigation start) once it is, else 0.
 */
export const FIRST_SCREEN_READY = `(() => {
  const play = document.querySelector('[data-testid="play"]');
  const subtasks = document.querySelectorAll('.react-flow__node').length;
  return play && !play.disabled && subtasks > 0 ? performance.now() : 0;
})()`;

/**
 * Navigation start to an interactive first screen (FIRST_SCREEN_READY), with the CPU throttled
 * `rate`× as a classroom laptop; the median of `tries` loads, each in a fresh context. `query`
 * opens another page than the default one (`lang=ko`, say).
 */
export async function firstLoadMs(browser: Browser, rate: number, tries = 3, query = ''): Promise<{ medianMs: number; runsMs: number[] }> {
  const runsMs: number[] = [];
  for (let i = 0; i < tries; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(`${BASE}/${query ? `?${query.replace(/^\?/, '')}` : ''}`, { waitUntil: 'commit', timeout: OPEN_MS });
      const ready = await page.waitForFunction(FIRST_SCREEN_READY, undefined, { polling: 'raf', timeout: 60_000 });
      runsMs.push(Number(await ready.jsonValue()));
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  return { medianMs: median(runsMs), runsMs };
}

/**
 * One load of `base` (with `query`) in a fresh context with the CPU throttled `rate`×: when the
 * first screen was ready (FIRST_SCREEN_READY, ms from navigation start) and Chromium's renderer
 * counters then (`Performance.getMetrics`, seconds), which hardly change when other processes load
 * the machine, unlike the wall time.
 */
export async function throttledLoad(browser: Browser, base: string, rate: number, query = ''): Promise<{ readyMs: number; metric: (name: string) => number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Performance.enable');
    await page.goto(`${base}/${query ? `?${query.replace(/^\?/, '')}` : ''}`, { waitUntil: 'commit', timeout: OPEN_MS });
    const readyMs = Number(await (await page.waitForFunction(FIRST_SCREEN_READY, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue());
    const { metrics } = await cdp.send('Performance.getMetrics');
    return { readyMs, metric: (name) => metrics.find((m) => m.name === name)?.value ?? 0 };
  } finally {
    await context.close().catch(() => undefined);
  }
}
