import { checkLesson, type LessonResult } from './check';
import { COURSE_IDS, LESSON_FILES, loadMessages } from './course';
import { LessonError } from './errors';

// npm run --silent lessons -- --check [--lesson <id>] [--json]
// Checks every written lesson (or one) headless on the engine: one line per lesson, exit 0 only
// when all hold, 1 when one fails, 2 on bad arguments.

export const USAGE = 'usage: npm run --silent lessons -- --check [--lesson <id>] [--json]';

export interface CliOutcome { code: 0 | 1 | 2; out: string; err: string }

export function parseArgs(argv: readonly string[]): { lesson?: string; json: boolean } | string {
  let check = false;
  let json = false;
  let lesson: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--json') json = true;
    else if (a === '--lesson') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return '--lesson needs a lesson id';
      if (lesson !== undefined) return '--lesson given twice';
      lesson = v;
    } else return `unknown argument ${JSON.stringify(a.slice(0, 40))}`;
  }
  if (!check) return 'nothing to do: give --check';
  if (lesson !== undefined && !(COURSE_IDS as readonly string[]).includes(lesson)) return `no lesson ${JSON.stringify(lesson.slice(0, 64))} in the course (${COURSE_IDS.join(', ')})`;
  return { lesson, json };
}

function line(r: LessonResult): string {
  return r.ok ? `ok    ${r.id} (${r.steps} steps, ${r.events} events)` : `FAIL  ${r.id}: ${r.failures.join('; ')}`;
}

export function runCli(argv: readonly string[]): CliOutcome {
  const args = parseArgs(argv);
  if (typeof args === 'string') return { code: 2, out: '', err: `${args}\n${USAGE}\n` };
  let messages;
  try {
    messages = loadMessages();
  } catch (e) {
    const text = e instanceof LessonError ? e.allProblems.join('; ') : (e as Error).message;
    return { code: 1, out: '', err: `messages: ${text}\n` };
  }
  const ids = args.lesson ? [args.lesson] : COURSE_IDS.filter((id) => LESSON_FILES.has(id));
  const results: LessonResult[] = ids.map((id) => {
    const raw = LESSON_FILES.get(id);
    return raw === undefined ? { id, ok: false, steps: 0, failures: ['not written yet'], events: 0 } : checkLesson(raw, messages);
  });
  const ok = results.every((r) => r.ok);
  const out = args.json ? `${JSON.stringify({ ok, lessons: results }, null, 2)}\n` : results.map((r) => `${line(r)}\n`).join('');
  return { code: ok ? 0 : 1, out, err: '' };
}

const entry = process.argv[1] ?? '';
if (/lessons[\\/]cli\.ts$/.test(entry)) {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.out);
  process.stderr.write(r.err);
  process.exitCode = r.code;
}
