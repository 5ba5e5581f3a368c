import type { SlicedWork } from './slicedWork';

// The page runs one piece of long work at a time; two runs' replays (a link opening a comparison
// far into the run) or their two oracles are one piece made of both, one after the other.

export function inSequence(label: string, works: SlicedWork[]): SlicedWork {
  let i = 0;
  const totals = () => works.map((w) => w.progress());
  return {
    label: works.length === 1 ? works[0].label : label,
    holdsClock: works.some((w) => w.holdsClock),
    step() {
      if (i >= works.length) return true;
      if (!works[i].step()) return false;
      works[i++].end(false);
      return i >= works.length;
    },
    frame() {
      works[Math.min(i, works.length - 1)]?.frame?.();
    },
    progress() {
      const all = totals();
      // each part counts as an equal share, however long its own measure
      const done = all.reduce((n, p, k) => n + (k < i ? 1 : k === i && p.total > 0 ? Math.min(1, p.done / p.total) : 0), 0);
      return { done, total: Math.max(1, works.length) };
    },
    end(cancelled) {
      if (!cancelled) return;
      // the part under way ends cancelled; the ones not begun never started
      if (i < works.length) works[i].end(true);
    },
  };
}
