import { DOMINANT_SHARE, type PatternNote } from '../../engine';
import { useLang, useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

// Where an imported job's figures show a pattern a lesson teaches (restPatterns.ts), a note says
// what the figures show and links to that lesson (`?lesson=<id>` opens it, in a new tab so the
// imported job stays here).

const SHOWN_IDS = 8;

export function lessonHref(lesson: string, lang: string): string {
  const params = new URLSearchParams({ lesson });
  if (lang !== 'en') params.set('lang', lang);
  return `?${params.toString()}`;
}

export function PatternNotes({ notes }: { notes: readonly PatternNote[] }) {
  const t = useT();
  const lang = useLang();
  if (!notes.length) return null;
  return (
    <section className="pattern-notes" aria-labelledby="pattern-notes-heading">
      <h3 id="pattern-notes-heading">{t('transfer.notes.heading')}</h3>
      <ul>
        {notes.map((n) => {
          const ids = n.checkpoints.slice(0, SHOWN_IDS).join(', ') + (n.checkpoints.length > SHOWN_IDS ? ', …' : '');
          return (
            <li key={n.pattern} data-testid={`pattern-note-${n.pattern}`}>
              {t(`transfer.note.${n.pattern}` as MessageId, { ids, n: n.checkpoints.length, share: `${Math.round(DOMINANT_SHARE * 100)}%` })}{' '}
              <a href={lessonHref(n.lesson, lang)} target="_blank" rel="noopener">{t('transfer.note.lesson', { title: t(`transfer.lesson.${n.lesson}` as MessageId) })}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
