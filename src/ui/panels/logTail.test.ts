import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../store/narrate';
import { countAfter, keptTail } from './logTail';

const KINDS: LogLine['kind'][] = ['record', 'state', 'flow', 'job', 'checkpoint'];
const lines = (n: number, from = 0): LogLine[] => Array.from({ length: n }, (_, i) => ({ id: from + i, time: (from + i) * 10, text: `line ${from + i}`, kind: KINDS[(from + i) % KINDS.length], ids: [] }));

describe('the event log read from its newest line', () => {
  it('keeps the last lines of the kinds shown, oldest first, as filtering the whole log would', () => {
    const log = lines(300);
    const hidden = new Set<LogLine['kind']>(['record', 'flow']);
    const whole = log.filter((l) => !hidden.has(l.kind));
    expect(keptTail(log, hidden, 80)).toEqual(whole.slice(-80));
    expect(keptTail(log, hidden, Infinity)).toEqual(whole);
    expect(keptTail(log, new Set(), 5).map((l) => l.id)).toEqual([295, 296, 297, 298, 299]);
    expect(keptTail(log, new Set(KINDS), 80)).toEqual([]);
  });

  it('counts the lines after a given one that a filter lets through', () => {
    const log = lines(50, 100);
    const hidden = new Set<LogLine['kind']>(['state']);
    for (const last of [99, 120, 148, 149, 200]) {
      expect(countAfter(log, last, hidden)).toBe(log.filter((l) => l.id > last && !hidden.has(l.kind)).length);
    }
    expect(countAfter([], 3, hidden)).toBe(0);
  });
});
