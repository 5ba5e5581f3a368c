import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { median, percentile } from './measure';

// Frame time of the page while the `wide` scenario plays with at least 1,000 records in flight,
// in headless Chromium, from requestAnimationFrame deltas (the 60 Hz cap lifted, to see the cost).

const PORT = 4174;

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start on ${url}`);
}

export async function measureFrameTime(): Promise<{ medianMs: number; p95Ms: number; inFlight: number; frames: number }> {
  if (!existsSync('dist/index.html')) spawnSync('node', ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'ignore' });
  const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`, 30_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`http://127.0.0.1:${PORT}/?scenario=wide`);
      await page.getByRole('slider', { name: 'Speed' }).fill('40');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction(() => (window as unknown as { __checkpointLab: { inFlight(): number } }).__checkpointLab.inFlight() >= 1000, undefined, { timeout: 60_000 });
      // A string, not a function: the TypeScript loader would wrap a function with helpers the page lacks.
      const result = await page.evaluate<{ deltas: number[]; inFlight: number }>(`new Promise((resolve) => {
        const deltas = [];
        const lab = window.__checkpointLab;
        let last = performance.now();
        let minInFlight = Infinity;
        const frame = (now) => {
          deltas.push(now - last);
          last = now;
          minInFlight = Math.min(minInFlight, lab.inFlight());
          if (deltas.length < 300) requestAnimationFrame(frame);
          else resolve({ deltas: deltas.slice(5), inFlight: minInFlight });
        };
        requestAnimationFrame(frame);
      })`);
      return { medianMs: median(result.deltas), p95Ms: percentile(result.deltas, 0.95), inFlight: result.inFlight, frames: result.deltas.length };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
