import { describe, expect, it } from 'vitest';
import { LESSON_FILES } from './course';
import { LessonError } from './errors';
import { parseLesson } from './parse';

const good = () => structuredClone(LESSON_FILES.get('failure-recovery')) as Record<string, unknown> & { steps: Record<string, unknown>[] };

function problemsOf(raw: unknown): string[] {
  try {
    parseLesson(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(LessonError);
    return (e as LessonError).allProblems;
  }
  throw new Error('the lesson was accepted');
}

describe('parseLesson', () => {
  it('reads a lesson and its setup', () => {
    const { lesson, setup } = parseLesson(good());
    expect(lesson.id).toBe('failure-recovery');
    expect(setup.scenario.id).toBe('default');
    expect(lesson.steps.find((s) => s.solution)?.solution?.[0].command.kind).toBe('fault');
  });

  it('refuses __proto__ as ids and keys, naming the path', () => {
    const l = good();
    l.id = '__proto__';
    const ask = l.steps[1].ask as { options: { id: string }[]; expect: string };
    ask.options[0].id = '__proto__';
    const p = problemsOf(l);
    expect(p.some((x) => x.startsWith('id:'))).toBe(true);
    expect(p.some((x) => x.startsWith('steps.1.ask.options.0.id:'))).toBe(true);
    const withProtoConf = JSON.parse('{"id":"x","title":"x.t","scenario":"default","conf":{"__proto__":"1"},"steps":[{"say":"x.s"}]}');
    expect(problemsOf(withProtoConf)[0]).toContain('conf."__proto__"');
    const protoFact = good();
    protoFact.steps[1].ask = { ...(protoFact.steps[1].ask as object), compute: JSON.parse('{"fact":"__proto__"}') };
    expect(problemsOf(protoFact)[0]).toMatch(/^steps\.1\.ask\.compute\.fact: unknown fact "__proto__"/);
  });

  it('refuses huge arrays and deep nesting before walking them', () => {
    const many = good();
    many.steps = Array.from({ length: 50_000 }, () => ({ say: 'x.y' }));
    expect(problemsOf(many)[0]).toMatch(/more than 20000 values/);
    let deep: unknown = { event: 'restored' };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    const nested = good();
    nested.steps[0].until = deep;
    expect(problemsOf(nested)[0]).toMatch(/nested deeper than/);
    const long = good();
    long.steps = Array.from({ length: 41 }, () => ({ say: 'x.y' }));
    expect(problemsOf(long)[0]).toMatch(/^steps:/);
    const huge = good();
    huge.steps[0].say = 'x'.repeat(100_000);
    expect(problemsOf(huge)[0]).toMatch(/^steps\.0\.say:/);
  });

  it('refuses bad predicates with their path', () => {
    const l = good();
    l.steps[0].until = { event: 'coffee-break' };
    l.steps[1].goal = { all: [{ atLeast: 'soon' }, { fact: 'restored-from' }, { fact: 'has-duplicates', equals: true, colour: 'red' }] };
    l.steps[3].until = { fact: 'oracle-verdict', equals: 'exactly-once' };
    const p = problemsOf(l);
    expect(p).toEqual(expect.arrayContaining([
      expect.stringMatching(/^steps\.0\.until\.event: unknown event "coffee-break"/),
      expect.stringMatching(/^steps\.1\.goal\.all\.0\.atLeast: expected a duration/),
      'steps.1.goal.all.1: a fact predicate compares with "equals", "min" or "max"',
      expect.stringMatching(/^steps\.1\.goal\.all\.2: unknown field "colour"/),
      expect.stringMatching(/^steps\.3\.until: the fact "oracle-verdict" drains the run/),
    ]));
  });

  it('refuses commands and ids the job does not have', () => {
    const l = good();
    l.steps[1].solution = [{ at: 0, command: { kind: 'fault', fault: { kind: 'task', subtask: 99 } } }];
    l.steps[1].goal = { event: 'task-failed', subtask: 'count/9' };
    const p = problemsOf(l);
    expect(p).toEqual(expect.arrayContaining([
      expect.stringMatching(/^steps\.1\.solution: commands\.0: the job has no subtask 99/),
      'steps.1.goal: the job has no "count/9"',
    ]));
  });

  it('refuses an unknown scenario, a bad configuration and a goal without its solution', () => {
    expect(problemsOf({ ...good(), scenario: 'nowhere' })).toEqual(['scenario: no built-in scenario "nowhere"']);
    expect(problemsOf({ ...good(), conf: { 'sim.sink.kind': 'paper' } })[0]).toMatch(/^conf: .*sim\.sink\.kind/);
    const l = good();
    delete l.steps[1].hint;
    delete l.steps[1].wrongOutcomes;
    expect(problemsOf(l)).toEqual(expect.arrayContaining([
      'steps.1.hint: a step with a goal has a hint',
      'steps.1.wrongOutcomes: a step with a goal lists at least one command list that misses it',
    ]));
  });
});
