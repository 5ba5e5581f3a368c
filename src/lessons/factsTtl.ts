import { countOperatorEntries, type SimState } from '../engine';
import type { FactDef } from './factTypes';

// Facts of state TTL (lesson state-ttl): how much keyed state an operator holds, how much of it is
// expired and not cleaned up yet, and which way its size went.

function keyedOperator(state: SimState, id: string | undefined) {
  const op = state.plan.operators.find((o) => o.id === id);
  if (!op || !op.keyed) throw new RangeError(`the job has no keyed operator ${JSON.stringify(id)}`);
  return op;
}

function sizeNow(state: SimState, id: string | undefined): { entries: number; expired: number } {
  return countOperatorEntries(state, keyedOperator(state, id), state.now);
}

/** Keys the operator held at the first snapshot its subtasks took at or after `time`. */
function entriesAt(state: SimState, id: string | undefined, time: number): number {
  const op = keyedOperator(state, id);
  let n = 0;
  for (const sid of op.subtasks) {
    const sample = state.subtasks[sid].stateSizes?.find((s) => s.t >= time);
    if (!sample) throw new RangeError(`operator ${JSON.stringify(id)} has no state size sampled after ${time} ms (sizes are sampled at snapshots of runs with state TTL)`);
    n += sample.entries;
  }
  return n;
}

/** 'grows', 'falls' or 'flat': a change within a fifth (and at least two keys) counts as flat. */
export function trendOf(before: number, after: number): 'grows' | 'flat' | 'falls' {
  const band = Math.max(2, before / 5);
  return after > before + band ? 'grows' : after < before - band ? 'falls' : 'flat';
}

export const ttlFacts: [string, FactDef][] = [
  ['state-entries', {
    args: ['operator'], cost: 'cheap', doc: 'keys holding keyed state in the operator now, over its subtasks',
    compute: (run, a) => sizeNow(run.state, a.operator).entries,
  }],
  ['expired-entries', {
    args: ['operator'], cost: 'cheap', doc: 'keys of the operator holding a value whose TTL has run out and that no cleanup has removed yet',
    compute: (run, a) => sizeNow(run.state, a.operator).expired,
  }],
  ['state-size-trend', {
    args: ['operator', 'checkpoint'], cost: 'cheap', doc: "which way the operator's key count went from its snapshot for the checkpoint to now: grows, flat or falls",
    compute: (run, a) => {
      const rec = run.state.coordinator.history.find((h) => h.id === a.checkpoint);
      if (!rec) throw new RangeError(`checkpoint ${a.checkpoint} has not been triggered`);
      return trendOf(entriesAt(run.state, a.operator, rec.triggerTime), sizeNow(run.state, a.operator).entries);
    },
  }],
];
