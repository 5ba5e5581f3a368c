import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../store/narrate';
import { captionOfRuns } from './captionOfRuns';

const line = (id: number, time: number, text: string): LogLine => ({ id, time, text, kind: 'checkpoint', ids: [] } as unknown as LogLine);

describe("presenter mode's caption with two runs", () => {
  it('says the later event with its run, one event of both runs once, and nothing without events', () => {
    expect(captionOfRuns(null, null)).toBeNull();
    expect(captionOfRuns(line(1, 100, 'x'), null)!.runs).toEqual(['a']);
    expect(captionOfRuns(null, line(1, 100, 'x'))!.runs).toEqual(['b']);
    expect(captionOfRuns(line(1, 100, 'x'), line(7, 200, 'y'))).toMatchObject({ runs: ['b'], line: { id: 7 } });
    expect(captionOfRuns(line(3, 300, 'x'), line(7, 200, 'y'))).toMatchObject({ runs: ['a'], line: { id: 3 } });
    expect(captionOfRuns(line(3, 300, 'same'), line(9, 300, 'same'))!.runs).toEqual(['a', 'b']);
    // the same moment, other events: run A's, keyed apart from run B's line of the same id
    const tie = captionOfRuns(line(3, 300, 'x'), line(3, 300, 'y'))!;
    expect(tie.runs).toEqual(['a']);
    expect(tie.key).not.toBe(captionOfRuns(null, line(3, 300, 'y'))!.key);
  });
});
