import { CHECKPOINT_ALGORITHMS } from '../../engine';
import { useAppStore, useRunReader } from '../../store/react';
import { useT } from '../../i18n/useT';

/** A row of the Cost table opened as run B beside this run: its settings with that way of checkpointing. */
export function OpenBeside({ algorithm }: { algorithm: string }) {
  const { open } = useAppStore((s) => s.compareActions);
  const readRun = useRunReader();
  const t = useT();
  const entry = CHECKPOINT_ALGORITHMS.find((x) => x.algorithm === algorithm);
  if (!entry) return null;
  return (
    <button type="button" className="link open-beside" title={t('compare.openTitle')} onClick={() => open({ ...readRun().conf, ...entry.conf })} data-testid={`open-beside-${algorithm.replace(/ /g, '-')}`}>
      {t('compare.open')}
    </button>
  );
}

/** "Compare with these settings": run B beside this run with the settings being edited. */
export function CompareWithSettings({ conf }: { conf: () => Record<string, string> }) {
  const { open } = useAppStore((s) => s.compareActions);
  const t = useT();
  return (
    <button type="button" title={t('compare.withSettingsTitle')} onClick={() => open(conf())} data-testid="compare-with-settings">{t('compare.withSettings')}</button>
  );
}
