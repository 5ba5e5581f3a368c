import { useEffect } from 'react';
import { useSimStoreApi } from '../../store/react';
import { shortcutFor } from './keyboard';

export function useKeyboardShortcuts(): void {
  const store = useSimStoreApi();
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
      if (action === 'toggle-play') store.getState().togglePlay();
      else if (action === 'step') store.getState().step();
      else store.getState().stepBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
