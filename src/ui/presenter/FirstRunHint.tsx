import { useClock, useView } from '../../store/react';
import { useT } from '../../i18n/useT';

/** On first load the run is paused at t = 0: say so, and how to start. Gone once time moves (presenter mode: the caption says it). */
export function FirstRunHint() {
  const atStart = useClock((c) => c.displayTime <= 0 && !c.playing);
  const presenter = useView((v) => v.presenter);
  const t = useT();
  if (!atStart || presenter) return null;
  return <p className="first-run" data-testid="first-run">{t('presenter.firstRun')}</p>;
}
