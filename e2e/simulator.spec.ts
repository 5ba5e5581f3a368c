import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

test.describe('the simulator page', () => {
  test('opens on the default scenario with every subtask named as Flink names it, and no console errors', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    for (const [id, name] of [['source', 'Source: Animals'], ['map', 'Map'], ['count', 'Keyed Count'], ['sink', 'Sink: Counts']]) {
      for (const i of [0, 1]) {
        await expect(sim.subtask(id, i)).toHaveAccessibleName(`${name} (${i + 1}/2)`);
        await expect(page.getByRole('button', { name: `${name} (${i + 1}/2)`, exact: true })).toBeVisible();
      }
    }
    await expect(sim.simTime).toHaveText('0.000 s');
    expect(sim.errors).toEqual([]);
  });

  test('Play advances simulated time, records reach the sink, and the state table counts grow', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(70);
    await sim.play.click();
    await expect(sim.pause).toBeVisible();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(2);
    await expect(sim.subtask('sink', 0).or(sim.subtask('sink', 1)).filter({ hasText: /received [1-9]/ }).first()).toBeVisible({ timeout: 30_000 });
    await sim.selectSubtask('count', 0);
    await expect(sim.stateRows('count', 0).first()).toBeVisible({ timeout: 30_000 });
    const first = await sim.stateTotal('count', 0);
    await expect.poll(() => sim.stateTotal('count', 0), { timeout: 30_000 }).toBeGreaterThan(first);
    await sim.screenshot('default-playing');
    await sim.pause.click();
    const paused = await sim.simSeconds();
    await page.waitForTimeout(300);
    expect(await sim.simSeconds()).toBe(paused);
    expect(sim.errors).toEqual([]);
  });

  test('Step runs one event; Reset goes back to the start', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    // the first events arm the sources at t = 0; stepping on reaches the first record
    await expect.poll(async () => {
      await sim.step.click();
      return sim.simSeconds();
    }).toBeGreaterThan(0);
    const t = await sim.simSeconds();
    for (let i = 0; i < 5; i++) await sim.step.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThanOrEqual(t);
    await sim.reset.click();
    await expect(sim.simTime).toHaveText('0.000 s');
  });

  test('keyboard: space plays and pauses, right arrow steps', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await expect.poll(async () => {
      await page.keyboard.press('ArrowRight');
      return sim.simSeconds();
    }).toBeGreaterThan(0);
    await page.keyboard.press(' ');
    await expect(sim.pause).toBeVisible();
    await page.keyboard.press(' ');
    await expect(sim.play).toBeVisible();
  });

  test('the Speed slider is logarithmic, from event by event to fast-forward', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(0);
    await expect(page.locator('.speed-label')).toHaveText('event by event');
    await sim.setSpeed(100);
    await expect(page.locator('.speed-label')).toHaveText('50×');
  });

  test('a bad URL is reported in words and the default scenario still shows', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=nope&seed=abc&conf.sim.channel.capacity=0');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('scenario "nope" does not exist');
    await expect(alert).toContainText('seed "abc" is not an integer');
    await expect(alert).toContainText('sim.channel.capacity');
    await expect(sim.subtask('count', 1)).toHaveAccessibleName('Keyed Count (2/2)');
    await sim.screenshot('bad-url');
  });

  for (const [scenario, opId, name, count] of [
    ['two-inputs', 'join', 'Keyed Join', 2], ['backpressure', 'sum', 'Keyed Sum', 3], ['wide', 'count', 'Keyed Count', 8],
  ] as const) {
    test(`opens the ${scenario} scenario by URL`, async ({ page }) => {
      const sim = new SimulatorPage(page);
      await sim.open(`?scenario=${scenario}`);
      for (let i = 0; i < count; i++) await expect(sim.subtask(opId, i)).toHaveAccessibleName(`${name} (${i + 1}/${count})`);
      await sim.setSpeed(60);
      await sim.play.click();
      await expect.poll(() => sim.simSeconds()).toBeGreaterThan(3);
      await sim.screenshot(`scenario-${scenario}`);
      expect(sim.errors).toEqual([]);
    });
  }

  test('a back-pressured channel fills up and its producers are marked', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=backpressure');
    await sim.setSpeed(70);
    await sim.play.click();
    await expect(page.locator('.channel-full').first()).toBeVisible({ timeout: 30_000 });
    await expect(sim.subtask('map', 0).or(sim.subtask('map', 1)).filter({ hasText: 'back-pressured' }).first()).toBeVisible({ timeout: 30_000 });
    await sim.screenshot('backpressure');
  });
});
