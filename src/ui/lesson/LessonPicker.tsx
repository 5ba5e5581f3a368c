import { useEffect, useRef, useState } from 'react';
import { loadCourseList, openLesson } from '../../store/lessonState';
import { readProgress } from '../../store/lessonProgress';
import { useStoreApi } from '../../store/react';
import { useLang, useT } from '../../i18n/useT';
import { useFontFor } from './useLessonFont';
import './lesson.css';

type Course = { id: string; title: ReadonlyMap<string, string> }[];

/** The lesson list (CONTRACTS §5): the course in order, the lessons the learner finished marked. */
function LessonList({ close }: { close: () => void }) {
  const store = useStoreApi();
  const lang = useLang();
  const t = useT();
  const [course, setCourse] = useState<Course | null>(null);
  useEffect(() => {
    let live = true;
    void loadCourseList().then((c) => { if (live) setCourse(c); });
    return () => { live = false; };
  }, []);
  const titles = course?.map((c) => c.title.get(lang) ?? c.title.get('en') ?? c.id) ?? [];
  const fontReady = useFontFor(lang, titles.join(''));
  const finished = course ? readProgress(course.map((c) => c.id)) : [];
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [course, fontReady]);
  return (
    <div className="lesson-picker" role="dialog" aria-label={t('lesson.listTitle')} data-testid="lesson-picker" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
      <div className="lesson-picker-head">
        <h2>{t('lesson.listTitle')}</h2>
        <button type="button" className="link" onClick={close} aria-label={t('lesson.listClose')}>✕</button>
      </div>
      {!course || !fontReady ? <p className="muted">{t('lesson.listLoading')}</p> : (
        <>
          <p className="muted">{t('lesson.finishedCount', { n: finished.length, total: course.length })}</p>
          <ol>
            {course.map((c, i) => (
              <li key={c.id}>
                <button
                  type="button" ref={i === 0 ? first : undefined} data-testid={`lesson-item-${c.id}`}
                  className={finished.includes(c.id) ? 'finished' : ''}
                  onClick={() => { close(); void openLesson(store, c.id, 1); }}
                >
                  <span className="lesson-number">{i + 1}</span>
                  <span>{titles[i]}</span>
                  {finished.includes(c.id) && <span className="lesson-done">✓ {t('lesson.finishedMark')}</span>}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** The header's Lessons button and its list. */
export function LessonPicker() {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <div className="lesson-picker-anchor">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="lessons-button">{t('lesson.listButton')} ▾</button>
      {open && (
        <>
          <div className="lesson-picker-backdrop" onClick={() => setOpen(false)} />
          <LessonList close={() => setOpen(false)} />
        </>
      )}
    </div>
  );
}
