import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../store/narrate';
import { due, latestCaptionLine, NO_ANNOUNCEMENTS, takeLines } from './importantEvents';

let next = 0;
function line(id: LogLine['msg'] extends infer M ? (M extends { id: infer I } ? I : never) : never, p: object = {}): LogLine {
  const n = next++;
  return { id: n, time: n, text: String(id), kind: 'checkpoint', ids: [], msg: { id, p } as LogLine['msg'] };
}

describe('the events that matter to a room', () => {
  it('the caption is the latest checkpoint, failure or restore line, not a record', () => {
    const log = [line('checkpointTriggered', { savepoint: false, id: 1 }), line('recordRead'), line('completed', { savepoint: false, id: 1 }), line('sinkReceived')];
    expect(latestCaptionLine(log)?.msg?.id).toBe('completed');
    expect(latestCaptionLine([line('recordRead')])).toBeNull();
  });

  it('announces completed checkpoints and failures, one per interval, the latest of those held back', () => {
    const log: LogLine[] = [line('recordRead')];
    let a = takeLines(NO_ANNOUNCEMENTS, log);
    // what the log held when the page opened is not read out
    a = { ...a, pending: [] };
    log.push(line('checkpointTriggered', { savepoint: false, id: 1 }), line('completed', { savepoint: false, id: 1 }));
    a = takeLines(a, log);
    let d = due(a, 10_000, 3000);
    expect(d.say?.msg?.id).toBe('completed');
    expect(d.skipped).toBe(0);
    a = d.next;
    log.push(line('completed', { savepoint: false, id: 2 }), line('taskFailed', { name: 'x', cause: 'y' }));
    a = takeLines(a, log);
    // too soon: held back
    d = due(a, 11_000, 3000);
    expect(d.say).toBeNull();
    d = due(d.next, 13_000, 3000);
    expect(d.say?.msg?.id).toBe('taskFailed');
    expect(d.skipped).toBe(1);
  });

  it('a log that went back is not read out', () => {
    const log = [line('completed', { savepoint: false, id: 1 }), line('completed', { savepoint: false, id: 2 })];
    let a = takeLines(NO_ANNOUNCEMENTS, log);
    a = takeLines({ ...a, pending: [] }, log.slice(0, 1));
    expect(a.pending).toEqual([]);
    expect(a.seen).toBe(log[0].id);
  });
});
