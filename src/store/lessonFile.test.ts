import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../lessons/check';
import { loadMessages } from '../lessons/course';
import { looksLikeLessonText } from './lessonState';
import { readLessonFile } from './lessonFile';

// A teacher's lesson file: the README's complete example opens and holds the course's check; a
// broken one is refused with the path of what is wrong.

const course = loadMessages();

function readmeExample(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('"id": "my-first-lesson"'));
  if (!block) throw new Error('the README has no lesson file example');
  return block;
}

describe('lesson files', () => {
  it("the README's example opens, carries its own messages in both languages, and holds the course's check", () => {
    const text = readmeExample();
    expect(looksLikeLessonText(text)).toBe(true);
    const read = readLessonFile(text, course);
    if ('problem' in read) throw new Error(read.problem);
    expect(read.parsed.lesson.steps).toHaveLength(3);
    expect(read.messages.get('ko')?.get('mine.title')).toBe('나의 첫 레슨: 장애');
    const { messages: _, ...lesson } = JSON.parse(text) as Record<string, unknown>;
    const result = checkLesson(lesson, read.messages);
    expect(result.failures).toEqual([]);
  });

  it('refuses a broken file with the path of each problem', () => {
    const raw = JSON.parse(readmeExample()) as { steps: Record<string, unknown>[]; messages: { en: Record<string, string> } };
    raw.steps[1].until = { event: 'no-such-event' };
    const bad = readLessonFile(JSON.stringify(raw), course);
    expect('problem' in bad && bad.problem).toMatch(/steps\.1\.until/);
    const noText = JSON.parse(readmeExample()) as typeof raw;
    delete noText.messages.en['mine.kill.hint'];
    expect((readLessonFile(JSON.stringify(noText), course) as { problem: string }).problem).toMatch(/steps\.1\.hint: no English message "mine\.kill\.hint"/);
    expect((readLessonFile('{"steps": 1, "messages": {"fr": {}}}', course) as { problem: string }).problem).toMatch(/messages\.fr/);
    expect((readLessonFile('not json', course) as { problem: string }).problem).toMatch(/not JSON/);
    expect((readLessonFile('x'.repeat(300_000), course) as { problem: string }).problem).toMatch(/at most/);
    expect(looksLikeLessonText('{"operators": []}')).toBe(false);
  });
});
