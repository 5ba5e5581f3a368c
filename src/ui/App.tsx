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
import { useRunInUrl } from './hooks/useRunInUrl';
import { SideSplitter, storedSideWidth } from './layout/SideSplitter';
import { CheckpointsPanel } from './panels/CheckpointsPanel';
import { EventLog } from './panels/EventLog';
import { Timeline } from './timeline/Timeline';
import { FaultsPanel } from './panels/FaultsPanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { SnapshotsPanel } from './panels/SnapshotsPanel';
import { StatePanel } from './panels/StatePanel';

const TABS: { id: SideTab; label: string }[] = [
  { id: 'state', label: 'State' }, { id: 'checkpoints', label: 'Checkpoints' }, { id: 'faults', label: 'Faults' }, { id: 'snapshots', label: 'Snapshots' }, { id: 'settings', label: 'Settings' },
];

function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notices.length) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((n, i) => (
        <div key={i} className="notice">
          <span>{n}</span>
          <button type="button" onClick={() => dismiss(i)} aria-label="Dismiss">✕</button>
        </div>
      ))}
    </div>
  );
}

export function App() {
  usePlaybackClock();
  useKeyboardShortcuts();
  useRunInUrl();
  const scenario = useRun(currentScenario);
  const tab = useView((v) => v.tab);
  const { setTab } = useViewActions();
  const [sideWidth, setSideWidth] = useState<number | null>(storedSideWidth);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Checkpoint Lab</h1>
        <ScenarioPicker />
        <CopyLinkButton />
        <p className="lesson">{scenario.lesson ?? scenario.description}</p>
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
          <div className="tabs" role="tablist" aria-label="Panels">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>{t.label}</button>
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
    </div>
  );
}
