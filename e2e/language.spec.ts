import { expect, test, type Page } from '@playwright/test';

// The page in Korean and English (CONTRACTS.md sections 4 and 6): `?lang=`, <html lang>, the
// controls' names in each language, the same test ids in both, the header switch, a Korean font
// that a machine without one still draws, and the one-row controls at 1280 px.

test.use({ viewport: { width: 1280, height: 720 } });

function watch(page: Page): { errors: string[]; requests: string[] } {
  const seen = { errors: [] as string[], requests: [] as string[] };
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => seen.requests.push(r.url()));
  return seen;
}

/** The controls toolbar holds one row: every item starts on the first line, and none runs past the right edge. */
async function expectOneRow(page: Page): Promise<void> {
  const rows = await page.getByTestId('sim-time').evaluate(() => {
    const bar = document.querySelector('.controls') as HTMLElement;
    const right = bar.getBoundingClientRect().right;
    const items = [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null) as HTMLElement[];
    const tops = new Set(items.map((c) => Math.round(c.getBoundingClientRect().top / 10)));
    const past = items.filter((c) => c.getBoundingClientRect().right > right + 1).map((c) => c.textContent);
    return { tops: tops.size, past, scroll: bar.scrollWidth - bar.clientWidth, height: bar.getBoundingClientRect().height };
  });
  expect(rows, JSON.stringify(rows)).toMatchObject({ past: [], scroll: 0 });
  expect(rows.height).toBeLessThan(48);
}

/** Korean glyphs come from the bundled Noto Sans KR: its faces for what is drawn are loaded. */
async function koreanFontLoaded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans KR' && f.status === 'loaded').length;
  });
}

test.describe('the page in Korean and English', () => {
  test('?lang=ko: Korean names, a Korean log, the same test ids; the header switch turns it English', async ({ page }) => {
    const seen = watch(page);
    await page.goto('/?lang=ko&conf.execution.checkpointing.interval=2%20s');
    await expect(page.getByTestId('job-graph')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

    // the controls by their Korean names, and by the test ids that every language shares
    for (const [name, id] of [['재생', 'play'], ['한 단계', 'step'], ['처음부터', 'reset'], ['체크포인트 실행', 'trigger-checkpoint'], ['세이브포인트 실행', 'trigger-savepoint']]) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(page.getByTestId(id)).toHaveAccessibleName(name);
    }
    await expect(page.getByRole('slider', { name: '속도' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '이벤트 로그' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '체크포인트', exact: true })).toBeVisible();
    // Flink's names stay as Flink writes them
    await expect(page.getByTestId('subtask-count-1')).toHaveAccessibleName('Keyed Count (2/2)');

    // a step or two: the log speaks Korean
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('event-log').locator('li').filter({ hasText: '레코드를 읽었습니다' }).first()).toBeVisible();

    // play to the first completed checkpoint, then pause
    await page.getByTestId('speed').fill('70');
    await page.getByRole('button', { name: '재생', exact: true }).click();
    await expect(page.getByTestId('pause')).toHaveAccessibleName('일시정지');
    await page.getByRole('tab', { name: '체크포인트', exact: true }).click();
    await expect(page.getByTestId('checkpoint-row-1')).toContainText('COMPLETED', { timeout: 30_000 });
    await page.getByRole('button', { name: '일시정지', exact: true }).click();
    await expect(page.getByTestId('event-log').locator('li').filter({ hasText: /체크포인트 1 COMPLETED: 모든 서브태스크가 확인했습니다/ })).toHaveCount(1);
    // a History heading in Korean carries Flink's English name
    const e2e = page.getByRole('columnheader', { name: '전체 소요 시간' }).first();
    await expect(e2e).toHaveAttribute('title', 'End to End Duration');

    // select a subtask: Kill task in Korean
    await page.getByTestId('subtask-count-0').click();
    await page.getByRole('tab', { name: '상태', exact: true }).click();
    await expect(page.getByRole('button', { name: '태스크 중지', exact: true })).toBeVisible();
    await expect(page.getByTestId('kill-task')).toHaveAccessibleName('태스크 중지');

    // the link keeps the language
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ko');

    // Hangul is drawn with the bundled font, fetched in pieces
    expect(await koreanFontLoaded(page)).toBeGreaterThan(0);
    expect(seen.requests.some((u) => /noto-sans-kr-\d+-400-normal-.*\.woff2$/.test(u))).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/language-ko.png' });
    await expectOneRow(page);

    // the header switch: English, on the same page, with the same test ids
    await page.getByTestId('lang-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    for (const [name, id] of [['Play', 'play'], ['Step', 'step'], ['Reset', 'reset'], ['Trigger checkpoint', 'trigger-checkpoint'], ['Trigger savepoint', 'trigger-savepoint']]) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(page.getByTestId(id)).toHaveAccessibleName(name);
    }
    await expect(page.getByRole('slider', { name: 'Speed' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kill task', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Event log' })).toBeVisible();
    const log = page.getByTestId('event-log');
    await expect(log.locator('li').filter({ hasText: /Checkpoint 1 COMPLETED: every subtask acknowledged/ })).toHaveCount(1);
    await expect(log).not.toContainText('레코드');
    await expect(page.getByTestId('lang-ko')).toHaveText('한국어');
    // English in an English browser: the link needs no lang
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBeNull();
    await page.screenshot({ path: 'test-results/screenshots/language-en.png' });
    await expectOneRow(page);

    // and back
    await page.getByTestId('lang-ko').click();
    await expect(page.getByRole('button', { name: '재생', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    expect(seen.errors).toEqual([]);
  });

  test('an English page fetches no Korean stylesheet; a wrong ?lang= says so and shows English', async ({ page }) => {
    const seen = watch(page);
    await page.goto('/');
    await expect(page.getByTestId('job-graph')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(seen.requests.filter((u) => /\/assets\/(400-[^/]*\.css|ko-[^/]*\.js)$/.test(u))).toEqual([]);
    // the switch's "한국어" takes two small pieces of the font, nothing more (the service worker,
    // once it runs, may fetch the same two again to keep them offline)
    expect(new Set(seen.requests.filter((u) => /\.woff2?$/.test(u))).size).toBeLessThanOrEqual(2);

    await page.goto('/?lang=xx');
    await expect(page.getByTestId('job-graph')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('alert')).toContainText('lang "xx" is not a language of this page (en, ko); showing English.');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('event-log').locator('li').first()).toBeVisible();
    // the notice follows the language too
    await page.getByTestId('lang-ko').click();
    await expect(page.getByRole('alert')).toContainText('영어로 보여 줍니다');
    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(seen.errors).toEqual([]);
  });
});
