import { describe, expect, it } from 'vitest';
import { afterFirstScreen, type IdleHost } from './afterFirstScreen';

/** A host whose frames, timers and idle callbacks run when the test says so, in the order queued. */
function fakeHost(idle = true) {
  const queued: { kind: 'frame' | 'timer' | 'idle'; id: number; run: () => void; timeout?: number }[] = [];
  let next = 1;
  const add = (kind: 'frame' | 'timer' | 'idle', run: () => void, timeout?: number) => {
    const id = next++;
    queued.push({ kind, id, run, timeout });
    return id;
  };
  const remove = (id: number) => {
    const i = queued.findIndex((q) => q.id === id);
    if (i >= 0) queued.splice(i, 1);
  };
  const host: IdleHost = {
    requestAnimationFrame: (cb) => add('frame', cb),
    cancelAnimationFrame: remove,
    setTimeout: (cb) => add('timer', cb),
    clearTimeout: remove,
    ...(idle ? { requestIdleCallback: (cb: () => void, o?: { timeout: number }) => add('idle', cb, o?.timeout), cancelIdleCallback: remove } : {}),
  };
  /** runs the first queued callback of `kind`; returns false when there is none */
  const fire = (kind: 'frame' | 'timer' | 'idle') => {
    const i = queued.findIndex((q) => q.kind === kind);
    if (i < 0) return false;
    const [q] = queued.splice(i, 1);
    q.run();
    return true;
  };
  return { host, queued, fire };
}

describe('afterFirstScreen', () => {
  it('runs the work after a frame, then a task, then an idle moment, once', () => {
    const { host, queued, fire } = fakeHost();
    let runs = 0;
    afterFirstScreen(() => runs++, 3000, host);
    expect(runs).toBe(0);
    expect(fire('idle')).toBe(false);
    expect(fire('frame')).toBe(true);
    expect(runs).toBe(0);
    expect(fire('timer')).toBe(true);
    expect(runs).toBe(0);
    expect(queued).toMatchObject([{ kind: 'idle', timeout: 3000 }]);
    expect(fire('idle')).toBe(true);
    expect(runs).toBe(1);
    expect(queued).toHaveLength(0);
  });

  it('falls back to a timer where there are no idle callbacks', () => {
    const { host, fire } = fakeHost(false);
    let runs = 0;
    afterFirstScreen(() => runs++, 3000, host);
    fire('frame');
    fire('timer');
    expect(runs).toBe(0);
    fire('timer');
    expect(runs).toBe(1);
  });

  it('does nothing once cancelled, at any step', () => {
    for (let steps = 0; steps < 3; steps++) {
      const { host, queued, fire } = fakeHost();
      let runs = 0;
      const cancel = afterFirstScreen(() => runs++, 3000, host);
      if (steps > 0) fire('frame');
      if (steps > 1) fire('timer');
      cancel();
      expect(queued).toHaveLength(0);
      expect(runs).toBe(0);
    }
  });
});
