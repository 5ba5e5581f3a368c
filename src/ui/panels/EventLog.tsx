import { useEffect, useRef } from 'react';
import { narrationText, type LogLine } from '../../store/narrate';
import { useRun } from '../../store/react';
import { formatSimTime } from '../format';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';
import type { Lang } from '../../i18n/format';

/** A narrated line in the page's language; a line written in English elsewhere in the store is translated by its pattern. */
function lineText(l: LogLine, lang: Lang): string {
  return l.msg ? narrationText(l, lang) : translateStoreText(lang, l.text);
}

export function EventLog() {
  const log = useRun((r) => r.log);
  const lang = useLang();
  const t = useT();
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);
  return (
    <section className="panel event-log" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('log.heading')}</h2>
      <ol ref={ref} role="log" aria-live="off" data-testid="event-log">
        {log.map((l) => (
          <li key={l.id} className={`log-${l.kind}`}><time>{formatSimTime(l.time)}</time> {lineText(l, lang)}</li>
        ))}
      </ol>
    </section>
  );
}
