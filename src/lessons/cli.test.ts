import { describe, expect, it } from 'vitest';
import { parseArgs, runCli } from './cli';
import { LESSON_FILES } from './course';

describe('lessons CLI', () => {
  it('refuses bad arguments with exit 2', () => {
    for (const argv of [[], ['--check', '--lesson'], ['--check', '--lesson', 'nope'], ['--check', '--colour'], ['--check', '--lesson', 'barriers', '--lesson', 'barriers']]) {
      expect(runCli(argv).code).toBe(2);
    }
    expect(parseArgs(['--check', '--lesson', 'failure-recovery', '--json'])).toEqual({ lesson: 'failure-recovery', json: true });
  });

  it('checks one lesson, one line, exit 0 when it holds', () => {
    const r = runCli(['--check', '--lesson', 'naive-checkpoint']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok {4}naive-checkpoint \(5 steps, \d+ events\)\n$/);
  });

  it('says a course lesson not written yet fails, in JSON too', () => {
    // every course lesson is written now: take one file out for the while
    const files = LESSON_FILES as Map<string, unknown>;
    const file = files.get('state-backends');
    files.delete('state-backends');
    let r;
    try {
      r = runCli(['--check', '--lesson', 'state-backends', '--json']);
    } finally {
      files.set('state-backends', file);
    }
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ ok: false, lessons: [{ id: 'state-backends', ok: false, steps: 0, failures: ['not written yet'], events: 0 }] });
  });
});
