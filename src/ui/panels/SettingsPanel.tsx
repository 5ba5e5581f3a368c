import { useState } from 'react';
import { CONFIG_KEYS } from '../../engine';
import { useSim } from '../../store/react';

// Change the checkpointing configuration from this moment on (in the past: the run forks there).
// Settings that shape the job itself start a new run. Values use Flink's syntax; a value the
// engine refuses is reported and the current run is kept.

const EDITABLE: { key: string; label: string; choices?: string[] }[] = [
  { key: 'execution.checkpointing.interval', label: 'Interval' },
  { key: 'execution.checkpointing.mode', label: 'Mode', choices: ['EXACTLY_ONCE', 'AT_LEAST_ONCE'] },
  { key: 'execution.checkpointing.unaligned.enabled', label: 'Unaligned', choices: ['false', 'true'] },
  { key: 'execution.checkpointing.aligned-checkpoint-timeout', label: 'Aligned checkpoint timeout' },
  { key: 'execution.checkpointing.min-pause', label: 'Min pause' },
  { key: 'execution.checkpointing.max-concurrent-checkpoints', label: 'Max concurrent' },
  { key: 'execution.checkpointing.timeout', label: 'Timeout' },
  { key: 'state.backend.type', label: 'State backend', choices: ['hashmap', 'rocksdb'] },
  { key: 'execution.checkpointing.incremental', label: 'Incremental', choices: ['false', 'true'] },
  { key: 'execution.checkpointing.storage', label: 'Checkpoint storage', choices: ['jobmanager', 'filesystem'] },
  { key: 'sim.checkpointing.algorithm', label: 'Algorithm', choices: ['barriers', 'stop-the-world'] },
  { key: 'sim.sink.kind', label: 'Sink kind', choices: ['plain', 'upsert', 'two-phase-commit'] },
];

export function SettingsPanel() {
  const raw = useSim((s) => s.sim.state.config.raw);
  const conf = useSim((s) => s.conf);
  const applySettings = useSim((s) => s.applySettings);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const value = (k: string) => draft[k] ?? raw[k] ?? CONFIG_KEYS.find((c) => c.key === k)?.default ?? '';
  const apply = () => {
    const next = { ...conf, ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')) };
    for (const [k, v] of Object.entries(draft)) if (v === '') delete next[k];
    if (applySettings(next)) setDraft({});
  };
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Checkpointing settings</h2>
      <form className="settings" onSubmit={(e) => { e.preventDefault(); apply(); }}>
        {EDITABLE.map((f) => (
          <label key={f.key} title={f.key}>
            <span>{f.label}</span>
            {f.choices ? (
              <select value={value(f.key)} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}>
                {f.choices.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            ) : (
              <input value={value(f.key)} placeholder={f.key === 'execution.checkpointing.interval' ? 'off (e.g. 2 s)' : ''} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
            )}
          </label>
        ))}
        <button type="submit" className="primary">Apply from now on</button>
      </form>
    </section>
  );
}
