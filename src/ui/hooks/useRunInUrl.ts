import { useEffect } from 'react';
import { useAppStore } from '../../store/react';
import { pageSearch } from '../../store/urlParams';
import type { AppState } from '../../store/appState';

/** The page's address for run a: scenario, seed, settings, commands (a restore among them) and the moment `at`. */
export function runSearch(s: AppState, at: number | undefined): string {
  const run = s.runs.a;
  return pageSearch(run.scenarioId, run.seed, run.conf, { commands: run.commands, at }, run.customScenario);
}

/** The address follows run a (paused: with the moment shown). Once per page. */
export function useRunInUrl(): void {
  const search = useAppStore((s) => runSearch(s, s.clock.playing ? undefined : s.clock.displayTime));
  useEffect(() => {
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [search]);
}
