import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// axe-core on the main views (issue 12): the page, each side-panel tab, presenter mode with its
// drawer open, the legend and the list of keys, a lesson, in English and Korean. No serious or
// critical violation; WCAG 2 A and AA rules plus axe's best practices.

test.use({ viewport: { width: 1280, height: 720 } });
// axe reads the whole page several times per test: slow on a busy machine
test.setTimeout(240_000);

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/?${query}`);
  await expect(page.locator('.react-flow__viewport')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** serious and critical violations, as "rule: target" lines a failure message can show */
async function violations(page: Page, include?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) axe = axe.include(include);
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

const TABS = {
  en: ['State', 'Checkpoints', 'Faults', 'Snapshots', 'Settings'],
  ko: ['상태', '체크포인트', '장애', '스냅샷', '설정'],
} as const;

for (const lang of ['en', 'ko'] as const) {
  test(`the page and each side-panel tab, ${lang}`, async ({ page }) => {
    await open(page, `scenario=default&lang=${lang}`);
    expect(await violations(page)).toEqual([]);
    // a moment with barriers, channels and snapshots drawn
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await expect(page.locator('[data-testid^="barrier-"]').first()).toBeAttached();
    for (const tab of TABS[lang]) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
      await page.waitForTimeout(200);
      expect(await violations(page), `tab ${tab}`).toEqual([]);
    }
  });

  test(`presenter mode with its drawer, the legend and the keys, ${lang}`, async ({ page }) => {
    await open(page, `scenario=default&lang=${lang}&present=1`);
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('drawer-toggle').click();
    await expect(page.locator('aside.side')).toBeVisible();
    expect(await violations(page), 'drawer open').toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await expect(page.getByTestId('legend')).toBeVisible();
    expect(await violations(page), 'legend').toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByTestId('key-help')).toBeVisible();
    expect(await violations(page), 'keys').toEqual([]);
  });
}

test('high contrast, and a lesson', async ({ page }) => {
  await open(page, 'scenario=default');
  await page.getByTestId('contrast-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  expect(await violations(page), 'high contrast').toEqual([]);
  await page.getByTestId('contrast-toggle').click();
  await open(page, 'lesson=failure-recovery');
  expect(await violations(page), 'lesson').toEqual([]);
  await open(page, 'lesson=failure-recovery&lang=ko&present=1');
  expect(await violations(page), 'lesson, presenter, ko').toEqual([]);
});
