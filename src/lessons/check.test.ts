import { describe, expect, it } from 'vitest';
import { checkLesson } from './check';
import { COURSE_IDS, LESSON_FILES, loadMessages } from './course';
import type { Language } from './messages';

const messages = loadMessages();
const copy = <T>(v: T): T => structuredClone(v);
const lesson = () => copy(LESSON_FILES.get('failure-recovery')) as { steps: Record<string, unknown>[] };
const handsOn = (l: { steps: Record<string, unknown>[] }) => l.steps.findIndex((s) => s.goal !== undefined && (s.wrongOutcomes as unknown[]).length > 0);

describe('checkLesson', () => {
  for (const id of COURSE_IDS.filter((i) => LESSON_FILES.has(i))) {
    it(`passes for the lesson ${id}`, () => {
      const r = checkLesson(LESSON_FILES.get(id), messages);
      expect(r.failures).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }

  it('fails when a step loses its solution', () => {
    const l = lesson();
    const i = handsOn(l);
    delete l.steps[i].solution;
    const r = checkLesson(l, messages);
    expect(r.ok).toBe(false);
    expect(r.failures.join('\n')).toContain(`steps.${i}.solution`);
  });

  it('fails when a solution does nothing', () => {
    const l = lesson();
    const i = handsOn(l);
    l.steps[i].solution = [];
    const r = checkLesson(l, messages);
    expect(r.failures).toContain(`step ${i + 1}: the goal does not hold after the solution`);
  });

  it('fails when a solution is swapped with a wrong outcome', () => {
    const l = lesson();
    const i = handsOn(l);
    const wrong = l.steps[i].wrongOutcomes as unknown[];
    [l.steps[i].solution, wrong[0]] = [wrong[0], l.steps[i].solution];
    const r = checkLesson(l, messages);
    expect(r.failures).toContain(`step ${i + 1}: the goal does not hold after the solution`);
    expect(r.failures).toContain(`step ${i + 1}: the goal is reached by wrong outcome 1`);
  });

  it("fails when an ask's expect is changed", () => {
    const l = lesson();
    const i = l.steps.findIndex((s) => s.ask !== undefined);
    const ask = l.steps[i].ask as { expect: string; options: { id: string }[] };
    ask.expect = ask.options.find((o) => o.id !== ask.expect)!.id;
    const r = checkLesson(l, messages);
    expect(r.ok).toBe(false);
    expect(r.failures.some((f) => f.startsWith(`step ${i + 1}: ask.expect is "${ask.expect}" but the engine computes`))).toBe(true);
  });

  it('fails when one Korean message is missing', () => {
    const l = lesson();
    const ko = new Map(messages.get('ko'));
    const id = (l.steps[0] as { say: string }).say;
    ko.delete(id);
    const r = checkLesson(l, new Map<Language, ReadonlyMap<string, string>>([['en', messages.get('en')!], ['ko', ko]]));
    expect(r.failures).toContain(`steps.0.say: no ko message "${id}"`);
  });

  it('fails when a highlighted id is not in the job', () => {
    const l = lesson();
    l.steps[0].highlight = ['count/7', 'op:nothing', 'map/0->sink/0', 'cp:99'];
    const r = checkLesson(l, messages);
    expect(r.failures).toEqual(expect.arrayContaining([
      'step 1: highlight/select: the job has no subtask "count/7"',
      'step 1: highlight/select: the job has no operator "op:nothing"',
      'step 1: highlight/select: the job has no channel "map/0->sink/0"',
    ]));
    expect(r.failures.some((f) => f.includes('"cp:99" has not been triggered'))).toBe(true);
  });

  it('fails when an until does not happen within its limit', () => {
    const l = lesson();
    l.steps[0].until = { event: 'checkpoint-completed', checkpoint: 1 };
    l.steps[0].within = '2 s';
    const r = checkLesson(l, messages);
    expect(r.failures[0]).toBe('step 1: "until" did not happen within 2 s');
  });
});
