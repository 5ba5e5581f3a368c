import { useEffect, useState, type ReactNode } from 'react';
import { narrationText } from '../../store/narrate';
import { useAppStore, useClock, useRun, useView } from '../../store/react';
import { captionOfRuns } from '../compare/captionOfRuns';
import { useLang, useT } from '../../i18n/useT';
import { latestCaptionLine } from './importantEvents';

/**
 * The lesson player's narration (its `lesson-say` element) when the page does not show it (the
 * lesson panel folded away with the side panels), read while presenter mode is on; a narration on
 * screen is not said twice. Read by polling, not by observing: the graph changes the DOM every frame.
 */
function useLessonSay(active: boolean): string | null {
  const [say, setSay] = useState<string | null>(null);
  useEffect(() => {
    if (!active) {
      setSay(null);
      return;
    }
    const read = () => {
      const el = document.querySelector<HTMLElement>('[data-testid="lesson-say"]');
      const onScreen = el !== null && !el.closest('[inert]') && el.checkVisibility?.() !== false;
      const text = el && !onScreen ? el.textContent?.trim() || null : null;
      setSay((old) => (old === text ? old : text));
    };
    read();
    const timer = window.setInterval(read, 400);
    return () => window.clearInterval(timer);
  }, [active]);
  return say;
}

/**
 * Presenter mode: the lesson's narration, else the latest event that matters, in large type under
 * the graph; `children` (the presenter's buttons) sit at its end.
 */
export function PresenterCaption({ children }: { children?: ReactNode }) {
  const presenter = useView((v) => v.presenter);
  const line = useRun((r) => (presenter ? latestCaptionLine(r.log) : null));
  // two runs compared: the latest event of either, with its run (compare/captionOfRuns.ts)
  const lineB = useAppStore((s) => (presenter && s.runs.b ? latestCaptionLine(s.runs.b.log) : null));
  const comparing = useAppStore((s) => s.runs.b !== undefined);
  const shown = comparing ? captionOfRuns(line, lineB) : line && { line, runs: [], key: String(line.id) };
  const lesson = useLessonSay(presenter);
  const atStart = useClock((c) => c.displayTime <= 0 && !c.playing);
  const lang = useLang();
  const t = useT();
  if (!presenter) return null;
  // paused at the start: how to start (the first-run note over the graph is left out in presenter mode)
  const who = shown?.runs.length ? `${shown.runs.map((r) => t(r === 'a' ? 'compare.runA' : 'compare.runB')).join(' + ')} · ` : '';
  const text = lesson ?? (shown ? who + narrationText(shown.line, lang) : t(atStart ? 'presenter.firstRun' : 'presenter.captionIdle'));
  return (
    <section className={`presenter-caption${lesson ? ' narration' : ''}`} aria-label={t('presenter.caption')} data-testid="presenter-caption">
      <p key={shown?.key ?? 'idle'}>{text}</p>
      {children}
    </section>
  );
}
