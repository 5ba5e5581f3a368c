import { describe, expect, it } from 'vitest';
import { LessonError } from './errors';
import { missingMessages, parseMessages } from './messages';
import { parseLesson } from './parse';
import { LESSON_FILES } from './course';

describe('messages', () => {
  it('reads a language file into a Map and refuses bad entries by id', () => {
    expect(parseMessages({ 'a.b': 'text' }, 'en').get('a.b')).toBe('text');
    expect(() => parseMessages(JSON.parse('{"__proto__":"x"}'), 'ko')).toThrow(LessonError);
    expect(() => parseMessages({ 'a.b': 7 }, 'ko')).toThrow(/messages\/ko\.json\.a\.b/);
    expect(() => parseMessages({ 'a.b': 'x'.repeat(5000) }, 'ko')).toThrow(/1500/);
  });

  it('names every message a language lacks, with where the lesson names it', () => {
    const { lesson } = parseLesson(LESSON_FILES.get('failure-recovery'));
    const en = new Map([[lesson.title, 'x']]);
    const problems = missingMessages(lesson, new Map([['en', en], ['ko', en]]));
    expect(problems).toContain(`steps.0.say: no en message "${lesson.steps[0].say}"`);
    expect(problems).not.toContain(`title: no ko message "${lesson.title}"`);
  });
});
