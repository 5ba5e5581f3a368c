import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { BASE, bounded, buildSite, pageWeight, setSpeed, VIEWPORT, withBrowser, type PageWeight } from './page';

// `node --import tsx bench/longRunProbe.ts [seconds ...] [--sim] [--speed N] [--tab T] [--heap-diff] [--no-build]`:
// the long run of `npm run bench` (`wide` at 50×) alone, with marks at the given real seconds
// (default 15 45). At each mark: the page's heap after GC and DOM nodes (the bench's figures), the
// DOM nodes of each part of the page, what the run holds (checkpoints, log lines, timeline marks,
// time-travel keyframes and their estimated MB), and the renderer main thread's CPU per frame over
// 60 frames. With --heap-diff, a heap snapshot at each mark and the constructors that grew most
// between the first and the last (what retains the growth). With --sim the marks are simulated
// seconds instead: the page opens there (a link's t=, replayed in pieces), then plays 5 s before
// the weighing; on a loaded machine this reaches the bench's simulated times, which playing does
// not (each mark is a page of its own: what grows with the run, not what playing leaves behind).

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const speed = Number(flag('--speed') ?? 100);
const tab = flag('--tab');
const heapDiff = args.includes('--heap-diff');
const bySim = args.includes('--sim');
const noBuild = args.includes('--no-build');
const marks = args.filter((a) => !a.startsWith('--')).map(Number);
if (!marks.length) marks.push(15, 45);

/** The parts of the page whose DOM nodes are counted (every element under each, itself included). */
const PARTS: Record<string, string> = {
  header: '.app-header', controls: '.controls', notices: '.notices', graph: '.graph-area', timeline: '.timeline-bar',
  tabs: '.side > .tabs', sideBody: '.side-body', log: '.event-log', lesson: '.lesson-panel',
};

const DOM_PARTS = `(() => {
  const parts = ${JSON.stringify(PARTS)};
  const out = {};
  for (const [name, sel] of Object.entries(parts)) {
    let n = 0;
    for (const el of document.querySelectorAll(sel)) n += 1 + el.querySelectorAll('*').length;
    out[name] = n;
  }
  out.all = document.querySelectorAll('*').length;
  out.timelineMarks = document.querySelectorAll('.timeline-markers rect').length;
  out.logRows = document.querySelectorAll('.event-log li').length;
  return out;
})()`;

const RUN_HOLDS = `(() => {
  const r = window.__checkpointLab.store.getState().runs.a;
  const s = r.sim.state;
  return { checkpoints: s.coordinator.history.length, retained: s.coordinator.retained.length, logLines: r.log.length,
    markers: r.markers.length, keyframes: r.recorder.keyframes.length, keyframeMB: Math.round(r.recorder.keyframeBytes() / 2 ** 20 * 10) / 10, struck: s.recovery.struck.length, restores: s.restores.length };
})()`;

interface FrameCpu { frames: number; mainThreadCpuMs: number; layoutMs: number; styleMs: number; scriptMs: number; layouts: number; styles: number }

async function frameCpu(page: Page, cdp: CDPSession, count = 60): Promise<FrameCpu> {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  };
  const before = await read();
  const frames = await bounded(page.evaluate<number>(`new Promise((resolve) => {
    let n = 0;
    const frame = () => (++n < ${count} ? requestAnimationFrame(frame) : resolve(n));
    requestAnimationFrame(frame);
  })`), 120_000, `${count} frames`);
  const after = await read();
  const per = (name: string, scale = 1000) => ((after(name) - before(name)) * scale) / frames;
  return {
    frames, mainThreadCpuMs: per('ThreadTime'), layoutMs: per('LayoutDuration'), styleMs: per('RecalcStyleDuration'),
    scriptMs: per('ScriptDuration'), layouts: per('LayoutCount', 1), styles: per('RecalcStyleCount', 1),
  };
}

interface HeapNodeSummary { [ctor: string]: { count: number; size: number } }

/** A heap snapshot summed by constructor name (the snapshot's node `name` for objects). */
async function heapSummary(cdp: CDPSession): Promise<HeapNodeSummary> {
  const chunks: string[] = [];
  const listener = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', listener);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', listener);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const out: HeapNodeSummary = {};
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const e = (out[name] ??= { count: 0, size: 0 });
    e.count++;
    e.size += snap.nodes[i + iSize];
  }
  return out;
}

interface Mark { seconds: number; weight: PageWeight; dom: Record<string, number>; holds: Record<string, number>; frame: FrameCpu }

if (!noBuild) buildSite();
await withBrowser(async (browser) => {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (!bySim) {
    await page.goto(`${BASE}/?scenario=wide`, { timeout: 90_000 });
    if (tab) await page.getByRole('tab', { name: tab }).click();
    await setSpeed(page, speed);
    await page.getByTestId('play').click({ timeout: 10_000 });
  }
  const t0 = Date.now();
  const taken: Mark[] = [];
  const heaps: HeapNodeSummary[] = [];
  for (const seconds of marks) {
    if (bySim) {
      // opened there as a shared link is (t=), replayed in pieces; then it plays
      await page.goto(`${BASE}/?scenario=wide&t=${seconds * 1000}`, { timeout: 90_000 });
      await page.waitForFunction(`(() => { const s = window.__checkpointLab && window.__checkpointLab.store.getState(); return s && !s.busy && s.clock.displayTime >= ${seconds * 1000}; })()`, undefined, { timeout: 1_200_000, polling: 1000 });
      await setSpeed(page, speed);
      await page.evaluate(`window.__checkpointLab.store.getState().clockActions.play()`);
      await page.waitForTimeout(5000);
    } else {
      const wait = t0 + seconds * 1000 - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
    }
    const frame = await frameCpu(page, cdp);
    const weight = await pageWeight(page, cdp);
    const dom = await page.evaluate<Record<string, number>>(DOM_PARTS);
    const holds = await page.evaluate<Record<string, number>>(RUN_HOLDS);
    const mark = { seconds, weight, dom, holds, frame };
    taken.push(mark);
    console.log(JSON.stringify(mark));
    if (heapDiff) heaps.push(await heapSummary(cdp));
  }
  const [first, last] = [taken[0], taken[taken.length - 1]];
  console.log(`heap ${first.weight.heapMB.toFixed(1)} -> ${last.weight.heapMB.toFixed(1)} MB (${(last.weight.heapMB - first.weight.heapMB).toFixed(1)}), DOM ${first.weight.domNodes} -> ${last.weight.domNodes} (${last.weight.domNodes - first.weight.domNodes}), simulated ${first.weight.simSeconds.toFixed(0)} -> ${last.weight.simSeconds.toFixed(0)} s`);
  for (const k of Object.keys(last.dom)) if (last.dom[k] !== first.dom[k]) console.log(`  DOM ${k}: ${first.dom[k]} -> ${last.dom[k]}`);
  if (heaps.length > 1) {
    const [a, b] = [heaps[0], heaps[heaps.length - 1]];
    const grew = Object.keys(b).map((k) => ({ k, size: b[k].size - (a[k]?.size ?? 0), count: b[k].count - (a[k]?.count ?? 0) }))
      .sort((x, y) => y.size - x.size).slice(0, 25);
    for (const g of grew) console.log(`  heap ${g.k.slice(0, 60).padEnd(60)} ${(g.size / 2 ** 20).toFixed(2).padStart(7)} MB  ${String(g.count).padStart(8)} objects`);
    writeFileSync('/tmp/longRunProbe.heapdiff.json', JSON.stringify(grew));
  }
});
