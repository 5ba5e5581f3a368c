import { describe, expect, it } from 'vitest';
import { summariseTrace, type TraceEvent } from './traceSummary';

const meta = (pid: number, tid: number, kind: 'process_name' | 'thread_name', name: string): TraceEvent => ({ name: kind, ph: 'M', pid, tid, ts: 0, args: { name } });

describe('summariseTrace', () => {
  it('gives each event its self time, a parent less its children, per thread', () => {
    const events: TraceEvent[] = [
      meta(1, 1, 'process_name', 'Renderer'), meta(1, 1, 'thread_name', 'CrRendererMain'), meta(1, 2, 'thread_name', 'Compositor'),
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 10_000 },
      { name: 'Layout', ph: 'X', pid: 1, tid: 1, ts: 1_000, dur: 3_000 },
      { name: 'Paint', ph: 'B', pid: 1, tid: 1, ts: 5_000 },
      { name: 'Paint', ph: 'E', pid: 1, tid: 1, ts: 9_000 },
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 20_000, dur: 2_000 },
      { name: 'Raster', ph: 'X', pid: 1, tid: 2, ts: 0, dur: 500 },
    ];
    const [main, compositor] = summariseTrace(events);
    expect(main.thread).toBe('Renderer / CrRendererMain');
    expect(main.busyMs).toBe(12);
    expect(Object.fromEntries(main.selfMs)).toEqual({ RunTask: 5, Layout: 3, Paint: 4 });
    expect(compositor.thread).toBe('Renderer / Compositor');
    expect(compositor.selfMs).toEqual([['Raster', 0.5]]);
  });

  it('counts thread time with the thread clock, leaving out events without it', () => {
    const [t] = summariseTrace([
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 10_000, tts: 100, tdur: 4_000 },
      { name: 'Paint', ph: 'X', pid: 1, tid: 1, ts: 1_000, dur: 8_000, tts: 600, tdur: 1_000 },
      { name: 'Untimed', ph: 'X', pid: 1, tid: 1, ts: 2_000, dur: 1_000 },
    ], 'thread');
    expect(Object.fromEntries(t.selfMs)).toEqual({ RunTask: 3, Paint: 1 });
    expect(t.busyMs).toBe(4);
  });

  it('cuts a child that runs past its parent at the parent’s end', () => {
    const [t] = summariseTrace([
      { name: 'A', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 1_000 },
      { name: 'B', ph: 'X', pid: 1, tid: 1, ts: 500, dur: 1_000 },
    ]);
    expect(Object.fromEntries(t.selfMs)).toEqual({ A: 0.5, B: 0.5 });
    expect(t.busyMs).toBe(1);
  });
});
