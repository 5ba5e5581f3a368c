import { Activity, useEffect, useState } from 'react';
import { useAppStore, useRun, useView, useViewActions } from '../store/react';
import { currentScenario } from '../store/scenarioFile';
import type { SideTab } from '../store/appState';
import { Controls } from './controls/Controls';
import { CopyLinkButton } from './controls/CopyLinkButton';
// the Share menu's tools are a chunk of their own (lazy/lazyShare.tsx); their styles keep their place in the cascade
import './embed/embed.css';
import { ScenarioPicker } from './controls/ScenarioPicker';
import { LessonPicker } from './lesson/LessonPicker';
import { useLessonLink } from './lesson/useLessonLink';
import { JobGraph } from './graph/JobGraph';
import { PanelsRun } from './compare/PanelsRun';
import { CompareOr, preloadCompareView } from './lazy/lazyCompare';
import { LessonPanelSlot, preloadLessonPanel } from './lazy/lazyLesson';
import { KeyOverlaysSlot, preloadKeyOverlays } from './lazy/lazyOverlays';
import { preloadShareItems, ShareMenuItems } from './lazy/lazyShare';
import { usePlaybackClock } from './hooks/usePlaybackClock';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { Announcer } from './presenter/Announcer';
import { PresenterCaption } from './presenter/Caption';
import { FirstRunHint } from './presenter/FirstRunHint';
import { useDrawer } from './presenter/useDrawer';
import { usePresenterMode } from './presenter/usePresenterMode';
import { ViewToggles } from './presenter/ViewToggles';
import { useRunInUrl } from './hooks/useRunInUrl';
import { HeaderMenu } from './layout/HeaderMenu';
import { SideSplitter, storedSideWidth } from './layout/SideSplitter';
import { EventLog } from './panels/EventLog';
import { Timeline } from './timeline/Timeline';
import { afterFirstScreen } from './lazy/afterFirstScreen';
import { LazyCheckpointsPanel, LazyFaultsPanel, LazyPanel, LazySettingsPanel, LazySnapshotsPanel, preloadPanels } from './lazy/lazyPanels';
import { StatePanel } from './panels/StatePanel';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { useDocumentLanguage, useLang, useT } from '../i18n/useT';
import { translateStoreText } from '../i18n/notices';
import { hasMessage, type MessageId } from '../i18n/translate';

const TABS: { id: SideTab; label: MessageId }[] = [
  { id: 'state', label: 'tab.state' }, { id: 'checkpoints', label: 'tab.checkpoints' }, { id: 'faults', label: 'tab.faults' }, { id: 'snapshots', label: 'tab.snapshots' }, { id: 'settings', label: 'tab.settings' },
];

/** The store's notices are English; they are shown in the page's language (i18n/notices.ts). */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const lang = useLang();
  const t = useT();
  if (!notices.length) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((n, i) => (
        <div key={i} className="notice">
          <span>{translateStoreText(lang, n)}</span>
          <button type="button" onClick={() => dismiss(i)} aria-label={t('notice.dismiss')}>✕</button>
        </div>
      ))}
    </div>
  );
}

/**
 * A built-in scenario's words: the engine's English, or their Korean (i18n.test.ts checks that the
 * catalogue's English still equals the engine's); a scenario from a file speaks for itself.
 */
export function ScenarioLesson() {
  const scenario = useRun(currentScenario);
  const custom = useRun((r) => r.customScenario !== null);
  const lang = useLang();
  const t = useT();
  const id = `scenario.${scenario.id}.lesson`;
  const text = lang !== 'en' && !custom && hasMessage(lang, id) ? t(id as MessageId) : scenario.lesson ?? scenario.description;
  return <p className="lesson">{text}</p>;
}

export function App() {
  usePlaybackClock();
  const keys = useKeyboardShortcuts();
  useLessonLink();
  useRunInUrl();
  useDocumentLanguage();
  const t = useT();
  const tab = useView((v) => v.tab);
  const { setTab } = useViewActions();
  const [sideWidth, setSideWidth] = useState<number | null>(storedSideWidth);
  // presenter mode (p, ?present=1): big type, the side panels in a drawer, a caption (presenter/)
  const presenter = usePresenterMode();
  const drawer = useDrawer(presenter);
  // what the first screen does not show (the other tabs, the Share menu's tools, the key overlays,
  // the lesson panel, the comparison) is fetched once it is up and the page idle (lazy/)
  useEffect(() => afterFirstScreen(() => {
    preloadPanels();
    void preloadShareItems();
    void preloadKeyOverlays();
    void preloadLessonPanel();
    void preloadCompareView();
  }), []);
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <ScenarioPicker />
        <LessonPicker />
        <CopyLinkButton />
        <HeaderMenu label={t('app.share')} title={t('app.shareTitle')} testId="share-menu">
          <ShareMenuItems />
        </HeaderMenu>
        <LanguageSwitch />
        <ViewToggles openLegend={keys.showLegend} />
        <ScenarioLesson />
      </header>
      <Notices />
      <Controls />
      <main className="workspace">
        <div className="graph-column">
          <LessonPanelSlot />
          <div className="graph-area">
            <CompareOr><JobGraph /></CompareOr>
            <FirstRunHint />
          </div>
          <PresenterCaption><ViewToggles openLegend={keys.showLegend} drawer={drawer} /></PresenterCaption>
          <Timeline />
        </div>
        {!presenter && <SideSplitter width={sideWidth} onChange={setSideWidth} />}
        <aside className="side" style={sideWidth && !presenter ? { width: sideWidth } : undefined} aria-label={presenter ? t('presenter.drawer') : undefined} {...drawer.panelProps}>
          {/* a closed drawer's panels are hidden: React leaves them be while the run plays (they caught
              up with it at every 100 ms figure, style and layout included), and brings them up to
              date when it opens */}
          <Activity mode={presenter && !drawer.open ? 'hidden' : 'visible'}>
          <div className="tabs" role="tablist" aria-label={t('app.panels')}>
            {TABS.map((x) => (
              <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'active' : ''} onClick={() => setTab(x.id)}>{t(x.label)}</button>
            ))}
          </div>
          <PanelsRun>
          <div className="side-body">
            {tab === 'state' && <StatePanel />}
            <LazyPanel>
              {tab === 'checkpoints' && <LazyCheckpointsPanel />}
              {tab === 'faults' && <LazyFaultsPanel />}
              {tab === 'snapshots' && <LazySnapshotsPanel />}
              {tab === 'settings' && <LazySettingsPanel />}
            </LazyPanel>
          </div>
          <EventLog />
          </PanelsRun>
          </Activity>
        </aside>
      </main>
      <KeyOverlaysSlot overlay={keys.overlay} close={keys.close} />
      <Announcer />
    </div>
  );
}
