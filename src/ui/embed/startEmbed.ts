import type { AppStoreApi } from '../../store/appStore';
import { startEmbedBridge } from './bridge';
import { embedLessons } from './lessonLink';

/** The embedded page's side of the postMessage API; a chunk of its own (zod), loaded only in an iframe with `?embed=1`. */
export function startEmbed(store: AppStoreApi): () => void {
  return startEmbedBridge(store, { own: window, host: window.parent }, embedLessons(store));
}
