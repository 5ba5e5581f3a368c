import { expect, test, type Page } from '@playwright/test';

// Legible from the back of a room (issue 12): rendered sizes at 1280×720 measured in Chromium
// (font size times the graph's zoom), in the normal layout and in presenter mode, in English and
// Korean; the controls on one row; the graph fitting its pane; presenter mode's drawer, caption,
// legend, high contrast; the page at 200 % browser zoom.

test.use({ viewport: { width: 1280, height: 720 } });

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
  await page.evaluate(() => document.fonts.ready);
  // the fit has settled: the zoom stops changing
  let last = NaN;
  await expect.poll(async () => {
    const z = await zoom(page);
    const same = Math.abs(z - last) < 1e-4;
    last = z;
    return same;
  }, { intervals: [150, 150, 150, 300] }).toBe(true);
}

/** the smallest rendered size (px) of the graph's node labels: subtask names and operator names */
async function smallestLabel(page: Page): Promise<{ px: number; cut: string[] }> {
  const z = await zoom(page);
  return page.evaluate((scale) => {
    const labels = [...document.querySelectorAll<HTMLElement>('.subtask-name > span:first-child, .operator-title > span:first-child, .coordinator .subtask-name')];
    const px = Math.min(...labels.map((el) => parseFloat(getComputedStyle(el).fontSize) * scale));
    // a label cut short (an ellipsis) is not readable either
    const cut = labels.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? '');
    return { px, cut };
  }, z);
}

/**
 * The rows the direct items of `selector` take; `besideRow`: items as wide as the bar (the
 * header's scenario description, under its items) are left out.
 */
async function itemRows(page: Page, selector: string, besideRow = false): Promise<number> {
  return page.locator(selector).evaluate((bar, skipWide) => {
    const tops = new Set<number>();
    for (const el of bar.children) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && !(skipWide && r.width >= bar.clientWidth * 0.9)) tops.add(Math.round(r.top + r.height / 2) >> 3);
    }
    return tops.size;
  }, besideRow);
}

/** every direct item of the controls' toolbar on one row */
async function controlRows(page: Page): Promise<number> {
  return itemRows(page, '.controls');
}

/**
 * The header's items, but the scenario's description under them, on one row; and whether the
 * scenario menu shows the whole name chosen (its text, in its own font, fits inside it).
 */
async function headerRow(page: Page): Promise<{ rows: number; nameFits: boolean }> {
  const rows = await itemRows(page, '.app-header', true);
  const nameFits = await page.locator('.app-header').evaluate((header) => {
    const select = header.querySelector<HTMLSelectElement>('.scenario-picker select')!;
    const style = getComputedStyle(select);
    const measure = document.createElement('canvas').getContext('2d')!;
    measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = measure.measureText(select.selectedOptions[0].text).width;
    // the room for the text: the box less its padding, border and the arrow (about 20 px)
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return text <= room;
  });
  return { rows, nameFits };
}

/**
 * The records on the canvas: the most common height (px) of the blobs it draws. Records are the
 * most numerous marks on it; they are measured in the canvas's own pixels, over the device ratio.
 */
async function recordDotPx(page: Page): Promise<number> {
  return page.getByTestId('records-layer').evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const ctx = c.getContext('2d')!;
    const { width, height } = c;
    const data = ctx.getImageData(0, 0, width, height).data;
    const seen = new Uint8Array(width * height);
    const heights: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (seen[i] || data[i * 4 + 3] < 128) continue;
      let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
      const stack = [i];
      seen[i] = 1;
      while (stack.length) {
        const p = stack.pop()!;
        const x = p % width, y = (p - x) / width;
        top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x);
        for (const q of [p - 1, p + 1, p - width, p + width]) {
          if (q >= 0 && q < width * height && !seen[q] && data[q * 4 + 3] >= 128 && Math.abs((q % width) - x) <= 1) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
      const h = bottom - top + 1, w = right - left + 1;
      // round marks only: a dot or a pile square, not a line of touching ones
      if (Math.abs(h - w) <= 2) heights.push(h);
    }
    if (!heights.length) return 0;
    const count = new Map<number, number>();
    for (const h of heights) count.set(h, (count.get(h) ?? 0) + 1);
    const mode = [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    return mode / (window.devicePixelRatio || 1);
  });
}

/** PageDown until a barrier is on a channel; returns its testid */
async function untilBarrier(page: Page): Promise<void> {
  for (let i = 0; i < 12 && (await page.locator('[data-testid^="barrier-"]').count()) === 0; i++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(150);
  }
  await expect(page.locator('[data-testid^="barrier-"]').first()).toBeAttached();
}

for (const lang of ['en', 'ko'] as const) {
  test(`normal layout, ${lang}: node labels at least 11 px, header and controls on one row with the scenario's whole name, paused at the start says how to start`, async ({ page }) => {
    await open(page, `&lang=${lang}`);
    const first = page.getByTestId('first-run');
    await expect(first).toBeVisible();
    await expect(first).toContainText(lang === 'en' ? 'Space' : 'Space');
    await expect(first).toContainText(lang === 'en' ? 'Paused' : '일시정지');
    const { px, cut } = await smallestLabel(page);
    expect(px).toBeGreaterThanOrEqual(11);
    expect(cut).toEqual([]);
    expect(await controlRows(page)).toBe(1);
    // the header on one row, the default scenario's whole name in its menu (it was cut at 1280 px in English)
    expect(await headerRow(page)).toEqual({ rows: 1, nameFits: true });
    await page.screenshot({ path: `test-results/presenter-normal-${lang}.png` });
    await page.getByTestId('play').click();
    await expect(first).toHaveCount(0);
  });

  for (const present of [false, true]) {
    test(`${present ? 'presenter mode' : 'normal layout'}, ${lang}: an aligning subtask's badge shows what it waits for whole, inside its node`, async ({ page }) => {
      await page.goto(`/?scenario=two-inputs&lang=${lang}&t=5150${present ? '&present=1' : ''}`);
      await expect(page.locator('.badge.align').first()).toBeVisible();
      const outside = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.badge.align')].flatMap((badge) => {
        const node = badge.closest('.subtask')!.getBoundingClientRect();
        const b = badge.getBoundingClientRect();
        // whole: inside the node's box, and none of its text cut off within the badge
        return b.right <= node.right && b.bottom <= node.bottom && badge.scrollWidth <= badge.clientWidth ? [] : [badge.textContent];
      }));
      expect(outside).toEqual([]);
    });
  }

  test(`normal layout, ${lang}: the State table keeps each key on one line beside its dot, inside the panel`, async ({ page }) => {
    await page.goto(`/?scenario=two-inputs&lang=${lang}&t=5150`);
    await expect(page.locator('.state-table tbody th').first()).toBeVisible();
    const { overflow, lines } = await page.evaluate(() => {
      const body = document.querySelector('.side-body')!;
      // the lines a key cell's contents (its dot and its name) take: the tops of their boxes
      const lines = [...document.querySelectorAll<HTMLElement>('.state-table tbody th')].map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const boxes = [...range.getClientRects()];
        return boxes.filter((b, i) => boxes.findIndex((o) => Math.abs(o.top + o.height / 2 - (b.top + b.height / 2)) < 4) === i).length;
      });
      return { overflow: body.scrollWidth - body.clientWidth, lines };
    });
    expect(overflow).toBe(0);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((n) => n === 1)).toBe(true);
  });

  test(`presenter mode, ${lang}: labels at least 18 px, record dots 10 px, barrier marks 16 px with their number, a caption`, async ({ page }) => {
    await open(page, `&lang=${lang}&present=1`);
    await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
    const { px, cut } = await smallestLabel(page);
    expect(px).toBeGreaterThanOrEqual(18);
    expect(cut).toEqual([]);
    expect(await controlRows(page)).toBe(1);
    // the graph uses the whole width: no side panel beside it
    const graph = (await page.getByTestId('job-graph').boundingBox())!;
    expect(graph.width).toBeGreaterThan(1240);
    await expect(page.locator('aside.side')).toBeHidden();

    await untilBarrier(page);
    const caption = page.getByTestId('presenter-caption');
    await expect(caption).toContainText(lang === 'en' ? 'checkpoint' : '체크포인트');
    expect(parseFloat(await caption.locator('p').evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);

    const barrier = page.locator('[data-testid^="barrier-"]').first();
    const shape = (await barrier.locator('.barrier-shape').boundingBox())!;
    expect(shape.height).toBeGreaterThanOrEqual(16);
    const label = barrier.locator('.barrier-label');
    await expect(label).toHaveText(/\d+/);
    const labelPx = parseFloat(await label.evaluate((el) => getComputedStyle(el).fontSize)) * (await zoom(page));
    expect(labelPx).toBeGreaterThanOrEqual(16);

    // run on until records are on the wire, then pause and measure them
    await page.getByTestId('play').click();
    await expect.poll(() => page.getByTestId('records-layer').getAttribute('data-records').then(Number)).toBeGreaterThan(4);
    // measured while the run plays on (a Korean page may still be fitting its graph as the font
    // arrives): the most common dot drawn must reach 10 px
    await expect.poll(() => recordDotPx(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    await page.getByTestId('pause').click();
    await page.screenshot({ path: `test-results/presenter-present-${lang}.png` });
  });
}

test('the graph fits its pane on resize and on another scenario; zoom to the selected subtask', async ({ page }) => {
  await open(page);
  const fitted = await zoom(page);
  await page.setViewportSize({ width: 1000, height: 720 });
  await expect.poll(() => zoom(page)).toBeLessThan(fitted * 0.95);
  // every subtask inside the graph's pane
  const inside = async () => {
    const pane = (await page.getByTestId('job-graph').boundingBox())!;
    const boxes = await page.locator('[data-testid^="subtask-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    return boxes.every((b) => b.x >= pane.x - 1 && b.y >= pane.y - 1 && b.x + b.w <= pane.x + pane.width + 1 && b.y + b.h <= pane.y + pane.height + 1);
  };
  await expect.poll(inside).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 2);

  await page.getByTestId('subtask-count-1').click();
  await page.getByTestId('zoom-selected').click();
  await expect.poll(() => zoom(page)).toBeGreaterThan(fitted * 1.5);
  const node = (await page.getByTestId('subtask-count-1').boundingBox())!;
  const pane = (await page.getByTestId('job-graph').boundingBox())!;
  expect(Math.abs(node.x + node.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(40);
  await page.keyboard.press('0');
  await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 2);

  await page.getByRole('combobox', { name: /Scenario/ }).selectOption('wide');
  await expect(page.locator('[data-testid^="subtask-"]')).toHaveCount(32, { timeout: 15_000 });
  await expect.poll(() => zoom(page)).not.toBeCloseTo(fitted, 2);
  await expect.poll(inside).toBe(true);
});

test('presenter mode: p switches it, the panels are a drawer that focus never lands behind', async ({ page }) => {
  await open(page);
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  const side = page.locator('aside.side');
  await expect(side).toHaveAttribute('inert', '');
  // Tab through the page: nothing inside the closed drawer gets focus
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('aside.side'))).toBe(false);
  }
  const toggle = page.getByTestId('drawer-toggle');
  await toggle.click();
  await expect(side).toBeVisible();
  await expect(side).not.toHaveAttribute('inert', '');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('aside.side'))).toBe(true);
  await side.getByRole('tab', { name: 'Checkpoints' }).click();
  await expect(side.getByRole('tab', { name: 'Checkpoints' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(side).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', '');
  await expect(side).toBeVisible();
  await expect(side).not.toHaveAttribute('inert', '');
});

test('the legend names every glyph; high contrast is remembered', async ({ page }) => {
  await open(page);
  await page.keyboard.press('l');
  const legend = page.getByTestId('legend');
  await expect(legend).toBeVisible();
  for (const g of ['record', 'persisted', 'aligned', 'unaligned', 'cancel', 'trigger', 'ack', 'notify', 'upload', 'blocked', 'full', 'backpressured', 'slow', 'snapshot']) {
    await expect(legend.locator(`[data-glyph="${g}"]`)).toContainText(/\w/);
  }
  await expect(legend.getByTestId('legend-keys').locator('li')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(legend).toHaveCount(0);
  await page.getByTestId('legend-button').click();
  await expect(legend).toBeVisible();
  await page.getByTestId('legend-close').click();

  await page.getByTestId('contrast-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(page.getByTestId('contrast-toggle')).toHaveAttribute('aria-pressed', 'true');
  // (after the border's short transition)
  await expect.poll(() => page.getByTestId('subtask-count-0').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(0, 0, 0)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await page.getByTestId('contrast-toggle').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
});

test('a channel shows on focus what hovering shows; the live region says when a checkpoint completes', async ({ page }) => {
  await open(page);
  const channel = page.getByTestId('channel-0');
  await channel.focus();
  await expect(page.getByTestId('channel-tip')).toBeVisible();
  await expect(page.getByTestId('channel-tip')).toContainText('→');
  await expect(channel).toHaveAttribute('aria-label', /→|->|Source/);
  // the run on to the first completed checkpoint, moment by moment
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  for (let i = 0; i < 20 && !/COMPLETED/.test((await announcer.textContent()) ?? ''); i++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(200);
  }
  await expect(announcer).toContainText('COMPLETED', { timeout: 5000 });
});

test('at 200 % browser zoom every control and panel stays usable', async ({ browser }) => {
  // 1280×720 at 200 %: a 640×360 page in CSS pixels
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await open(page);
  // nothing wider than the window: no sideways scrolling of the page
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(641);
  const buttons = page.locator('.controls button:visible, .app-header button:visible, .app-header select:visible, .tabs button:visible');
  const n = await buttons.count();
  expect(n).toBeGreaterThan(10);
  for (let i = 0; i < n; i++) {
    const b = buttons.nth(i);
    await b.scrollIntoViewIfNeeded();
    const box = (await b.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(641);
    expect(box.height).toBeGreaterThan(10);
  }
  // the graph keeps a real height, the panels sit below it and each tab opens
  expect((await page.getByTestId('job-graph').boundingBox())!.height).toBeGreaterThan(200);
  for (const tab of ['Checkpoints', 'Faults', 'Snapshots', 'Settings', 'State']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    const panel = page.locator('.side-body');
    await panel.scrollIntoViewIfNeeded();
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
  }
  await page.getByTestId('next-moment').click();
  await expect(page.getByTestId('sim-time')).not.toHaveText('0.000 s');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/presenter-zoom200.png' });
  await context.close();
});
