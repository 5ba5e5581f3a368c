import { describe, expect, it } from 'vitest';
import { factsIn, predicateProblems, stableIdsIn } from './predicate';

describe('predicates', () => {
  it('accepts the small language', () => {
    for (const p of [
      { event: 'checkpoint-completed', checkpoint: 1 }, { event: 'task-failed' }, { event: 'restored' }, { atLeast: '3 s' },
      { fact: 'oracle-verdict', equals: 'exactly-once' }, { fact: 'duplicates', min: 1 },
      { sequence: [{ event: 'task-failed', subtask: 'count/1' }, { event: 'checkpoint-completed' }] },
      { all: [{ not: { event: 'world-stopped' } }, { any: [{ event: 'restored' }] }] },
    ]) expect(predicateProblems(p, 'until')).toEqual([]);
  });

  it('names what is wrong and where', () => {
    expect(predicateProblems({ event: 'restored', times: 0 }, 'goal')).toEqual(['goal.times: expected a whole number from 1 to 10000']);
    expect(predicateProblems({ all: [] }, 'goal')).toEqual(['goal.all: expected 1 to 8 predicates']);
    expect(predicateProblems({ fact: 'key-group', equals: 3 }, 'goal')).toEqual(['goal.operator: the fact "key-group" needs it', 'goal.key: the fact "key-group" needs it']);
    expect(predicateProblems({ atLeast: '1 h' }, 'until')[0]).toMatch(/at most 120 s/);
    expect(predicateProblems([], 'until')[0]).toMatch(/^until: expected a predicate object/);
    expect(predicateProblems({ not: { not: { not: { not: { not: { not: { event: 'restored' } } } } } } }, 'g')[0]).toMatch(/nest deeper/);
  });

  it('lists the facts and stable ids a predicate names', () => {
    const p = { all: [{ fact: 'channel-was-blocked', channel: 'map/0->count/1', equals: true }, { event: 'task-failed', subtask: 'count/1' }] };
    expect(factsIn(p).map((f) => f.fact)).toEqual(['channel-was-blocked']);
    expect(stableIdsIn(p)).toEqual(['map/0->count/1', 'count/1']);
  });
});
