import { lazyChunk } from './lazyChunk';
import { LazyPanel } from './lazyPanels';

// The Share menu's tools are drawn only while the menu is open: their code (the job's export, the
// embed code, the picture's export) is a chunk fetched when it first opens, or once the page is idle.

const shareItems = lazyChunk(() => import('./ShareItems'));

export function ShareMenuItems() {
  return <LazyPanel><shareItems.Component /></LazyPanel>;
}

export const preloadShareItems = shareItems.preload;
