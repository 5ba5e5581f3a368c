// The sampled CPU profile a Chromium trace carries (category disabled-by-default-v8.cpu_profiler:
// a `Profile` event per thread, then `ProfileChunk`s of call-tree nodes and samples), summed per
// function: self milliseconds (the function itself, with the lazy compiling V8 charges to it) and
// total milliseconds (with what it called). Only the profiles of threads that ran `origin`'s code.

export interface ProfileEvent {
  name: string; id?: string; pid?: number; tid?: number;
  args?: { data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}
interface ProfileNode { id: number; parent?: number; callFrame: { functionName?: string; url?: string; lineNumber?: number } }

export interface FunctionTimes { self: [string, number][]; total: [string, number][] }

/** `name file:line` of a call frame; `(anon)` for a function without a name. */
function frameName(f: ProfileNode['callFrame']): string {
  return `${f.functionName || '(anon)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber ?? ''}`;
}

export function functionTimes(events: ProfileEvent[], origin: string): FunctionTimes {
  const frames = new Map<string, { name: string; url: string; parent?: string }>();
  const chunks = events.filter((e) => e.name === 'ProfileChunk');
  for (const e of chunks) {
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) {
      frames.set(`${e.id}:${n.id}`, { name: frameName(n.callFrame), url: n.callFrame.url ?? '', parent: n.parent === undefined ? undefined : `${e.id}:${n.parent}` });
    }
  }
  const pages = new Set([...frames].filter(([, f]) => f.url.startsWith(origin)).map(([key]) => key.split(':')[0]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const e of chunks) {
    if (!pages.has(String(e.id))) continue;
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      // a sample lasts until the next one
      const ms = Math.max(0, deltas[i + 1] ?? 0) / 1000;
      const leaf = frames.get(`${e.id}:${samples[i]}`);
      if (!leaf || leaf.name.startsWith('(idle)')) continue;
      self.set(leaf.name, (self.get(leaf.name) ?? 0) + ms);
      const seen = new Set<string>();
      for (let f: typeof leaf | undefined = leaf; f; f = f.parent === undefined ? undefined : frames.get(f.parent)) {
        if (!seen.has(f.name)) total.set(f.name, (total.get(f.name) ?? 0) + ms);
        seen.add(f.name);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), total: sorted(total) };
}
