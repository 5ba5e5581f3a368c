import { useEffect } from 'react';
import { useAppStore } from '../../store/react';
import { pageSearch } from '../../store/urlParams';
import { withComparison } from '../../store/compareParams';
import { withBranches } from '../../store/branches';
import { withLesson } from '../../store/lessonLink';
import type { AppState } from '../../store/appState';
import { browserLang } from '../../i18n/lang';

/** English in an English browser needs no `lang`; any other language, or English where the browser speaks another, is carried. */
function linkLang(lang: AppState['view']['lang']): AppState['view']['lang'] | undefined {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return lang === 'en' && browserLang(nav?.languages, nav?.language) === 'en' ? undefined : lang;
}

/** The page's address for run a (and run b beside it): scenario, seed, settings, commands (a restore among them), the moment `at` and the language. */
export function runSearch(s: AppState, at: number | undefined): string {
  const run = s.runs.a;
  // in a lesson: its id, step and the step's start ride along (lessonLink.ts)
  return withLesson(withBranches(withComparison(pageSearch(run.scenarioId, run.seed, run.conf, { commands: run.commands, at }, run.customScenario, linkLang(s.view.lang)), s.runs), s.branches), s.lesson);
}

/** The address follows run a (paused: with the moment shown). Once per page. */
export function useRunInUrl(): void {
  const search = useAppStore((s) => runSearch(s, s.clock.playing ? undefined : s.clock.displayTime));
  useEffect(() => {
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [search]);
}
