import { useState } from 'react';
import { useAppStore, useRun, useView, useViewActions } from '../store/react';
import { currentScenario } from '../store/scenarioFile';
import type { SideTab } from '../store/appState';
import { Controls } from './controls/Controls';
import { CopyLinkButton } from './controls/CopyLinkButton';
import { ScenarioPicker } from './controls/ScenarioPicker';
import { JobGraph } from './graph/JobGraph';
import { usePlaybackClock } from './hooks/usePlaybackClock';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { KeyOverlays } from './presenter/KeyOverlays';
import { useRunInUrl } from './hooks/useRunInUrl';
import { SideSplitter, storedSideWidth } from './layout/SideSplitter';
import { CheckpointsPanel } from './panels/CheckpointsPanel';
import { EventLog } from './panels/EventLog';
import { Timeline } from './timeline/Timeline';
import { FaultsPanel } from './panels/FaultsPanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { SnapshotsPanel } from './panels/SnapshotsPanel';
import { StatePanel } from './panels/StatePanel';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { useDocumentLanguage, useLang, useT } from '../i18n/useT';
import { translateStoreText } from '../i18n/notices';
import { hasMessage, type MessageId } from '../i18n/translate';

const TABS: { id: SideTab; label: MessageId }[] = [
  { id: 'state', label: 'tab.state' }, { id: 'checkpoints', label: 'tab.checkpoints' }, { id: 'faults', label: 'tab.faults' }, { id: 'snapshots', label: 'tab.snapshots' }, { id: 'settings', label: 'tab.settings' },
];

/** The store's notices are English; they are shown in the page's language (i18n/notices.ts). */
function Notices() {
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
function ScenarioLesson() {
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
  useRunInUrl();
  useDocumentLanguage();
  const t = useT();
  const tab = useView((v) => v.tab);
  const { setTab } = useViewActions();
  const [sideWidth, setSideWidth] = useState<number | null>(storedSideWidth);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <ScenarioPicker />
        <CopyLinkButton />
        <LanguageSwitch />
        <ScenarioLesson />
      </header>
      <Notices />
      <Controls />
      <main className="workspace">
        <div className="graph-column">
          <div className="graph-area"><JobGraph /></div>
          <Timeline />
        </div>
        <SideSplitter width={sideWidth} onChange={setSideWidth} />
        <aside className="side" style={sideWidth ? { width: sideWidth } : undefined}>
          <div className="tabs" role="tablist" aria-label={t('app.panels')}>
            {TABS.map((x) => (
              <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'active' : ''} onClick={() => setTab(x.id)}>{t(x.label)}</button>
            ))}
          </div>
          <div className="side-body">
            {tab === 'state' && <StatePanel />}
            {tab === 'checkpoints' && <CheckpointsPanel />}
            {tab === 'faults' && <FaultsPanel />}
            {tab === 'snapshots' && <SnapshotsPanel />}
            {tab === 'settings' && <SettingsPanel />}
          </div>
          <EventLog />
        </aside>
      </main>
      <KeyOverlays overlay={keys.overlay} close={keys.close} />
    </div>
  );
}
