import { useRef } from 'react';
import { BUILTIN_SCENARIOS } from '../../engine';
import { useRun, useRunActions } from '../../store/react';

// The built-in scenarios, and a scenario of your own from a JSON file in the format of the README
// (checked against the same schema as the sim command's; what is wrong is named, the run is kept).

const PICKABLE = BUILTIN_SCENARIOS.filter((s) => s.id !== 'bench');
const FROM_FILE = '__file';

export function ScenarioPicker() {
  const scenarioId = useRun((r) => r.scenarioId);
  const custom = useRun((r) => r.customScenario);
  const { load, openScenarioFile: open } = useRunActions();
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    open(file.name, await file.text());
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <label className="scenario-picker">Scenario
        <select value={custom ? FROM_FILE : scenarioId} onChange={(e) => { if (e.target.value !== FROM_FILE) load(e.target.value, undefined, {}); }}>
          {PICKABLE.map((s) => <option key={s.id} value={s.id}>{s.title} ({s.id})</option>)}
          {custom && <option value={FROM_FILE}>{custom.title ?? custom.id} (from a file)</option>}
        </select>
      </label>
      <button type="button" onClick={() => input.current?.click()} title="Run a scenario of your own: a JSON file in the format the README describes">Open file…</button>
      <input ref={input} type="file" accept=".json,application/json" hidden aria-label="Scenario file" onChange={(e) => void onFile(e.target.files?.[0])} />
    </>
  );
}
