import { writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { median } from './measure';
import { functionTimes, type ProfileEvent } from './cpuProfile';
import { BASE, buildSite, FIRST_SCREEN_READY, firstLoadMs, throttledLoad, VIEWPORT, withBrowser } from './page';
import { summariseTrace, type TraceEvent } from './traceSummary';

// `node --import tsx bench/firstLoadProbe.ts [query] [--tries N] [--rate R] [--trace out.json] [--no-profile] [--unminified] [--no-build]`:
// the bench's first-load figure (navigation start to an interactive first screen, CPU throttled
// R×, default 4, fresh context, median of N, default 3) for one page (`lang=ko`, say), and with
// --trace one more throttled load traced: where its time went on the renderer's main thread (self
// time per event: script compile, evaluation, layout, paint, GC), when each script ran, and which
// files were fetched before the page was ready (no Korean font pieces for an English page).
// The trace's sampled CPU profile (the per-function tables) makes V8 collect source positions and
// compile as it samples: it multiplies compile time several-fold. --no-profile leaves it out, for
// event times as an untraced load has them.

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const traceOut = flag('--trace');
const tries = Number(flag('--tries') ?? 3);
const rate = Number(flag('--rate') ?? 4);
const unminified = args.includes('--unminified');
const noBuild = args.includes('--no-build');
const noProfile = args.includes('--no-profile');
const query = (args.find((a) => !a.startsWith('--')) ?? '').replace(/^\?/, '');

const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.compile', ...(noProfile ? [] : ['disabled-by-default-v8.cpu_profiler'])];

/**
 * One more throttled load: the renderer's CPU until the first screen is ready (Chromium's
 * counters: main thread, and the time in tasks, script, layout and style), which hardly changes
 * when other processes load the machine, unlike the wall time.
 */
async function cpuToReady(browser: Browser): Promise<Record<string, number>> {
  const { readyMs, metric } = await throttledLoad(browser, BASE, rate, query);
  const of = (name: string) => Math.round(metric(name) * 1000);
  return { readyMs: Math.round(readyMs), threadCpuMs: of('ThreadTime'), taskMs: of('TaskDuration'), scriptMs: of('ScriptDuration'), layoutMs: of('LayoutDuration'), styleMs: of('RecalcStyleDuration') };
}

if (!noBuild) buildSite(unminified);
await withBrowser(async (browser) => {
  const load = await firstLoadMs(browser, rate, tries, query);
  console.log(`first load${query ? ` ?${query}` : ''}, CPU ${rate}x: median ${Math.round(load.medianMs)} ms of ${load.runsMs.map(Math.round).join(', ')}`);
  const cpu: Record<string, number>[] = [];
  for (let i = 0; i < tries; i++) cpu.push(await cpuToReady(browser));
  const med = (k: string) => median(cpu.map((c) => c[k]));
  console.log(`renderer to ready, median of ${tries}: thread CPU ${med('threadCpuMs')} ms, tasks ${med('taskMs')} ms (script ${med('scriptMs')}, layout ${med('layoutMs')}, style ${med('styleMs')}); ready ${cpu.map((c) => c.readyMs).join(', ')} ms`);
  if (!traceOut) return;

  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(`${BASE}/${query ? `?${query}` : ''}`, { waitUntil: 'commit' });
    const readyAt = Number(await (await page.waitForFunction(FIRST_SCREEN_READY, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue());
    const buffer = await browser.stopTracing();
    writeFileSync(traceOut, buffer);
    const resources = await page.evaluate<{ name: string; start: number; end: number; size: number }[]>(`performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd, size: r.encodedBodySize }))`);
    console.log(`traced load: ready at ${Math.round(readyAt)} ms (tracing slows it); trace in ${traceOut}`);

    const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = summariseTrace(events).find((t) => t.thread.includes('CrRendererMain') && t.busyMs > 0);
    if (main) {
      console.log(`renderer main thread busy ${Math.round(main.busyMs)} ms; self time by event:`);
      for (const [name, ms] of main.selfMs.slice(0, 18)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
    }
    if (!noProfile) {
      const profile = functionTimes(events as ProfileEvent[], BASE);
      console.log('CPU profile of the page\'s main thread, self ms (lazy compiling counts to the function compiled):');
      for (const [name, ms] of profile.self.slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
      console.log('CPU profile, total ms (with callees):');
      for (const [name, ms] of profile.total.slice(0, 45)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
    }
    // the main thread's long tasks in order, from the document's request: what each mostly did
    const mainKey = (() => { const m = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'v8.evaluateModule')); return m ? `${m.pid}:${m.tid}` : ''; })();
    const t0 = events.find((e) => e.name === 'ResourceSendRequest')?.ts ?? 0;
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X' && e.dur !== undefined);
    console.log('main-thread tasks over 50 ms (start from the document request, duration, what is inside):');
    for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur! >= 50_000).sort((x, y) => x.ts - y.ts)) {
      const inside = onMain.find((c) => c.ts >= task.ts && c.ts < task.ts + task.dur! && /^(v8\.evaluateModule|v8\.compileModule|MessagePort::Accept|FireAnimationFrame|WebFrameWidgetImpl::UpdateLifecycle|ParseHTML|TimerFire|RunMicrotasks|EvaluateScript)$/.test(c.name));
      console.log(`  ${Math.round((task.ts - t0) / 1000).toString().padStart(6)} ms +${Math.round(task.dur! / 1000).toString().padEnd(5)} ${inside?.name ?? ''}`);
    }
    const before = resources.filter((r) => r.start < readyAt);
    console.log(`fetched before ready (${before.length} files, ${Math.round(before.reduce((s, r) => s + r.size, 0) / 1000)} kB as sent):`);
    for (const r of before) console.log(`  ${Math.round(r.start).toString().padStart(5)}–${Math.round(r.end).toString().padEnd(5)} ms ${(r.size / 1000).toFixed(1).padStart(7)} kB  ${r.name.replace(BASE, '')}`);
    const after = resources.length - before.length;
    if (after) console.log(`(${after} more fetched after ready)`);
  } finally {
    await context.close().catch(() => undefined);
  }
});
