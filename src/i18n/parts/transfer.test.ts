import { describe, expect, it } from 'vitest';
import type { PatternNote } from '../../engine';
import { LESSON_FILES } from '../../lessons/course';
import lessonsEn from '../../lessons/messages/en.json';
import lessonsKo from '../../lessons/messages/ko.json';
import { transferEn } from './transfer.en';
import { transferKo } from './transfer.ko';

// The imported job's pattern notes link to lessons by id and name them by title: every lesson a
// note can point to exists, and its title here is the lesson's own, in both languages.

const NOTE_LESSONS: PatternNote['lesson'][] = ['backpressure', 'unaligned', 'state-backends'];
const PATTERNS: PatternNote['pattern'][] = ['alignment-dominates', 'start-delay-dominates', 'persisted-in-flight', 'checkpoints-expiring', 'async-dominates'];

describe('the transfer messages', () => {
  it.each(NOTE_LESSONS)('names lesson %s as the lesson does', (lesson) => {
    expect(LESSON_FILES.has(lesson)).toBe(true);
    const id = `transfer.lesson.${lesson}` as keyof typeof transferEn;
    expect(transferEn[id]).toBe((lessonsEn as Record<string, string>)[`${lesson}.title`]);
    expect(transferKo[id]).toBe((lessonsKo as Record<string, string>)[`${lesson}.title`]);
  });

  it('has a note for every pattern', () => {
    for (const p of PATTERNS) expect(Object.hasOwn(transferEn, `transfer.note.${p}`)).toBe(true);
  });
});
