import { useEffect } from 'react';
import { useStoreApi } from '../../store/react';
import { shortcutFor } from './keyboard';

/** Space, → and ← act on the one clock of the page. Once per page. */
export function useKeyboardShortcuts(): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      // a focused button handles space itself
      if (e.key === ' ' && target?.tagName === 'BUTTON') return;
      if (e.key === ' ' && target?.getAttribute('role') === 'button') return;
      const action = shortcutFor(e.key, target);
      if (!action) return;
      e.preventDefault();
      const clock = store.getState().clockActions;
      if (action === 'toggle-play') clock.togglePlay();
      else if (action === 'step') clock.step();
      else clock.stepBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
