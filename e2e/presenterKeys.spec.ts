import { expect, test, type Page } from '@playwright/test';

// The keys of CONTRACTS.md section 6 and a presenter's clicker (issue 12): PageDown / PageUp go
// to the next / previous moment that matters, b and . blank the screen, Home resets the run,
// + - 0 zoom the graph, ? lists the keys (in the page's language) and Escape closes the list.

test.use({ viewport: { width: 1280, height: 720 } });

async function simTime(page: Page): Promise<number> {
  return parseFloat((await page.getByTestId('sim-time').textContent()) ?? 'NaN');
}

/** React Flow's viewport: its scale */
async function zoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /scale\(([\d.]+)\)/.exec(transform);
  return m ? parseFloat(m[1]) : NaN;
}

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`/?scenario=default${query}`);
  await expect(page.getByTestId('sim-time')).toHaveText('0.000 s');
  await expect(page.locator('.react-flow__viewport')).toBeVisible();
  // the first fit of the graph is over
  await page.waitForTimeout(300);
}

test.describe('presenter keys', () => {
  test('PageDown runs to the next moment, PageUp goes back, Home resets', async ({ page }) => {
    await open(page);
    await page.keyboard.press('PageDown');
    await expect.poll(() => simTime(page)).toBeGreaterThan(0);
    const first = await simTime(page);
    await expect(page.getByTestId('playback-state')).toHaveClass(/paused/);
    const last = page.getByTestId('event-log').locator('li').last();
    await expect(last).toHaveClass(/log-(checkpoint|job)/);
    await expect(last.locator('time')).toHaveText(`${first.toFixed(3)} s`);
    await page.screenshot({ path: 'test-results/presenter-pagedown.png' });

    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await expect.poll(() => simTime(page)).toBeGreaterThanOrEqual(first);
    const later = await simTime(page);
    await expect(page.getByTestId('event-log').locator('li').last()).toHaveClass(/log-(checkpoint|job)/);

    // the buttons do the same
    await expect(page.getByRole('button', { name: 'Next moment', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Previous moment', exact: true })).toBeVisible();

    await page.keyboard.press('PageUp');
    await expect.poll(() => simTime(page)).toBeLessThan(later);

    await page.keyboard.press('Home');
    await expect(page.getByTestId('sim-time')).toHaveText('0.000 s');
  });

  test('b and . blank the screen and pause; a key or a click brings the page back', async ({ page }) => {
    await open(page);
    await page.getByTestId('play').click();
    await expect(page.getByTestId('playback-state')).toHaveClass(/playing/);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await expect(page.getByTestId('playback-state')).toHaveClass(/paused/);
    const t = await simTime(page);
    await page.waitForTimeout(300);
    expect(await simTime(page)).toBe(t);
    await page.keyboard.press('x');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
    await page.keyboard.press('.');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await page.getByTestId('blank-screen').click();
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
  });

  test('+ - 0 zoom the graph and fit it; so do its buttons', async ({ page }) => {
    await open(page);
    const fitted = await zoom(page);
    expect(fitted).toBeGreaterThan(0);
    await page.keyboard.press('+');
    await expect.poll(() => zoom(page)).toBeGreaterThan(fitted * 1.05);
    const zoomedIn = await zoom(page);
    await page.keyboard.press('-');
    await expect.poll(() => zoom(page)).toBeLessThan(zoomedIn * 0.9);
    await page.waitForTimeout(250);
    await page.keyboard.press('-');
    await expect.poll(() => zoom(page)).toBeLessThan(fitted * 0.95);
    await page.keyboard.press('0');
    await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 2);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => zoom(page)).toBeGreaterThan(fitted * 1.05);
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 2);
  });

  test('p switches presenter mode on and off, as ?present=1 does; l opens the legend', async ({ page }) => {
    await open(page);
    const html = page.locator('html');
    await expect(html).not.toHaveAttribute('data-presenter', '');
    await expect(page.getByTestId('presenter-caption')).toHaveCount(0);
    await page.keyboard.press('p');
    await expect(html).toHaveAttribute('data-presenter', '');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
    // the other keys still work in presenter mode
    await page.keyboard.press('PageDown');
    await expect.poll(() => simTime(page)).toBeGreaterThan(0);
    await expect(page.getByTestId('presenter-caption')).toContainText(/checkpoint|barrier/i);
    await page.keyboard.press('l');
    await expect(page.getByTestId('legend')).toBeVisible();
    await page.keyboard.press('l');
    await expect(page.getByTestId('legend')).toHaveCount(0);
    await page.keyboard.press('p');
    await expect(html).not.toHaveAttribute('data-presenter', '');
    await expect(page.getByTestId('presenter-caption')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');

    await open(page, '&present=1');
    await expect(html).toHaveAttribute('data-presenter', '');
    await page.getByTestId('presenter-toggle').click();
    await expect(html).not.toHaveAttribute('data-presenter', '');
  });

  test('the list of keys and the legend are modal: Tab stays in them, and closing gives focus back', async ({ page }) => {
    await open(page);
    const opener = page.getByRole('button', { name: 'Legend' });
    await opener.click();
    const legend = page.getByTestId('legend');
    await expect(legend).toBeVisible();
    await expect(page.getByTestId('legend-close')).toBeFocused();
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await legend.evaluate((box) => box.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(legend).toHaveCount(0);
    await expect(opener).toBeFocused();
    await page.keyboard.press('?');
    const help = page.getByTestId('key-help');
    await expect(help).toBeVisible();
    for (const key of ['Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      await expect(page.getByTestId('key-help-close')).toBeFocused();
    }
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });

  test('? lists the keys, Escape closes the list; keys do nothing in a text field', async ({ page }) => {
    await open(page);
    await page.keyboard.press('?');
    const help = page.getByTestId('key-help');
    await expect(help).toBeVisible();
    await expect(help.getByRole('heading', { name: 'Keys' })).toBeVisible();
    for (const key of ['Space', 'PageDown', 'PageUp', 'b', 'Home', 'f', '+', '-', '0', 'p', 'l', '?']) await expect(help.locator('kbd', { hasText: key }).first()).toBeVisible();
    await expect(help).toContainText('Next moment');
    await page.screenshot({ path: 'test-results/presenter-help-en.png' });
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    // in a field (the speed slider is an input) the keys are the field's
    await page.getByTestId('speed').focus();
    await page.keyboard.press('b');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
    await expect(page.getByTestId('sim-time')).toHaveText('0.000 s');
  });

  test('in Korean the list of keys is Korean', async ({ page }) => {
    await open(page, '&lang=ko');
    await page.keyboard.press('?');
    const help = page.getByTestId('key-help');
    await expect(help.getByRole('heading', { name: '단축키' })).toBeVisible();
    await expect(help).toContainText('다음 장면');
    await expect(help).toContainText('화면을 가리고');
    await expect(page.getByRole('button', { name: '다음 장면', exact: true })).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: 'test-results/presenter-help-ko.png' });
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });
});
