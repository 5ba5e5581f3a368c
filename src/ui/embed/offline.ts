/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';

// The page works offline once loaded (CONTRACTS.md section 6): a service worker made at build time
// (vite-plugin-pwa, workbox) keeps the app, every chunk and so every lesson; a new version replaces
// it on its own (registerType 'autoUpdate'). The Korean font's pieces are cached as they are drawn
// (vite.config.ts); those the first visit drew arrived before the worker was there, so they are
// put in its cache here.

const FONT_CACHE = 'checkpoint-lab-fonts';

/** the same-origin font files this page has fetched so far */
function fontsFetched(): string[] {
  return performance.getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => {
      const url = new URL(name, window.location.href);
      return url.origin === window.location.origin && /\.woff2?$/.test(url.pathname);
    });
}

async function keepFontsFetched(): Promise<void> {
  const urls = fontsFetched();
  if (!urls.length || typeof caches === 'undefined') return;
  const cache = await caches.open(FONT_CACHE);
  for (const url of urls) {
    if (!(await cache.match(url, { ignoreVary: true }))) await cache.add(url).catch(() => {});
  }
}

export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  registerSW({
    immediate: false,
    onOfflineReady: () => void keepFontsFetched(),
    onRegisterError: (e: unknown) => console.warn('[offline] the service worker did not register', e),
  });
}
