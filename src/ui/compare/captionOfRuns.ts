import type { LogLine } from '../../store/narrate';

// Presenter mode's caption with two runs compared: the latest event that matters in either run,
// said with the run it happened in ("Run B · checkpoint 5 completed"), or both runs when the same
// event happened in both at the same moment (a command given to both, a checkpoint trigger).

export interface RunsCaption { line: LogLine; runs: ('a' | 'b')[]; key: string }

export function captionOfRuns(a: LogLine | null, b: LogLine | null): RunsCaption | null {
  if (!a && !b) return null;
  if (a && b && a.time === b.time && a.text === b.text) return { line: a, runs: ['a', 'b'], key: `ab${a.id}/${b.id}` };
  // the later one; at the same moment, run A's
  if (a && (!b || a.time >= b.time)) return { line: a, runs: ['a'], key: `a${a.id}` };
  return { line: b!, runs: ['b'], key: `b${b!.id}` };
}
