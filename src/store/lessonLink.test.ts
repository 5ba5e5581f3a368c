import { describe, expect, it } from 'vitest';
import { readLessonLink, withLesson } from './lessonLink';
import { parseProgress, markFinished, readProgress } from './lessonProgress';
import type { LessonState } from './lessonState';

describe('lesson links', () => {
  it('reads lesson, step and from, bounded', () => {
    expect(readLessonLink('?lesson=barriers&step=3')).toEqual({ link: { id: 'barriers', step: 3, withRun: false }, problems: [] });
    expect(readLessonLink('?lesson=barriers&step=2&from=5000.5&run=abc').link).toEqual({ id: 'barriers', step: 2, from: 5000.5, withRun: true });
    expect(readLessonLink('?scenario=default').link).toBeUndefined();
    expect(readLessonLink('?lesson=__proto__').problems).toEqual([{ kind: 'id', value: '__proto__' }]);
    expect(readLessonLink(`?lesson=${'a'.repeat(80)}`).problems[0].kind).toBe('id');
    const bad = readLessonLink('?lesson=barriers&step=0&from=-1');
    expect(bad.link).toEqual({ id: 'barriers', step: 1, withRun: false });
    expect(bad.problems.map((p) => p.kind)).toEqual(['step', 'from']);
    expect(readLessonLink('?lesson=barriers&step=99999').problems[0]).toEqual({ kind: 'step', value: '99999' });
    expect(readLessonLink('?lesson=barriers&step=41').problems).toHaveLength(1);
  });

  it("adds a course lesson's id, step and start to the page's address; a file's or a finished one is left out", () => {
    const lesson = { id: 'barriers', fromFile: false, step: 2, from: 5123.4567, done: false } as LessonState;
    expect(withLesson('?seed=1&lang=ko', lesson)).toBe('?seed=1&lang=ko&lesson=barriers&step=3&from=5123.457');
    expect(withLesson('', lesson)).toBe('?lesson=barriers&step=3&from=5123.457');
    expect(withLesson('?seed=1', { ...lesson, fromFile: true })).toBe('?seed=1');
    expect(withLesson('?seed=1', { ...lesson, done: true })).toBe('?seed=1');
    expect(withLesson('?seed=1', null)).toBe('?seed=1');
  });
});

describe('lesson progress in the browser', () => {
  const known = ['a', 'b', 'c'];
  it('keeps only known ids, in course order, from a bounded, valid text', () => {
    expect(parseProgress('["c","a","zzz",3,"a"]', known)).toEqual(['a', 'c']);
    expect(parseProgress('{"a":1}', known)).toEqual([]);
    expect(parseProgress('not json', known)).toEqual([]);
    expect(parseProgress(`[${'"a",'.repeat(2000)}"b"]`, known)).toEqual([]);
    expect(parseProgress(null, known)).toEqual([]);
  });

  it('marks a lesson finished once, and survives a storage that refuses', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(markFinished('c', known, storage)).toEqual(['c']);
    expect(markFinished('a', known, storage)).toEqual(['a', 'c']);
    expect(markFinished('nope', known, storage)).toEqual(['a', 'c']);
    expect(readProgress(known, storage)).toEqual(['a', 'c']);
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(readProgress(known, refusing)).toEqual([]);
    // not kept, but the lesson goes on
    expect(markFinished('a', known, refusing)).toEqual(['a']);
  });
});
