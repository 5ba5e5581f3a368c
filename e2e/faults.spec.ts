import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

test.describe('failures and recovery on screen', () => {
  test('Kill task: the job restarts, state rolls back to the checkpoint, and the oracle gives its verdict', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=2s');
    await sim.setSpeed(70);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(10);
    await sim.pause.click();
    // go to exactly 9.000 s on the timeline, so what follows depends on the seed alone:
    // checkpoint 3 completed at 8.25 s, and records reached the sink after it
    await page.getByRole('slider', { name: 'Timeline' }).fill('9000');
    await expect(sim.simTime).toHaveText('9.000 s');
    await sim.selectSubtask('count', 0);
    await expect(page.getByRole('columnheader', { name: 'in checkpoint #3' })).toBeVisible();
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    await expect(page.getByTestId('job-status')).toHaveText('RESTARTING');
    await expect(sim.subtask('count', 0)).toContainText('FAILED');
    await expect(sim.subtask('count', 1)).toContainText('CANCELED');
    await sim.screenshot('kill-task-failed');
    // step through the restart delay until the job runs again
    await expect.poll(async () => {
      await sim.step.click();
      return page.getByTestId('job-status').textContent();
    }, { timeout: 30_000 }).toBe('RUNNING');
    await expect(sim.subtask('count', 0)).not.toContainText('FAILED');
    // right after the restore, every live value is the checkpoint's value
    const rows = sim.stateRows('count', 0);
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const live = await rows.nth(i).locator('td.value').first().textContent();
      const stored = await rows.nth(i).locator('td.checkpointed').textContent();
      expect(live).toBe(stored);
    }
    await sim.screenshot('kill-task-restored');
    await sim.openTab('Checkpoints');
    await expect(page.getByTestId('checkpoint-counts')).toContainText('Restored: 1');
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(25);
    await sim.pause.click();
    await sim.openTab('Faults');
    await page.getByRole('button', { name: 'Check exactly-once' }).click();
    // the default sink writes at once: the replay after the restore writes duplicates
    await expect(page.getByTestId('oracle-verdict')).toContainText('duplicates');
    await expect(page.locator('[data-testid^="oracle-row-"].dup').first()).toBeVisible();
    await page.getByTestId('oracle-verdict').scrollIntoViewIfNeeded();
    await sim.screenshot('oracle-duplicates');
    expect(sim.errors).toEqual([]);
  });

  test('with a two-phase-commit sink the same failure leaves the output exactly-once', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=2s&conf.sim.sink.kind=two-phase-commit');
    await sim.setSpeed(75);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(8);
    await sim.selectSubtask('count', 1);
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    await expect(page.getByTestId('job-status')).toHaveText('RUNNING', { timeout: 30_000 });
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(22);
    await sim.pause.click();
    await sim.openTab('Faults');
    await expect(page.getByTestId('sink-output')).toBeVisible();
    await page.getByRole('button', { name: 'Check exactly-once' }).click();
    await expect(page.getByTestId('oracle-verdict')).toContainText('exactly-once');
    await page.getByTestId('oracle-verdict').scrollIntoViewIfNeeded();
    await sim.screenshot('oracle-exactly-once');
  });

  test('a kill armed for the next alignment strikes while the subtask aligns', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=two-inputs');
    await sim.selectSubtask('join', 0);
    await page.getByTestId('kill-when').selectOption('alignment');
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    await expect(page.getByTestId('armed-fault')).toContainText('alignment of checkpoint 1');
    await sim.setSpeed(60);
    await sim.play.click();
    await expect(page.getByRole('log')).toContainText('Keyed Join (1/2) FAILED', { timeout: 30_000 });
    await expect(page.getByRole('log')).toContainText('Checkpoint 1 FAILED (task-failure)');
  });

  test('failing the JobManager with in-memory checkpoint storage loses its checkpoints', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=2s');
    await sim.setSpeed(75);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(8);
    await sim.openTab('Faults');
    await page.getByRole('button', { name: 'Fail JobManager' }).click();
    await expect(page.getByRole('log')).toContainText('held in its memory are lost');
    await expect(page.getByTestId('job-status')).toHaveText('RUNNING', { timeout: 30_000 });
  });
});
