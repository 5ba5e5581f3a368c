import './compare.css';
import type { ReactNode } from 'react';
import { RunIdContext, useAppStore } from '../../store/react';
import { useT } from '../../i18n/useT';
import { useRunName } from './useRunName';

// Always on the page (App.tsx), unlike the comparison itself (CompareView.tsx, a chunk of its own:
// lazy/lazyCompare.tsx); it also brings the comparison's styles, which the panels' Open beside and
// To both use.

/** The side panels show the run chosen in the comparison (run A without one). */
export function PanelsRun({ children }: { children: ReactNode }) {
  const id = useAppStore((s) => (s.runs.b ? s.compare.panels : 'a'));
  const t = useT();
  const comparing = useAppStore((s) => s.runs.b !== undefined);
  const name = useRunName(id);
  return (
    <RunIdContext.Provider value={id}>
      {comparing && <p className={`compare-panels-note compare-run-${id}`} data-testid="panels-run">{t('compare.panelsShow', { run: name })}</p>}
      {children}
    </RunIdContext.Provider>
  );
}
