import { useAppStore } from '../../store/react';
import type { RunId } from '../../store/appState';
import { useT } from '../../i18n/useT';

/** "Run A", or "Run A · branch 2" once the run's history has branches: which branch it shows. */
export function useRunName(id: RunId): string {
  const t = useT();
  const branch = useAppStore((s) => {
    const tree = s.branches[id];
    return tree && tree.branches.length > 1 ? tree.current + 1 : null;
  });
  const run = t(id === 'a' ? 'compare.runA' : 'compare.runB');
  return branch === null ? run : t('compare.runBranch', { run, n: branch });
}
