import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

// A course page holds Checkpoint Lab in an iframe and drives it with postMessage (CONTRACTS.md
// section 6). The host is another origin: a small server of the test's own on another port; its
// page records every message the lab sends.

const port = Number(process.env.E2E_PORT ?? 4173);
const LAB = `http://127.0.0.1:${port}`;
const SOURCE = 'checkpoint-lab';
let host: Server;
let hostUrl = '';
let frameSearch = '?embed=1';

const hostPage = (src: string) => `<!doctype html><html lang="en"><head><title>A course page</title></head><body>
<h1>Checkpointing, live</h1>
<iframe id="lab" src="${src}" title="Checkpoint Lab" width="960" height="600" style="border:0"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => {
    if (e.source === document.getElementById('lab').contentWindow) window.received.push(e.data);
  });
  window.send = (m) => document.getElementById('lab').contentWindow.postMessage(m, '${LAB}');
</script></body></html>`;

interface Received { type: string; source?: string; message?: string; simTime?: number; playing?: boolean; traceHash?: string; lesson?: string; step?: number }

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);
const send = (page: Page, m: unknown) => page.evaluate((msg) => (window as unknown as { send(m: unknown): void }).send(msg), m);

/** asks for the state and waits for the answer */
async function stateOf(page: Page): Promise<Received> {
  const before = (await received(page)).length;
  await send(page, { source: SOURCE, type: 'getState' });
  await expect.poll(async () => (await received(page)).slice(before).some((m) => m.type === 'state')).toBe(true);
  return (await received(page)).slice(before).find((m) => m.type === 'state')!;
}

test.beforeAll(async () => {
  host = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(hostPage(`${LAB}/${frameSearch}`));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: another origin than the lab's
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/course-page.html`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

async function openHost(page: Page, search = '?embed=1') {
  frameSearch = search;
  await page.goto(hostUrl);
  await expect.poll(async () => (await received(page)).filter((m) => m.type === 'ready')).toEqual([{ source: SOURCE, type: 'ready' }]);
  return page.frameLocator('#lab');
}

// the service worker has its own test (offline.spec.ts)
test.use({ serviceWorkers: 'block' });

test.describe('embedding', () => {
  test('the embedded page shows the graph, the narration and the playback controls only', async ({ page }) => {
    const lab = await openHost(page);
    await expect(lab.getByTestId('job-graph')).toBeVisible();
    await expect(lab.getByTestId('subtask-count-0')).toBeVisible();
    await expect(lab.locator('.embed-narration .lesson')).toContainText('Follow one colour');
    await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(lab.getByRole('slider', { name: 'Speed' })).toBeVisible();
    await expect(lab.getByRole('tab')).toHaveCount(0);
    await expect(lab.getByRole('button', { name: 'Trigger checkpoint' })).toBeHidden();
    await expect(lab.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  });

  test('a host page loads a scenario, plays, pauses, seeks and steps it, and reads its state', async ({ page }) => {
    const lab = await openHost(page);
    await send(page, { source: SOURCE, type: 'load', scenario: 'two-inputs' });
    await expect(lab.getByTestId('subtask-join-0')).toBeVisible();
    await send(page, { source: SOURCE, type: 'play' });
    await expect.poll(async () => Number((await lab.getByTestId('sim-time').textContent())!.replace(/[^\d.]/g, ''))).toBeGreaterThan(0.5);
    expect((await stateOf(page)).playing).toBe(true);
    await send(page, { source: SOURCE, type: 'pause' });
    const paused = await stateOf(page);
    expect(paused).toMatchObject({ source: SOURCE, type: 'state', playing: false });
    expect(paused.simTime).toBeGreaterThan(500);
    await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();

    // 30 s of the two-inputs scenario: the trace hash `npm run sim -- --scenario two-inputs --until 30s` prints
    await send(page, { source: SOURCE, type: 'seek', t: 30_000 });
    expect(await stateOf(page)).toEqual({ source: SOURCE, type: 'state', simTime: 30_000, playing: false, traceHash: 'e96fb2fe' });
    await expect(lab.getByTestId('sim-time')).toHaveText('30.000 s');
    // and back
    await send(page, { source: SOURCE, type: 'seek', t: 2000 });
    expect(await stateOf(page)).toMatchObject({ simTime: 2000, playing: false });
    await send(page, { source: SOURCE, type: 'step' });
    expect((await stateOf(page)).simTime).toBeGreaterThan(2000);
  });

  test('a bad message is answered with what is wrong; an untagged one is ignored', async ({ page }) => {
    const lab = await openHost(page);
    const count = (await received(page)).length;
    await send(page, { type: 'play' });
    await send(page, 'play');
    await send(page, { source: SOURCE, type: 'seek', t: 'soon' });
    await send(page, { source: SOURCE, type: 'load', scenario: 'no-such-scenario' });
    await send(page, { source: SOURCE, type: 'launch' });
    await expect.poll(async () => (await received(page)).length).toBe(count + 3);
    const errors = (await received(page)).slice(count);
    expect(errors.every((m) => m.type === 'error' && m.source === SOURCE)).toBe(true);
    expect(errors[0].message).toMatch(/^seek: t: /);
    expect(errors[1].message).toMatch(/scenario "no-such-scenario" does not exist; built-in scenarios are default/);
    expect(errors[2].message).toMatch(/type "launch" is not a message this page takes/);
    // nothing played, nothing changed
    await expect(lab.getByTestId('sim-time')).toHaveText('0.000 s');
    await expect(lab.getByTestId('subtask-count-0')).toBeVisible();
  });

  test('a host opens a lesson at a step and hears every step change', async ({ page }) => {
    const lab = await openHost(page);
    await send(page, { source: SOURCE, type: 'load', lesson: 'failure-recovery', step: 2 });
    await expect.poll(async () => (await received(page)).filter((m) => m.type === 'state').at(-1), { timeout: 30_000 })
      .toMatchObject({ type: 'state', lesson: 'failure-recovery', step: 2 });
    await expect(lab.getByTestId('lesson-say')).toBeVisible();
    await expect(lab.getByTestId('lesson-step')).toHaveText(/^2 \/ \d+$/);
    await lab.getByTestId('lesson-next').click();
    await expect.poll(async () => (await received(page)).filter((m) => m.type === 'state').at(-1)).toMatchObject({ lesson: 'failure-recovery', step: 3 });
    expect(await stateOf(page)).toMatchObject({ lesson: 'failure-recovery', step: 3 });
    // a scenario loaded afterwards replaces the lesson
    await send(page, { source: SOURCE, type: 'load', scenario: 'two-inputs' });
    await expect(lab.getByTestId('subtask-join-0')).toBeVisible();
    await expect(lab.getByTestId('lesson')).toHaveCount(0);
    const after = await stateOf(page);
    expect(after.lesson).toBeUndefined();
    expect(after.simTime).toBe(0);
  });

  test('"Copy embed code" gives an iframe snippet for the scenario shown, which opens embedded', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?scenario=two-inputs&seed=4&lang=en');
    await page.getByTestId('share-menu').click();
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    const code = page.getByTestId('embed-code');
    await expect(code).toBeVisible();
    const snippet = await code.inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?scenario=two-inputs&amp;seed=4&amp;embed=1" title="Checkpoint Lab: [^"]+" width="960" height="600"/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await expect(page.getByTestId('embed-copied')).toHaveAttribute('data-copied', 'true');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(code).toBeHidden();
    // the snippet's address opens the embedded page on that scenario
    const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
    await page.goto(src);
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.getByTestId('subtask-join-0')).toBeVisible();
  });
});
