// Where a page's frames go, from a Chromium trace (devtools.timeline and friends): the self time of
// each event name per thread (a parent's time without its children's), so "Paint" and "Layout"
// and the raster tasks under them can be told apart and added up without counting anything twice.

export interface TraceEvent {
  name: string; ph: string; pid: number; tid: number; ts: number;
  dur?: number; tts?: number; tdur?: number; args?: { name?: string };
}

export interface ThreadSummary {
  /** "Renderer / CrRendererMain" */
  thread: string;
  /** wall milliseconds covered by top-level events on the thread */
  busyMs: number;
  /** event name -> self milliseconds, largest first */
  selfMs: [string, number][];
}

/**
 * Self time per event name and thread over complete events (`ph: 'X'`) and begin/end pairs
 * (`B`/`E`), in milliseconds; threads sorted by busy time, largest first. `clock: 'thread'` counts
 * the thread's CPU time (`tts`, `tdur`; events without them are left out), which a loaded machine
 * does not inflate as it does wall time.
 */
export function summariseTrace(events: TraceEvent[], clock: 'wall' | 'thread' = 'wall'): ThreadSummary[] {
  const start = (e: TraceEvent) => (clock === 'wall' ? e.ts : e.tts);
  const length = (e: TraceEvent) => (clock === 'wall' ? e.dur : e.tdur);
  const processNames = new Map<number, string>();
  const threadNames = new Map<string, string>();
  const spans = new Map<string, { name: string; start: number; end: number }[]>();
  const open = new Map<string, { name: string; start: number | undefined }[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'M') {
      if (e.name === 'process_name' && e.args?.name) processNames.set(e.pid, e.args.name);
      if (e.name === 'thread_name' && e.args?.name) threadNames.set(key, e.args.name);
      continue;
    }
    let list = spans.get(key);
    if (!list) spans.set(key, (list = []));
    const at = start(e);
    const dur = length(e);
    if (e.ph === 'X') {
      if (at !== undefined && dur !== undefined) list.push({ name: e.name, start: at, end: at + dur });
    } else if (e.ph === 'B') {
      let stack = open.get(key);
      if (!stack) open.set(key, (stack = []));
      stack.push({ name: e.name, start: at });
    } else if (e.ph === 'E') {
      const b = open.get(key)?.pop();
      if (b && b.start !== undefined && at !== undefined) list.push({ name: b.name, start: b.start, end: at });
    }
  }
  const out: ThreadSummary[] = [];
  for (const [key, list] of spans) {
    if (!list.length) continue;
    // outer spans first: by start, the longer one first when two start together
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const self = new Map<string, number>();
    const stack: { name: string; end: number; child: number; start: number }[] = [];
    let busy = 0;
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].end <= until) {
        const s = stack.pop()!;
        const total = s.end - s.start;
        self.set(s.name, (self.get(s.name) ?? 0) + Math.max(0, total - s.child));
        if (stack.length) stack[stack.length - 1].child += total;
        else busy += total;
      }
    };
    for (const s of list) {
      close(s.start);
      // a span overlapping its parent's end is cut there
      const end = stack.length ? Math.min(s.end, stack[stack.length - 1].end) : s.end;
      stack.push({ name: s.name, start: s.start, end, child: 0 });
    }
    close(Infinity);
    const pid = Number(key.split(':')[0]);
    out.push({
      thread: `${processNames.get(pid) ?? `pid ${pid}`} / ${threadNames.get(key) ?? key}`,
      busyMs: busy / 1000,
      selfMs: [...self].map(([n, us]) => [n, us / 1000] as [string, number]).sort((a, b) => b[1] - a[1]),
    });
  }
  return out.sort((a, b) => b.busyMs - a.busyMs);
}
