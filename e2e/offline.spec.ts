import { expect, test } from '@playwright/test';

// Classroom networks fail: once the page has been loaded, it opens again without a network (a
// service worker keeps the app and every lesson; CONTRACTS.md section 6).

test.describe('offline', () => {
  test('after one visit, a reload without network opens a lesson and runs it', async ({ page, context }) => {
    await page.goto('/?lang=en');
    await expect(page.getByTestId('job-graph')).toBeVisible();
    // the worker has precached the app and taken this page over
    await expect.poll(() => page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg?.active?.state === 'activated' && navigator.serviceWorker.controller?.state === 'activated';
    }), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await page.goto('/?lesson=failure-recovery&lang=en');
    await expect(page.getByTestId('lesson')).toBeVisible();
    await expect(page.getByTestId('lesson-say')).not.toBeEmpty();
    await expect(page.getByTestId('lesson-step')).toHaveText(/^1 \/ \d+$/);
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-step')).toHaveText(/^2 \/ \d+$/);
    await page.getByTestId('play').click();
    await expect.poll(async () => Number((await page.getByTestId('sim-time').textContent())!.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
    // nothing but the page's own origin was asked for, and nothing failed for want of a network
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.reload();
    await expect(page.getByTestId('job-graph')).toBeVisible();
    await expect(page.getByTestId('lesson')).toBeVisible();
    expect(failed).toEqual([]);
  });

  test('a page once shown in Korean shows its Korean offline: the font pieces it drew are kept', async ({ page, context }) => {
    await page.goto('/?lang=ko');
    await expect(page.getByRole('button', { name: '재생', exact: true })).toBeVisible();
    const drawn = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /noto-sans-kr-.*\.woff2$/.test(e.name)).length);
    expect(drawn).toBeGreaterThan(5);
    // the worker took over, and the pieces fetched before it did are in its cache
    await expect.poll(() => page.evaluate(async () => {
      if (navigator.serviceWorker.controller?.state !== 'activated') return 0;
      return (await (await caches.open('checkpoint-lab-fonts')).keys()).length;
    }), { timeout: 30_000 }).toBeGreaterThanOrEqual(drawn - 2); // the switch's two pieces are precached instead

    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.reload();
    await expect(page.getByRole('button', { name: '재생', exact: true })).toBeVisible();
    // the pieces that draw these syllables load from the cache, not from the network
    expect(await page.evaluate(async () => {
      const faces = await document.fonts.load('400 16px "Noto Sans KR"', '체크포인트재생');
      return faces.length > 0 && faces.every((f) => f.status === 'loaded');
    })).toBe(true);
    expect(failed).toEqual([]);
  });

  test('the app is installable: a manifest with icons', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await request.get(href!)).json() as { name: string; display: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ name: 'Checkpoint Lab', display: 'standalone' });
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const res = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
      expect(res.ok(), icon.src).toBe(true);
      expect(res.headers()['content-type']).toContain(icon.type);
    }
  });
});
