import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { narrationText, type LogLine } from '../../store/narrate';
import { useClock, useRunReader, useView, useViewActions } from '../../store/react';
import { useReadableRun } from '../controls/useReadable';
import { formatSimTime } from '../format';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';
import type { Lang } from '../../i18n/format';
import type { MessageId } from '../../i18n/translate';
import { countAfter, keptTail } from './logTail';
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
 * While the run plays and the log follows it, only the newest lines are in the page, twice what the
 * tallest log shows (at most 200 px high in app.css, a line at least 13 px): the log drops its
 * oldest lines as new ones come, and at wide 1× more come every 100 ms than it keeps: each update
 * takes every kept row out of the page and as many in (with 80 kept, the log was most of the page's
 * style and layout invalidations: a MutationObserver counted some 1,400 rows in or out a second).
 * Paused or held, every line is there to scroll back to.
 */
const FOLLOW_ROWS = 32;

/**
 * Scrolls the list to its end once the browser has laid out its new lines. Reading the list's
 * height right after React changed it forced the page's layout inside this effect, in the middle of
 * the frame's script (profile, wide at 1×: 14 % of the page's samples); a ResizeObserver on the
 * newest line is told after the frame's own layout, when the height costs nothing to read.
 * `ownScroll`: whether a scroll event is this hook's (or the browser's while new lines come), not the reader's.
 */
function useFollowEnd(ref: RefObject<HTMLOListElement | null>): { follow: () => void; ownScroll: () => boolean } {
  const observer = useRef<ResizeObserver | null>(null);
  // the scroll event of a scroll made here: the list is at its end, nothing to read (reading it would lay the page out again)
  const own = useRef(false);
  // new lines are in the list and it goes to its end after the next layout: a scroll event before
  // that (the browser keeping the lines in view while they changed) is not the reader's
  const pending = useRef(false);
  useEffect(() => () => observer.current?.disconnect(), []);
  return useMemo(() => ({
    follow: () => {
      const el = ref.current;
      if (!el) return;
      if (typeof ResizeObserver === 'undefined') {
        el.scrollTop = el.scrollHeight;
        return;
      }
      observer.current ??= new ResizeObserver((_, once) => {
        // once: a later change of that line's size (a narrower panel) must not pull a reader back down
        once.disconnect();
        pending.current = false;
        const list = ref.current;
        if (!list || list.scrollHeight - list.clientHeight - list.scrollTop < 1) return;
        own.current = true;
        list.scrollTop = list.scrollHeight;
      });
      observer.current.disconnect();
      // observing starts with a report after the next layout (a laid-out line is never 0 × 0)
      pending.current = true;
      observer.current.observe(el.lastElementChild ?? el);
    },
    ownScroll: () => {
      const was = own.current || pending.current;
      own.current = false;
      return was;
    },
  }), [ref]);
}

export function EventLog() {
  // while the run plays, new lines come nearly every frame: the log takes them in as often as a reader can follow
  const log = useReadableRun((r) => r.log);
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
  const hidden = useMemo(() => hiddenKinds(filter), [filter]);
  const playing = useClock((c) => c.playing);
  // read from the newest line back: a render costs the lines it shows, not the log's length
  const shown = keptTail(frozen ?? log, hidden, playing && !frozen ? FOLLOW_ROWS : Infinity);
  const lastShown = (frozen ?? log).at(-1)?.id ?? -1;
  const waiting = frozen ? countAfter(log, lastShown, hidden) : 0;
  const newest = shown.at(-1)?.id;
  const { follow, ownScroll } = useFollowEnd(ref);
  useEffect(() => {
    if (!scrolledUp) follow();
  }, [newest, shown.length, scrolledUp, follow]);
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
            if (ownScroll()) return;
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
