import { useEffect } from 'react';
import { useStoreApi, useView } from '../../store/react';
import { zoomGraph } from '../graph/zoom';
import { presentFromSearch } from './presentParam';

// read when the page loads: the page rewrites its address once the run starts (useRunInUrl)
const PRESENT_AT_LOAD = typeof window !== 'undefined' && presentFromSearch(window.location.search);

/**
 * Once per page: `?present=1` switches presenter mode on at load; <html data-presenter> follows the
 * view's `presenter` (tokens.css turns it into big type), and the graph fits its new area.
 */
export function usePresenterMode(): boolean {
  const store = useStoreApi();
  const presenter = useView((v) => v.presenter);
  useEffect(() => {
    if (PRESENT_AT_LOAD) store.getState().viewActions.setPresenter(true);
  }, [store]);
  useEffect(() => {
    const root = document.documentElement;
    if (presenter) root.dataset.presenter = '';
    else delete root.dataset.presenter;
    // the graph's area and its type changed size: fit once the layout has settled
    const timer = window.setTimeout(() => zoomGraph('fit'), 80);
    return () => window.clearTimeout(timer);
  }, [presenter]);
  return presenter;
}
