import { describe, expect, it } from 'vitest';
import { COURSE_IDS, courseOutline, LESSON_FILES, loadMessages } from './course';

describe('course', () => {
  it('lists seventeen lessons in course order; every file is a course lesson under its own id', () => {
    expect(COURSE_IDS).toHaveLength(17);
    expect(courseOutline().filter((l) => l.written).map((l) => l.id)).toEqual(COURSE_IDS.filter((id) => LESSON_FILES.has(id)));
    for (const [id, raw] of LESSON_FILES) expect((raw as { id: string }).id).toBe(id);
  });

  it('has the same message ids in every language', () => {
    const m = loadMessages();
    expect([...m.get('ko')!.keys()].sort()).toEqual([...m.get('en')!.keys()].sort());
  });
});
