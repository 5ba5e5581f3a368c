import { useMemo, useState } from 'react';
import { configView, type ConfigKeyView } from '../../engine';
import { useRun, useRunActions } from '../../store/react';

// Change the configuration from this moment on (in the past: the run forks there). Settings that
// shape the job itself start a new run. Every field comes from the engine's configuration view:
// its choices, its default, what it accepts and what it means. Values use Flink's syntax; a value
// the engine refuses is reported and the current run is kept.

/** The checkpointing settings shown first, with short names; every other key follows under "All settings". */
const MAIN: Record<string, string> = {
  'execution.checkpointing.interval': 'Interval',
  'execution.checkpointing.mode': 'Mode',
  'execution.checkpointing.unaligned.enabled': 'Unaligned',
  'execution.checkpointing.aligned-checkpoint-timeout': 'Aligned checkpoint timeout',
  'execution.checkpointing.min-pause': 'Min pause',
  'execution.checkpointing.max-concurrent-checkpoints': 'Max concurrent',
  'execution.checkpointing.timeout': 'Timeout',
  'state.backend.type': 'State backend',
  'execution.checkpointing.incremental': 'Incremental',
  'execution.checkpointing.storage': 'Checkpoint storage',
  'sim.checkpointing.algorithm': 'Algorithm',
  'sim.sink.kind': 'Sink kind',
};

function hint(k: ConfigKeyView): string {
  return `${k.key}: ${k.doc} Accepts ${k.accepted}.${k.default !== undefined ? ` Default ${k.default}.` : ''}`;
}

function Field({ k, label, value, onChange }: { k: ConfigKeyView; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label title={hint(k)}>
      <span>{label}</span>
      {k.choices ? (
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          {k.default === undefined && <option value="">default</option>}
          {k.choices.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      ) : (
        <input value={value} placeholder={k.default ?? (k.key === 'execution.checkpointing.interval' ? 'off (e.g. 2 s)' : 'not set')} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

export function SettingsPanel() {
  const raw = useRun((r) => r.sim.state.config.raw);
  const conf = useRun((r) => r.conf);
  const { applySettings } = useRunActions();
  const keys = useMemo(() => configView(raw), [raw]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const value = (k: ConfigKeyView) => draft[k.key] ?? k.value ?? k.default ?? '';
  const set = (key: string) => (v: string) => setDraft({ ...draft, [key]: v });
  const apply = () => {
    const next = { ...conf, ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')) };
    for (const [k, v] of Object.entries(draft)) if (v === '') delete next[k];
    if (applySettings(next)) setDraft({});
  };
  const main = Object.keys(MAIN).map((key) => keys.find((k) => k.key === key)).filter((k): k is ConfigKeyView => k !== undefined);
  const rest = keys.filter((k) => !Object.hasOwn(MAIN, k.key));
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Checkpointing settings</h2>
      <form className="settings" onSubmit={(e) => { e.preventDefault(); apply(); }}>
        {main.map((k) => <Field key={k.key} k={k} label={MAIN[k.key]} value={value(k)} onChange={set(k.key)} />)}
        <details className="settings-all" style={{ gridColumn: '1 / -1' }}>
          <summary>All settings ({rest.length} more: restart strategy, failover, parallelism, the simulated world)</summary>
          <div className="settings" style={{ gridTemplateColumns: '1fr', marginTop: 6 }}>
            {rest.map((k) => <Field key={k.key} k={k} label={k.key} value={value(k)} onChange={set(k.key)} />)}
          </div>
        </details>
        <button type="submit" className="primary">Apply from now on</button>
      </form>
    </section>
  );
}
