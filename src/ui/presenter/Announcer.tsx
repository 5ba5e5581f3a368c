import { useEffect, useRef, useState } from 'react';
import { narrationText } from '../../store/narrate';
import { runOf, useRunId, useStoreApi } from '../../store/react';
import { useLang, useT } from '../../i18n/useT';
import { due, NO_ANNOUNCEMENTS, takeLines, type Announcements } from './importantEvents';

/** at most one announcement this often (ms of wall time) */
const GAP_MS = 3000;

/**
 * A polite live region: a checkpoint completed or failed, a failure, a restore, in the page's
 * language, at most one every three seconds (the latest, with a count of the others).
 */
export function Announcer() {
  const store = useStoreApi();
  const runId = useRunId();
  const lang = useLang();
  const t = useT();
  const [text, setText] = useState('');
  const said = useRef<Announcements>(NO_ANNOUNCEMENTS);
  const words = useRef({ lang, t });
  words.current = { lang, t };
  useEffect(() => {
    // what the log holds when the page opens is not read out
    said.current = { ...takeLines(NO_ANNOUNCEMENTS, runOf(store.getState(), runId).log), pending: [] };
    let lastLog = runOf(store.getState(), runId).log;
    const unsubscribe = store.subscribe((s) => {
      const log = runOf(s, runId).log;
      if (log === lastLog) return;
      lastLog = log;
      said.current = takeLines(said.current, log);
    });
    const timer = window.setInterval(() => {
      const d = due(said.current, performance.now(), GAP_MS);
      said.current = d.next;
      if (!d.say) return;
      const line = narrationText(d.say, words.current.lang);
      setText(d.skipped ? words.current.t('presenter.announceMore', { text: line, n: d.skipped }) : line);
    }, 500);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [store, runId]);
  return <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">{text}</div>;
}
