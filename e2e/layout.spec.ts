import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

test('the bar between graph and panels resizes them, is remembered, and its arrow keys do not step the run', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  const side = page.locator('aside.side');
  const before = (await side.boundingBox())!.width;
  const bar = page.getByRole('separator', { name: 'Resize the side panel' });
  await bar.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await side.boundingBox())!.width).toBeCloseTo(before - 120, 0);
  await expect(sim.simTime).toHaveText('0.000 s');
  // drag it back past where it was
  const box = (await bar.boundingBox())!;
  await page.mouse.move(box.x + 3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const widened = (await side.boundingBox())!.width;
  expect(widened).toBeGreaterThan(before + 50);
  await page.reload();
  await expect(page.getByTestId('job-graph')).toBeVisible();
  expect((await side.boundingBox())!.width).toBeCloseTo(widened, 0);
  expect(sim.errors).toEqual([]);
});
