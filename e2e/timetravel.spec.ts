import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

test.describe('time travel', () => {
  test('scrubbing the timeline back and forth shows the state as it was, and as it is', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(75);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(20);
    await sim.pause.click();
    await sim.selectSubtask('count', 0);
    const head = await sim.simSeconds();
    const totalAtHead = await sim.stateTotal('count', 0);
    expect(totalAtHead).toBeGreaterThan(0);
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.fill(String(Math.round(head * 1000 * 0.4)));
    await expect.poll(() => sim.simSeconds()).toBeLessThan(head * 0.5);
    const totalEarlier = await sim.stateTotal('count', 0);
    expect(totalEarlier).toBeLessThan(totalAtHead);
    // the event log tells what happened up to that moment, and nothing after it
    const log = page.getByRole('log');
    await expect(log.locator('li').first()).toBeVisible();
    const lastLine = await log.locator('li time').last().textContent();
    expect(parseFloat(lastLine ?? '')).toBeLessThanOrEqual(await sim.simSeconds());
    await sim.screenshot('timeline-scrubbed-back');
    // right on a keyframe (whole seconds) the log still tells what led there
    await timeline.fill('12000');
    await expect(sim.simTime).toHaveText('12.000 s');
    expect(await log.locator('li').count()).toBeGreaterThan(10);
    // playing on from the past narrates on, without a React key clash (a console error)
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(head * 0.4 + 2);
    await sim.pause.click();
    await timeline.fill(String(Math.round(head * 1000)));
    await expect.poll(() => sim.simSeconds()).toBeCloseTo(head, 2);
    expect(await sim.stateTotal('count', 0)).toBe(totalAtHead);
    // left arrow: one event back
    // focus nowhere (a click at a fixed spot may land on a subtask, whose arrows are its own)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const before = await sim.simSeconds();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => sim.simSeconds()).toBeLessThan(before);
    expect(sim.errors).toEqual([]);
  });

  test('acting in the past starts a branch and says so', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(75);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(12);
    await sim.pause.click();
    await page.getByRole('slider', { name: 'Timeline' }).fill('4000');
    await expect.poll(() => sim.simSeconds()).toBeLessThan(5);
    await sim.triggerCheckpoint.click();
    await expect(page.getByRole('alert')).toContainText('You changed the past');
    await expect(page.getByRole('alert')).toContainText('kept as branch 1');
    await expect(page.getByTestId('head-time')).toHaveText(/^4\.\d+ s$/);
  });
});
