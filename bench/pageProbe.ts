import { writeFileSync } from 'node:fs';
import { buildSite, frameFigures, openPlaying, WIDE_5000, WIDE_5000_MIN_IN_FLIGHT, WIDE_COMPARE_MIN_IN_FLIGHT_EACH, withBrowser } from './page';
import { summariseTrace, type TraceEvent } from './traceSummary';

// `node --import tsx bench/pageProbe.ts [speedPosition] [query] [--min N] [--profile out.cpuprofile] [--trace out.json] [--no-build]`:
// frame figures of one page setting, and optionally a CPU profile of the page meanwhile, to see
// where a frame's time goes (open the .cpuprofile in Chromium's DevTools, or read its top list).
// `--trace` then records 3 s of a Chromium trace (devtools.timeline, cc, gpu) and prints each
// busy thread's self time per frame by event name: style, layout, paint, raster, GPU apart.

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const profileOut = flag('--profile');
const traceOut = flag('--trace');
const minFlag = flag('--min');
const noBuild = args.includes('--no-build');
const rest = args.filter((a) => a !== '--no-build');
const speed = Number(rest[0] ?? 40);
const query = (rest[1] ?? WIDE_5000).replace(/^\?/, '');
// the records each run must have in flight before frames count: the wide variant's, half each when compared
const minInFlight = minFlag !== undefined ? Number(minFlag)
  : !query.includes(WIDE_5000) ? 1000
  : /(^|&)b\./.test(query) ? WIDE_COMPARE_MIN_IN_FLIGHT_EACH : WIDE_5000_MIN_IN_FLIGHT;

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

if (!noBuild) buildSite(Boolean(profileOut));
await withBrowser(async (browser) => {
  const page = await openPlaying(browser, query, minInFlight, speed);
  const cdp = await page.context().newCDPSession(page);
  if (profileOut) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const figures = await frameFigures(page);
  console.log(JSON.stringify({ speed, query, ...figures }));
  if (profileOut) {
    const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: ProfileNode[] } };
    writeFileSync(profileOut, JSON.stringify(profile));
    const self = new Map<string, number>();
    let total = 0;
    for (const n of profile.nodes) {
      const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(name, (self.get(name) ?? 0) + (n.hitCount ?? 0));
      total += n.hitCount ?? 0;
    }
    for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(hits / total * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
  if (traceOut) {
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'cc', 'gpu', 'viz', 'blink', 'v8.execute'];
    await browser.startTracing(page, { categories });
    const frames = await page.evaluate<number>(`new Promise((resolve) => {
      let n = 0;
      const until = performance.now() + 3000;
      const frame = (now) => { n++; if (now < until) requestAnimationFrame(frame); else resolve(n); };
      requestAnimationFrame(frame);
    })`);
    const buffer = await browser.stopTracing();
    writeFileSync(traceOut, buffer);
    const parsed = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const threads = summariseTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents, 'thread');
    console.log(`trace: ${frames} frames; self CPU ms per frame by thread and event (thread clock)`);
    for (const t of threads.filter((x) => x.busyMs / frames >= 0.2).slice(0, 8)) {
      console.log(`${(t.busyMs / frames).toFixed(2).padStart(7)} ms  ${t.thread}`);
      for (const [name, ms] of t.selfMs.slice(0, 14)) if (ms / frames >= 0.1) console.log(`           ${(ms / frames).toFixed(2).padStart(6)}  ${name}`);
    }
  }
});
