import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// The lesson player (CONTRACTS §5): lesson 5 played through in Korean, a question answered wrongly
// and then rightly (the engine decides which is right), a lesson step opened from a link, Previous
// back to the very moment its step began, and the address carrying lesson, step and run.

test.use({ viewport: { width: 1280, height: 720 } });

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const en = json('../src/lessons/messages/en.json') as Record<string, string>;
const ko = json('../src/lessons/messages/ko.json') as Record<string, string>;
const barriers = json('../src/lessons/content/barriers.json') as { steps: { say: string }[] };
const failureRecovery = json('../src/lessons/content/failure-recovery.json') as { steps: { say: string }[] };

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const lesson = (page: Page) => page.getByTestId('lesson');
const stepText = (page: Page) => page.getByTestId('lesson-step');
const say = (page: Page) => page.getByTestId('lesson-say');

/** Plays the step and waits for the player to pause the run at the step's moment. */
async function playStep(page: Page): Promise<void> {
  await page.getByTestId('lesson-play').click();
  await expect(page.getByTestId('lesson-status')).toHaveText(/t = \d/, { timeout: 45_000 });
  await expect(page.getByTestId('lesson-play')).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByTestId('playback-state')).toHaveClass(/paused/);
}

async function expectStep(page: Page, n: number, total: number, text: string): Promise<void> {
  await expect(stepText(page)).toHaveText(`${n} / ${total}`);
  await expect(say(page)).toHaveText(text);
}

test.describe('the lesson player', () => {
  test('plays lesson 5 (failure and recovery) through in Korean, a question answered wrongly then rightly', async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto('/?lang=ko');
    await expect(page.getByTestId('job-graph')).toBeVisible();
    // faster than real time, so the 20 s step does not take 20 s
    await page.getByTestId('speed').fill('70');
    await page.getByTestId('lessons-button').click();
    await expect(page.getByTestId('lesson-picker')).toBeVisible();
    const items = page.getByTestId('lesson-picker').locator('[data-testid^="lesson-item-"]');
    await expect(items).toHaveCount(17);
    await expect(items.nth(4)).toHaveAttribute('data-testid', 'lesson-item-failure-recovery');
    await page.getByTestId('lesson-item-failure-recovery').click();

    const steps = failureRecovery.steps;
    await expect(lesson(page)).toBeVisible();
    await expectStep(page, 1, 7, ko[steps[0].say]);
    await expect(say(page)).toHaveAttribute('lang', 'ko');
    await playStep(page);
    await expect(page.getByTestId('checkpoint-row-1')).toContainText('COMPLETED');

    // step 2: predict, then act. The wrong answer first, then the right one
    await page.getByTestId('lesson-next').click();
    await expectStep(page, 2, 7, ko[steps[1].say]);
    await page.getByTestId('lesson-option-scratch').click();
    await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-correct', 'false');
    await page.getByTestId('lesson-option-cp-1').click();
    await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-correct', 'true');
    await page.getByTestId('lesson-hint-button').click();
    await expect(page.getByTestId('lesson-hint')).toHaveText(ko['failure-recovery.kill.hint']);
    await page.getByTestId('lesson-show-me').click();
    await expect(page.getByTestId('lesson-goal')).toHaveAttribute('data-reached', 'true', { timeout: 45_000 });

    await page.getByTestId('lesson-next').click();
    await expectStep(page, 3, 7, ko[steps[2].say]);
    await page.getByTestId('lesson-next').click();
    await expectStep(page, 4, 7, ko[steps[3].say]);
    await page.getByTestId('lesson-option-yes').click();
    await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-correct', 'true');
    await playStep(page);
    await page.getByTestId('lesson-next').click();
    await expectStep(page, 5, 7, ko[steps[4].say]);
    await page.getByTestId('lesson-next').click();
    await expectStep(page, 6, 7, ko[steps[5].say]);
    await page.getByTestId('lesson-show-me').click();
    await expect(page.getByTestId('lesson-goal')).toHaveAttribute('data-reached', 'true', { timeout: 60_000 });
    await page.getByTestId('lesson-next').click();
    await expectStep(page, 7, 7, ko[steps[6].say]);
    await page.getByTestId('lesson-option-exactly-once').click();
    await expect(page.getByTestId('lesson-feedback')).toHaveAttribute('data-correct', 'true');
    await page.getByTestId('lesson-next').click();
    await expect(say(page)).toContainText('레슨을 마쳤습니다');

    // the list remembers it, in the browser
    await page.getByTestId('lessons-button').click();
    await expect(page.getByTestId('lesson-item-failure-recovery')).toHaveClass(/finished/);
    expect(errors).toEqual([]);
  });

  test('opens a lesson step from a link (?lesson=<id>&step=3)', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?lesson=barriers&step=3');
    await expect(lesson(page)).toBeVisible();
    await expectStep(page, 3, barriers.steps.length, en[barriers.steps[2].say]);
    // the steps before ran as their solutions show: the run is past checkpoint 1's trigger
    expect(parseFloat((await page.getByTestId('sim-time').textContent())!)).toBeGreaterThan(0);
    await expect(page).toHaveURL(/lesson=barriers&step=3/);
    expect(errors).toEqual([]);
  });

  test('a bad lesson link is named and the page still works', async ({ page }) => {
    await page.goto('/?lesson=__proto__&step=2');
    await expect(page.getByRole('alert')).toContainText('__proto__');
    await expect(lesson(page)).toHaveCount(0);
    await page.goto('/?lesson=no-such-lesson');
    await expect(page.getByRole('alert')).toContainText('no-such-lesson');
    await expect(page.getByTestId('job-graph')).toBeVisible();
  });

  test("Open file… takes a teacher's lesson file; a broken one is refused with its path and the run kept", async ({ page }) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('"id": "my-first-lesson"'))!;
    const broken = JSON.parse(example) as { steps: Record<string, unknown>[] };
    broken.steps[1].until = { event: 'no-such-event' };
    await page.goto('/');
    await expect(page.getByTestId('job-graph')).toBeVisible();
    const file = page.getByTestId('scenario-file');
    await file.setInputFiles({ name: 'broken-lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(page.getByRole('alert')).toContainText('steps.1.until');
    await expect(lesson(page)).toHaveCount(0);
    await file.setInputFiles({ name: 'my-lesson.json', mimeType: 'application/json', buffer: Buffer.from(example) });
    await expect(lesson(page)).toBeVisible();
    await expectStep(page, 1, 3, 'Press Play and wait until checkpoint 1 shows COMPLETED.');
  });

  test('Previous shows the step as it began: the same simulated moment; the link and a reload keep it', async ({ page }) => {
    await page.goto('/?lesson=failure-recovery&step=1');
    await expect(stepText(page)).toHaveText('1 / 7');
    await page.getByTestId('lesson-next').click();
    await expect(stepText(page)).toHaveText('2 / 7');
    const start2 = await page.getByTestId('sim-time').textContent();
    expect(parseFloat(start2!)).toBeGreaterThan(0);
    await page.getByTestId('lesson-option-cp-1').click();
    await page.getByTestId('lesson-show-me').click();
    await expect(page.getByTestId('lesson-goal')).toHaveAttribute('data-reached', 'true', { timeout: 45_000 });
    await expect(page.getByTestId('sim-time')).not.toHaveText(start2!);
    await page.getByTestId('lesson-next').click();
    await expect(stepText(page)).toHaveText('3 / 7');
    await page.getByTestId('lesson-prev').click();
    await expect(stepText(page)).toHaveText('2 / 7');
    await expect(page.getByTestId('sim-time')).toHaveText(start2!);
    // PageDown / PageUp move between steps in a lesson
    await page.keyboard.press('PageDown');
    await expect(stepText(page)).toHaveText('3 / 7');
    await page.keyboard.press('PageUp');
    await expect(stepText(page)).toHaveText('2 / 7');
    await expect(page.getByTestId('sim-time')).toHaveText(start2!);

    // the address carries the lesson, the step and the run (the kill): a reload is the same step
    await page.getByTestId('lesson-next').click();
    await expect(stepText(page)).toHaveText('3 / 7');
    const at = await page.getByTestId('sim-time').textContent();
    await expect(page).toHaveURL(/lesson=failure-recovery&step=3&from=/);
    expect(page.url()).toMatch(/[?&]run=/);
    await page.reload();
    await expect(stepText(page)).toHaveText('3 / 7');
    await expect(page.getByTestId('sim-time')).toHaveText(at!);
    await expect(say(page)).toHaveText(en[failureRecovery.steps[2].say]);

    // Explore from here: the lesson goes, the run stays
    await page.getByTestId('lesson-explore').click();
    await expect(lesson(page)).toHaveCount(0);
    await expect(page.getByTestId('sim-time')).toHaveText(at!);
    await expect(page).not.toHaveURL(/lesson=/);
  });
});
