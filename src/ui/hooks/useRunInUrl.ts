import { useEffect } from 'react';
import { useSim } from '../../store/react';
import { pageSearch } from '../../store/urlParams';
import type { SimStore } from '../../store/simStore';

/** The page's address follows the run: scenario, seed, settings, commands and (paused) the moment shown. */
export function runSearch(s: SimStore, at: number | undefined): string {
  return pageSearch(s.scenarioId, s.seed, s.conf, s.shareable ? { commands: s.commands, at } : undefined, s.customScenario);
}

export function useRunInUrl(): void {
  const search = useSim((s) => runSearch(s, s.playing ? undefined : s.displayTime));
  useEffect(() => {
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [search]);
}
