import { useView, useViewActions } from '../../store/react';
import { useT } from '../../i18n/useT';
import { setHighContrast, useHighContrast } from './contrast';
import type { Drawer } from './useDrawer';

/**
 * Legend, high contrast and presenter mode: in the header, or in presenter mode (with `drawer`, the
 * button that opens the side panels) at the end of the caption.
 */
export function ViewToggles({ openLegend, drawer }: { openLegend: () => void; drawer?: Drawer }) {
  const t = useT();
  const presenter = useView((v) => v.presenter);
  const { setPresenter } = useViewActions();
  const contrast = useHighContrast();
  if (presenter !== (drawer !== undefined)) return null;
  return (
    <div className={presenter ? 'view-toggles presenter-bar' : 'view-toggles'} role="group" aria-label={t('presenter.view')} data-testid="view-toggles">
      {drawer && (
        <button type="button" ref={drawer.opener} onClick={drawer.toggle} aria-expanded={drawer.open} aria-controls="side-panels" title={t('presenter.panelsTitle')} data-testid="drawer-toggle">
          {drawer.open ? t('presenter.closePanels') : t('presenter.panels')}
        </button>
      )}
      <button type="button" onClick={openLegend} aria-keyshortcuts="l" title={t('presenter.legendTitle')} data-testid="legend-button">{t('presenter.legend')}</button>
      <button type="button" onClick={() => setHighContrast(!contrast)} aria-pressed={contrast} title={t('presenter.contrastTitle')} data-testid="contrast-toggle">{t('presenter.contrast')}</button>
      <button type="button" onClick={() => setPresenter(!presenter)} aria-pressed={presenter} aria-keyshortcuts="p" title={t('presenter.onTitle')} data-testid="presenter-toggle">
        {presenter ? t('presenter.off') : t('presenter.on')}
      </button>
    </div>
  );
}
