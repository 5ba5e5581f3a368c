import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { COMPILE_HINT, initialChunks, type BuiltChunk } from './bench/initialJs.js';

/**
 * The first screen's scripts (the entry chunk and its static imports) start with V8's compile hint:
 * Chromium compiles their functions on a background thread while they download, not one by one on
 * the main thread as the page starts (README, benchmark section, "First load"). Lazy chunks stay
 * lazily compiled.
 */
function compileHintsOnLoad(): Plugin {
  return {
    name: 'checkpoint-lab:compile-hints-on-load',
    apply: 'build',
    enforce: 'post',
    // after Vite's own (its preload list goes first in a chunk that loads others)
    generateBundle: { order: 'post', handler(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      for (const name of initialChunks(chunks as BuiltChunk[])) {
        const chunk = bundle[name];
        if (chunk.type !== 'chunk') continue;
        chunk.code = COMPILE_HINT + chunk.code;
        // a source map (vite build --sourcemap) maps one line further down
        const map = bundle[`${name}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const json = JSON.parse(map.source) as { mappings: string };
          map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
        } else if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    } },
  };
}

export default defineConfig({
  plugins: [react(), compileHintsOnLoad(), VitePWA({
    // an installable app that works offline once loaded (README, "Offline"; src/ui/embed/offline.ts registers it)
    registerType: 'autoUpdate',
    injectRegister: false,
    manifest: {
      name: 'Checkpoint Lab',
      short_name: 'Checkpoint Lab',
      description: 'How Apache Flink keeps state correct: barriers, alignment, snapshots, recovery, seen as it happens.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: '#1d4ed8',
      background_color: '#ffffff',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // the app, every chunk (lessons and their messages are bundled), the icons and the two small
      // font pieces of the language switch's "한국어" (app.css); not the Korean font's other ~240
      // unicode-range files: those are cached as they are first drawn (below)
      globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}', 'assets/noto-sans-kr-11[78]-400-normal-*.woff2'],
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [{
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /\.woff2?$/.test(url.pathname),
        handler: 'CacheFirst',
        // the server may answer `Vary: Origin`; a font is the same file whatever asked for it
        options: { cacheName: 'checkpoint-lab-fonts', expiration: { maxEntries: 300 }, cacheableResponse: { statuses: [200] }, matchOptions: { ignoreVary: true } },
      }],
    },
  })],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    // a timeout here catches a hang, never measures speed: CI shares two cores with a browser
    testTimeout: 60_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/unit.json' }]] : ['default'],
  },
});
