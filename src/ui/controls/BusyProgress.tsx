import { shallow } from 'zustand/shallow';
import { useAppStore } from '../../store/react';
import { translateStoreText } from '../../i18n/notices';
import { useLang, useT } from '../../i18n/useT';

/** Long work under way (a link opened far into a run, a comparison): how far it got, and Cancel. */
export function BusyProgress() {
  const busy = useAppStore((s) => s.busy, shallow);
  const cancel = useAppStore((s) => s.cancelBusy);
  const lang = useLang();
  const t = useT();
  if (!busy) return null;
  const pct = busy.total > 0 ? Math.min(100, Math.floor((busy.done / busy.total) * 100)) : 0;
  // the store names its work in English; shown in the page's language
  const label = translateStoreText(lang, busy.label);
  return (
    <span className="busy" data-testid="busy">
      <span>{label}</span>
      <progress max={100} value={pct} aria-label={label} />
      <span className="muted">{pct}%</span>
      <button type="button" onClick={cancel} aria-label={t('busy.cancel')}>{t('busy.cancel')}</button>
    </span>
  );
}
