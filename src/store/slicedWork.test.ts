import { describe, expect, it } from 'vitest';
import { workRunner, type SlicedWork } from './slicedWork';

function counting(total: number, ended: boolean[]): SlicedWork {
  let done = 0;
  return { label: 'counting', step: () => ++done >= total, progress: () => ({ done, total }), end: (cancelled) => ended.push(cancelled) };
}

describe('long work in pieces', () => {
  it('goes on one frame at a time, reporting progress, until it is done', () => {
    const frames: (() => void)[] = [];
    const reports: unknown[] = [];
    const runner = workRunner((next) => { frames.push(next); return () => {}; }, (b) => reports.push(b), () => {});
    const ended: boolean[] = [];
    runner.start(counting(3, ended));
    expect(reports[0]).toEqual({ label: 'counting', done: 0, total: 3 });
    while (frames.length) frames.shift()!();
    expect(ended).toEqual([false]);
    expect(reports.at(-1)).toBeNull();
    expect(runner.current()).toBeNull();
  });

  it('Cancel ends it where it got; starting other work cancels the one under way', () => {
    const frames: (() => void)[] = [];
    const runner = workRunner((next) => { frames.push(next); return () => frames.splice(frames.indexOf(next), 1); }, () => {}, () => {});
    const first: boolean[] = [];
    const second: boolean[] = [];
    const never = (ended: boolean[]): SlicedWork => ({ ...counting(Infinity, ended), step: () => false });
    runner.start(never(first));
    runner.start(never(second));
    expect(first).toEqual([true]);
    runner.cancel();
    expect(second).toEqual([true]);
    expect(frames).toHaveLength(0);
  });

  it('a piece that throws ends the work and is reported', () => {
    const errors: string[] = [];
    const runner = workRunner('sync', () => {}, (_w, e) => errors.push(e.message));
    const ended: boolean[] = [];
    runner.start({ ...counting(5, ended), step: () => { throw new Error('boom'); } });
    expect(errors).toEqual(['boom']);
    expect(ended).toEqual([false]);
  });
});
