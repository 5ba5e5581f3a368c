import './embed.css';
import { useDocumentLanguage, useT } from '../../i18n/useT';
import { useAppStore } from '../../store/react';
import { runSearch } from '../hooks/useRunInUrl';
import { usePlaybackClock } from '../hooks/usePlaybackClock';
import { Notices, ScenarioLesson } from '../App';
import { Controls } from '../controls/Controls';
import { JobGraph } from '../graph/JobGraph';
import { LessonPanelSlot } from '../lazy/lazyLesson';
import { useLessonLink } from '../lesson/useLessonLink';

/** The full simulator on this run, in a new tab: the panels the embedded page leaves out are there. */
function OpenFull() {
  const t = useT();
  const search = useAppStore((s) => runSearch(s, s.clock.playing ? undefined : s.clock.displayTime));
  return (
    <a className="embed-open" href={`${window.location.pathname}${search}`} target="_blank" rel="noopener" title={t('embed.openTitle')} data-testid="embed-open">{t('embed.open')} ↗</a>
  );
}

/**
 * `?embed=1`: the graph, the narration and the playback controls, for another page's iframe
 * (CONTRACTS.md section 6). The page around it drives it through the postMessage bridge
 * (bridge.ts); the address is left as the host wrote it.
 */
export function EmbedApp() {
  usePlaybackClock();
  useLessonLink();
  useDocumentLanguage();
  const t = useT();
  const inLesson = useAppStore((s) => s.lesson !== null);
  return (
    <div className="app embed" role="region" aria-label={t('embed.region')} data-testid="embed">
      <div className="embed-narration">
        {!inLesson && <ScenarioLesson />}
        <OpenFull />
      </div>
      <Notices />
      <Controls />
      <LessonPanelSlot />
      <div className="graph-area"><JobGraph /></div>
    </div>
  );
}
