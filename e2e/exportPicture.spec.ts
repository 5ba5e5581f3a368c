import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

// "Export picture": the graph at this moment, as PNG and SVG, named after the scenario and the time.

async function save(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  // the tool sits in the header's "Share and export" menu
  const menu = page.getByTestId('share-menu');
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

test.describe('export picture', () => {
  test('saves the graph as it is now as a PNG and an SVG', async ({ page }) => {
    await page.goto('/?scenario=two-inputs&t=7500&lang=en');
    await expect(page.getByTestId('sim-time')).toHaveText('7.500 s');
    await expect(page.getByTestId('subtask-join-0')).toBeVisible();

    const png = await save(page, 'export-png');
    expect(png.name).toBe('checkpoint-lab-two-inputs-t7_500s.png');
    expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(20_000);
    // its size in pixels: the graph's, at twice the pixel ratio
    const box = (await page.locator('.graph-area').boundingBox())!;
    expect(png.bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);

    const styleBefore = await page.locator('.channel-path').first().getAttribute('style');
    const svg = await save(page, 'export-svg');
    expect(svg.name).toBe('checkpoint-lab-two-inputs-t7_500s.svg');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(svg.bytes.length).toBeGreaterThan(20_000);
    // what the graph shows at 7.5 s, and none of the zoom buttons
    expect(text).toContain('Keyed Join (1/2)');
    expect(text).toContain('data:image/png;base64'); // the moving records' canvas, as an image
    expect(text).not.toContain('data-testid="zoom-in"');
    // the channels keep their stroke in the picture (their <svg> is copied without the stylesheet)
    expect(text).toMatch(/<path[^>]*class="channel-path"[^>]*style="[^"]*stroke: rgb/);
    // and the page's own channels are as they were
    expect(await page.locator('.channel-path').first().getAttribute('style')).toBe(styleBefore);
  });
});
