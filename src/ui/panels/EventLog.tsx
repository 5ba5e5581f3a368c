import { memo, useEffect, useRef, useState } from 'react';
import { narrationText, type LogLine } from '../../store/narrate';
import { useClock, useRun, useRunReader, useView, useViewActions } from '../../store/react';
import { formatSimTime } from '../format';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';
import type { Lang } from '../../i18n/format';
import type { MessageId } from '../../i18n/translate';
import './picture.css';

// The narrated event log. A filter hides kinds of lines (the store's view.logFilter: the kinds
// hidden, comma-separated). While the reader hovers it, has it focused or has scrolled up, it holds
// still: the lines shown are frozen (the log drops its oldest lines as new ones come, which would
// move them), and a bar counts the new lines with a button to jump to the latest.

/** A narrated line in the page's language; a line written in English elsewhere in the store is translated by its pattern. */
function lineText(l: LogLine, lang: Lang): string {
  return l.msg ? narrationText(l, lang) : translateStoreText(lang, l.text);
}

/** One line, rendered once: a playing run renders the log every time a line comes (perf: 12 % of a frame before). */
const LogRow = memo(function LogRow({ line: l, lang }: { line: LogLine; lang: Lang }) {
  return <li className={`log-${l.kind}`} data-kind={l.kind} role="none"><time>{formatSimTime(l.time)}</time> {lineText(l, lang)}</li>;
});

type Kind = LogLine['kind'];

export const LOG_GROUPS: readonly { id: string; label: MessageId; kinds: readonly Kind[] }[] = [
  { id: 'checkpoints', label: 'picture.logCheckpoints', kinds: ['checkpoint'] },
  { id: 'failures', label: 'picture.logFailures', kinds: ['job'] },
  { id: 'state', label: 'picture.logState', kinds: ['state'] },
  { id: 'records', label: 'picture.logRecords', kinds: ['record', 'flow'] },
];

const ALL_KINDS: readonly Kind[] = ['checkpoint', 'job', 'state', 'record', 'flow'];

/** The kinds a filter string hides; anything else in it is ignored. */
export function hiddenKinds(filter: string): Set<Kind> {
  return new Set(ALL_KINDS.filter((k) => filter.split(',').includes(k)));
}

function toggled(filter: string, kinds: readonly Kind[]): string {
  const hidden = hiddenKinds(filter);
  const on = kinds.every((k) => hidden.has(k));
  for (const k of kinds) {
    if (on) hidden.delete(k);
    else hidden.add(k);
  }
  return ALL_KINDS.filter((k) => hidden.has(k)).join(',');
}

const AT_BOTTOM_PX = 4;
/**
 * While the run plays and the log follows it, only the newest lines are in the page (more than the
 * tallest log shows): the log drops its oldest lines as new ones come, and re-laying out all of
 * them every frame was the page's largest DOM cost (bench: 145 rows in and out a frame at wide 1×).
 * Paused or held, every line is there to scroll back to.
 */
const FOLLOW_ROWS = 80;

export function EventLog() {
  const log = useRun((r) => r.log);
  const filter = useView((v) => v.logFilter);
  const { setLogFilter } = useViewActions();
  const readRun = useRunReader();
  const lang = useLang();
  const t = useT();
  const ref = useRef<HTMLOListElement>(null);
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [scrolledUp, setScrolledUp] = useState(false);
  const [frozen, setFrozen] = useState<LogLine[] | null>(null);
  const held = hover || focus || scrolledUp;
  useEffect(() => {
    if (held && !frozen) setFrozen(readRun().log);
    else if (!held && frozen) setFrozen(null);
  }, [held, frozen, readRun]);
  const hidden = hiddenKinds(filter);
  const playing = useClock((c) => c.playing);
  const kept = (frozen ?? log).filter((l) => !hidden.has(l.kind));
  const shown = playing && !frozen ? kept.slice(-FOLLOW_ROWS) : kept;
  const lastShown = (frozen ?? log).at(-1)?.id ?? -1;
  const waiting = frozen ? log.filter((l) => l.id > lastShown && !hidden.has(l.kind)).length : 0;
  const newest = shown.at(-1)?.id;
  useEffect(() => {
    const el = ref.current;
    if (el && !scrolledUp) el.scrollTop = el.scrollHeight;
  }, [newest, shown.length, scrolledUp]);
  const jump = () => {
    setScrolledUp(false);
    setFrozen(hover || focus ? readRun().log : null);
  };
  return (
    <section className="panel event-log" aria-labelledby="log-heading">
      <div className="log-head">
        <h2 id="log-heading">{t('log.heading')}</h2>
        <div className="log-filter" role="group" aria-label={t('picture.logFilter')}>
          {LOG_GROUPS.map((g) => {
            const on = !g.kinds.every((k) => hidden.has(k));
            return (
              <button key={g.id} type="button" className={`log-chip log-chip-${g.id}`} aria-pressed={on} data-testid={`log-filter-${g.id}`}
                onClick={() => setLogFilter(toggled(filter, g.kinds))}>{t(g.label)}</button>
            );
          })}
        </div>
      </div>
      <div className="log-body" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
        <ol ref={ref} role="log" aria-live="off" data-testid="event-log" data-held={held ? 'true' : 'false'} tabIndex={0}
          onFocus={() => setFocus(true)} onBlur={() => setFocus(false)}
          onScroll={(e) => {
            const el = e.currentTarget;
            setScrolledUp(el.scrollHeight - el.scrollTop - el.clientHeight > AT_BOTTOM_PX);
          }}>
          {shown.map((l) => <LogRow key={l.id} line={l} lang={lang} />)}
          {shown.length === 0 && log.length > 0 && <li className="log-empty">{t('picture.logHidden')}</li>}
        </ol>
        {held && waiting > 0 && (
          <div className="log-held" data-testid="log-held">
            <span>{t('picture.logHeld', { n: waiting })}</span>
            <button type="button" onClick={jump} data-testid="log-jump">{t('picture.logJump')} ↓</button>
          </div>
        )}
      </div>
    </section>
  );
}
