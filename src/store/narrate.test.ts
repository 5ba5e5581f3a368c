import { describe, expect, it } from 'vitest';
import { builtinScenario, Simulation, type TraceEvent } from '../engine';
import { narrate, type LogLine } from './narrate';

function logOf(conf: Record<string, string>, until = 12_000): { lines: Omit<LogLine, 'id'>[]; events: TraceEvent[] } {
  const sim = Simulation.create(builtinScenario('default')!, { conf });
  const lines: Omit<LogLine, 'id'>[] = [];
  const events: TraceEvent[] = [];
  sim.subscribe((ev) => {
    const line = narrate(ev, sim.state);
    if (line) {
      lines.push(line);
      events.push(ev);
    }
  });
  sim.runUntil(until);
  return { lines, events };
}

describe('narration', () => {
  it('at-least-once: a task tracks barriers and blocks nothing', () => {
    const { lines } = logOf({ 'execution.checkpointing.mode': 'AT_LEAST_ONCE' });
    const tracking = lines.filter((l) => /tracking barrier/.test(l.text));
    expect(tracking.length).toBeGreaterThan(0);
    expect(tracking[0].text).toMatch(/^Keyed Count \(\d\/2\) is tracking barrier \d+: 1 input to go, nothing blocked/);
    expect(tracking[0].ids).toEqual([expect.stringMatching(/^count\/\d$/), expect.stringMatching(/^cp:\d+$/)]);
    for (const l of lines) expect(l.text).not.toMatch(/aligning|is blocked/);
  });

  it('exactly-once: a task aligns, blocking the channel that delivered its barrier', () => {
    const { lines } = logOf({});
    expect(lines.some((l) => /got its first barrier \d+: aligning, that channel is blocked/.test(l.text))).toBe(true);
    expect(lines.some((l) => /tracking/.test(l.text))).toBe(false);
  });

  it('unaligned: the first barrier triggers the checkpoint, nothing waits; with an aligned-checkpoint timeout it aligns first', () => {
    const { lines } = logOf({ 'execution.checkpointing.unaligned.enabled': 'true' });
    expect(lines.some((l) => /got its first barrier \d+ and checkpoints at once \(unaligned\): nothing blocked/.test(l.text))).toBe(true);
    for (const l of lines) expect(l.text).not.toMatch(/aligning, that channel is blocked/);
    const withTimeout = logOf({ 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '1 s' }).lines;
    expect(withTimeout.some((l) => /aligning, that channel is blocked/.test(l.text))).toBe(true);
  });

  it('each line carries the stable ids of what it mentions', () => {
    const { lines } = logOf({}, 8000);
    const read = lines.find((l) => / read /.test(l.text))!;
    expect(read.ids).toEqual([expect.stringMatching(/^source\/\d$/)]);
    const completed = lines.find((l) => /COMPLETED/.test(l.text))!;
    expect(completed.ids).toEqual([expect.stringMatching(/^cp:\d+$/)]);
    const sent = lines.find((l) => /sends barrier/.test(l.text) && l.text.startsWith('Map'))!;
    expect(sent.ids).toEqual(expect.arrayContaining([expect.stringMatching(/^map\/\d$/), expect.stringMatching(/^cp:/), expect.stringMatching(/^map\/\d->count\/\d$/)]));
  });
});
