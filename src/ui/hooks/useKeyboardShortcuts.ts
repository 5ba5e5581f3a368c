import { useCallback, useEffect, useRef, useState } from 'react';
import { useStoreApi } from '../../store/react';
import { zoomGraph } from '../graph/zoom';
import { shortcutFor } from './keyboard';
import { lessonNext, lessonPrevious, lessonResetStep } from '../../store/lessonState';

/** what the keys put over the page: a black screen (b, .), the list of keys (?) or the legend (l) */
export type KeyOverlay = 'blank' | 'help' | 'legend' | null;

function toggleFullscreen(): void {
  try {
    const done = document.fullscreenElement ? document.exitFullscreen?.() : document.documentElement.requestFullscreen?.();
    done?.catch(() => {});
  } catch {
    // full screen refused (an iframe without allowfullscreen, a browser without it): nothing to do
  }
}

/** The keys of CONTRACTS.md section 6 act on the one clock of the page. Once per page. */
export function useKeyboardShortcuts(): { overlay: KeyOverlay; close: () => void; showLegend: () => void } {
  const store = useStoreApi();
  const [overlay, setOverlay] = useState<KeyOverlay>(null);
  const shown = useRef<KeyOverlay>(null);
  const show = useCallback((o: KeyOverlay) => {
    shown.current = o;
    setOverlay(o);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // a blank screen: any key brings the page back, and does nothing else
      if (shown.current === 'blank') {
        if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
        e.preventDefault();
        show(null);
        return;
      }
      if ((shown.current === 'help' && (e.key === 'Escape' || e.key === '?')) || (shown.current === 'legend' && (e.key === 'Escape' || e.key === 'l' || e.key === 'L'))) {
        e.preventDefault();
        show(null);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      // a focused button handles space itself
      if (e.key === ' ' && target?.tagName === 'BUTTON') return;
      if (e.key === ' ' && target?.getAttribute('role') === 'button') return;
      const action = shortcutFor(e.key, target);
      if (!action) return;
      e.preventDefault();
      const s = store.getState();
      const clock = s.clockActions;
      switch (action) {
        case 'toggle-play': clock.togglePlay(); break;
        case 'step': clock.step(); break;
        case 'step-back': clock.stepBack(); break;
        // in a lesson: its next / previous step, and Home begins the step again
        case 'next-moment': if (!lessonNext(store)) clock.nextMoment(); break;
        case 'previous-moment': if (!lessonPrevious(store)) clock.previousMoment(); break;
        case 'blank':
          clock.pause();
          show('blank');
          break;
        case 'reset': if (!lessonResetStep(store)) s.runs.a.actions.reset(); break;
        case 'fullscreen': toggleFullscreen(); break;
        case 'zoom-in': zoomGraph('in'); break;
        case 'zoom-out': zoomGraph('out'); break;
        case 'zoom-fit': zoomGraph('fit'); break;
        case 'help': show('help'); break;
        case 'legend': show('legend'); break;
        case 'presenter': s.viewActions.setPresenter(!s.view.presenter); break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, show]);
  return { overlay, close: useCallback(() => show(null), [show]), showLegend: useCallback(() => show('legend'), [show]) };
}
