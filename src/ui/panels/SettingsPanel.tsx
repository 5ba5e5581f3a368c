import { useMemo, useState } from 'react';
import { configView, type ConfigKeyView } from '../../engine';
import { runOf, useAppStore, useRun, useRunActions, useRunId } from '../../store/react';
import { settingsInForce } from '../../store/settingsInForce';
import { CompareWithSettings } from '../compare/OpenBeside';
import { useT } from '../../i18n/useT';
import type { MessageId, Translate } from '../../i18n/translate';

// Change the configuration from this moment on (in the past: the run forks there). Settings that
// shape the job itself start a new run. Every field comes from the engine's configuration view:
// its choices, its default, what it accepts and what it means. Values use Flink's syntax; a value
// the engine refuses is reported and the current run is kept.

/** The checkpointing settings shown first, with short names; every other key follows under "All settings". */
const MAIN: Record<string, MessageId> = {
  'execution.checkpointing.interval': 'settings.interval',
  'execution.checkpointing.mode': 'settings.mode',
  'execution.checkpointing.unaligned.enabled': 'settings.unaligned',
  'execution.checkpointing.aligned-checkpoint-timeout': 'settings.alignedTimeout',
  'execution.checkpointing.min-pause': 'settings.minPause',
  'execution.checkpointing.max-concurrent-checkpoints': 'settings.maxConcurrent',
  'execution.checkpointing.timeout': 'settings.timeout',
  'state.backend.type': 'settings.backend',
  'execution.checkpointing.incremental': 'settings.incremental',
  'execution.checkpointing.storage': 'settings.storage',
  'sim.checkpointing.algorithm': 'settings.algorithm',
  'sim.sink.kind': 'settings.sinkKind',
};

/** The key, what it means (the engine's English) and what it accepts. */
function hint(k: ConfigKeyView, t: Translate): string {
  return t('settings.hint', { key: k.key, doc: k.doc, accepted: k.accepted }) + (k.default !== undefined ? t('settings.hintDefault', { value: k.default }) : '');
}

function Field({ k, label, value, onChange }: { k: ConfigKeyView; label: string; value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <label title={hint(k, t)}>
      <span>{label}</span>
      {k.choices ? (
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={`setting-${k.key}`}>
          {k.default === undefined && <option value="">{t('settings.default')}</option>}
          {k.choices.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      ) : (
        <input value={value} placeholder={k.default ?? (k.key === 'execution.checkpointing.interval' ? t('settings.off') : t('settings.notSet'))} data-testid={`setting-${k.key}`} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

export function SettingsPanel() {
  const raw = useRun((r) => r.sim.state.config.raw);
  // the settings shown (the run's start settings, or the last change at the moment shown) are what Apply edits
  // one of the run's settings objects, the same one until the time shown passes a settings change: no render every frame
  const id = useRunId();
  const conf = useAppStore((s) => settingsInForce(runOf(s, id), s.clock.displayTime));
  const { applySettings } = useRunActions();
  const keys = useMemo(() => configView(raw), [raw]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const value = (k: ConfigKeyView) => draft[k.key] ?? k.value ?? k.default ?? '';
  const set = (key: string) => (v: string) => setDraft({ ...draft, [key]: v });
  const edited = () => {
    const next = { ...conf, ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')) };
    for (const [k, v] of Object.entries(draft)) if (v === '') delete next[k];
    return next;
  };
  const apply = () => {
    if (applySettings(edited())) setDraft({});
  };
  const main = Object.keys(MAIN).map((key) => keys.find((k) => k.key === key)).filter((k): k is ConfigKeyView => k !== undefined);
  const rest = keys.filter((k) => !Object.hasOwn(MAIN, k.key));
  const t = useT();
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form className="settings" onSubmit={(e) => { e.preventDefault(); apply(); }}>
        {main.map((k) => <Field key={k.key} k={k} label={t(MAIN[k.key])} value={value(k)} onChange={set(k.key)} />)}
        <details className="settings-all" style={{ gridColumn: '1 / -1' }}>
          <summary>{t('settings.all', { n: rest.length })}</summary>
          <div className="settings" style={{ gridTemplateColumns: '1fr', marginTop: 6 }}>
            {rest.map((k) => <Field key={k.key} k={k} label={k.key} value={value(k)} onChange={set(k.key)} />)}
          </div>
        </details>
        <button type="submit" className="primary" data-testid="apply-settings">{t('settings.apply')}</button>
        <CompareWithSettings conf={edited} />
      </form>
    </section>
  );
}
