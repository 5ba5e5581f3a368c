import { useAppStore } from '../../store/react';
import { useT } from '../../i18n/useT';

/** "To both runs": a command given to one run strikes the other at the same simulated moment. Only while comparing. */
export function ToBothChoice() {
  const comparing = useAppStore((s) => s.runs.b !== undefined);
  const on = useAppStore((s) => s.compare.toBoth);
  const { setToBoth } = useAppStore((s) => s.compareActions);
  const t = useT();
  if (!comparing) return null;
  return (
    <label className="to-both" title={t('compare.toBothTitle')}>
      <input type="checkbox" checked={on} onChange={(e) => setToBoth(e.target.checked)} data-testid="to-both" />
      {t('compare.toBoth')}
    </label>
  );
}
