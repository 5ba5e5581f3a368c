import { useState } from 'react';
import { useSim } from '../store/react';
import { currentScenario } from '../store/simStore';
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

type SideTab = 'state' | 'checkpoints' | 'faults' | 'snapshots' | 'settings';

function Notices() {
  const notices = useSim((s) => s.notices);
  const dismiss = useSim((s) => s.dismissNotice);
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
  const scenario = useSim(currentScenario);
  const [tab, setTab] = useState<SideTab>('state');
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
            <button type="button" role="tab" aria-selected={tab === 'state'} className={tab === 'state' ? 'active' : ''} onClick={() => setTab('state')}>State</button>
            <button type="button" role="tab" aria-selected={tab === 'checkpoints'} className={tab === 'checkpoints' ? 'active' : ''} onClick={() => setTab('checkpoints')}>Checkpoints</button>
            <button type="button" role="tab" aria-selected={tab === 'faults'} className={tab === 'faults' ? 'active' : ''} onClick={() => setTab('faults')}>Faults</button>
            <button type="button" role="tab" aria-selected={tab === 'snapshots'} className={tab === 'snapshots' ? 'active' : ''} onClick={() => setTab('snapshots')}>Snapshots</button>
            <button type="button" role="tab" aria-selected={tab === 'settings'} className={tab === 'settings' ? 'active' : ''} onClick={() => setTab('settings')}>Settings</button>
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
