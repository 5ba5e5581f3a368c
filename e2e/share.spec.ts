import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

// A run is its scenario, seed, settings and the user's commands: the address carries them, so a
// reload or a shared link brings back the very same run at the same moment.

test.describe('a run in a link', () => {
  test('a kill and a manual checkpoint survive a reload: same moment, same trace, same history', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?seed=3&conf.execution.checkpointing.interval=2s');
    await sim.setSpeed(70);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(8);
    await sim.pause.click();
    await page.getByRole('slider', { name: 'Timeline' }).fill('6000');
    await expect(sim.simTime).toHaveText('6.000 s');
    await sim.selectSubtask('count', 0);
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    await expect(page.getByTestId('job-status')).toHaveText('RESTARTING');
    await expect.poll(async () => {
      await sim.step.click();
      return page.getByTestId('job-status').textContent();
    }, { timeout: 30_000 }).toBe('RUNNING');
    await sim.triggerCheckpoint.click();
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(14);
    await sim.pause.click();
    await expect(page).toHaveURL(/run=.*&t=/);
    const before = await page.evaluate(() => {
      const s = (window as unknown as { __checkpointLab: { state(): { traceHash: number; job: { restarts: number }; coordinator: { history: unknown[] } } } }).__checkpointLab.state();
      return { hash: s.traceHash, restarts: s.job.restarts, checkpoints: s.coordinator.history.length };
    });
    const shown = await sim.simTime.textContent();
    expect(before.restarts).toBe(1);

    await page.reload();
    await expect(page.getByTestId('job-graph')).toBeVisible();
    await expect(sim.simTime).toHaveText(shown!);
    const after = await page.evaluate(() => {
      const s = (window as unknown as { __checkpointLab: { state(): { traceHash: number; job: { restarts: number }; coordinator: { history: unknown[] } } } }).__checkpointLab.state();
      return { hash: s.traceHash, restarts: s.job.restarts, checkpoints: s.coordinator.history.length };
    });
    expect(after).toEqual(before);
    await sim.openTab('Checkpoints');
    await expect(page.getByTestId('checkpoint-counts')).toContainText('Restored: 1');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('alert')).toContainText(/link/i);
    await sim.screenshot('run-from-link');
    expect(sim.errors).toEqual([]);
  });

  test('a broken link says what is wrong and opens the scenario without it', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?run=notalink&t=later');
    await expect(page.getByRole('alert')).toContainText('could not be read');
    await expect(page.getByRole('alert')).toContainText('t "later"');
    await expect(sim.simTime).toHaveText('0.000 s');
    expect(sim.errors).toEqual([]);
  });
});
