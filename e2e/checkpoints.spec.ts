import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

test.describe('checkpointing on screen', () => {
  test('barriers travel the channels and a checkpoint completes in the history', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(55);
    await sim.play.click();
    await expect(page.locator('[data-testid^="barrier-1-"]').first()).toBeVisible({ timeout: 30_000 });
    await sim.screenshot('barriers-in-flight');
    await sim.openTab('Checkpoints');
    await expect(sim.checkpointRow(1)).toContainText('COMPLETED', { timeout: 30_000 });
    await expect(sim.checkpointRow(1)).toContainText('8/8');
    await sim.checkpointRow(1).getByRole('button', { name: 'Checkpoint 1 details' }).click();
    await expect(page.getByText('Keyed Count', { exact: false }).first()).toBeVisible();
    await expect(page.getByRole('img', { name: 'Phases of checkpoint 1 per subtask' })).toBeVisible();
    await sim.screenshot('checkpoint-history');
    expect(sim.errors).toEqual([]);
  });

  test('Trigger checkpoint starts one at once, shown IN_PROGRESS and then COMPLETED', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=10min');
    await sim.openTab('Checkpoints');
    await sim.triggerCheckpoint.click();
    await expect(sim.checkpointRow(1)).toContainText('IN_PROGRESS');
    await sim.setSpeed(60);
    await sim.play.click();
    await expect(sim.checkpointRow(1)).toContainText('COMPLETED', { timeout: 30_000 });
  });

  test('alignment at the two-input operator blocks the channels that delivered their barrier', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=two-inputs');
    await sim.setSpeed(35);
    await sim.play.click();
    const blocked = page.locator('[data-testid^="channel-"][data-blocked="true"]');
    await expect(blocked.first()).toBeVisible({ timeout: 40_000 });
    await sim.pause.click();
    await expect(page.locator('[data-testid^="subtask-join-"]').filter({ hasText: /aligning #\d+/ }).first()).toBeVisible();
    await sim.screenshot('alignment-blocked');
  });

  test('unaligned checkpoints: barriers overtake, in-flight data is persisted', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=backpressure&conf.execution.checkpointing.unaligned.enabled=true');
    await sim.setSpeed(75);
    await sim.play.click();
    await sim.openTab('Checkpoints');
    await expect(sim.checkpointRow(1)).toContainText('COMPLETED', { timeout: 40_000 });
    await expect(sim.checkpointRow(1)).toContainText('unaligned');
    await sim.screenshot('unaligned');
  });

  test('the state panel shows each value beside the value in the latest completed checkpoint', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(70);
    await sim.play.click();
    await sim.selectSubtask('count', 0);
    await expect(page.getByRole('columnheader', { name: /in checkpoint #\d+/ })).toBeVisible({ timeout: 40_000 });
    await sim.screenshot('state-with-checkpoint');
  });

  test('stop-the-world: the sources stop, the job drains and freezes while every task snapshots', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.sim.checkpointing.algorithm=stop-the-world');
    await sim.setSpeed(45);
    await sim.play.click();
    await expect(page.getByTestId('world-stopped')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('world-stopped')).toContainText('Stop-the-world checkpoint 1');
    await sim.pause.click();
    await sim.screenshot('stop-the-world');
    await sim.play.click();
    await sim.openTab('Checkpoints');
    await expect(sim.checkpointRow(1)).toContainText('COMPLETED', { timeout: 30_000 });
  });

  test('a savepoint is marked as such in the history; stop with savepoint finishes the job', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.sim.sink.kind=two-phase-commit');
    await sim.setSpeed(70);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Trigger savepoint', exact: true }).click();
    await sim.openTab('Checkpoints');
    const savepointRow = page.locator('[data-testid^="checkpoint-row-"]').filter({ hasText: 'Savepoint' }).first();
    await expect(savepointRow).toContainText('COMPLETED', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Stop with savepoint', exact: true }).click();
    await expect(page.getByTestId('job-status')).toHaveText('FINISHED', { timeout: 60_000 });
    await sim.screenshot('stop-with-savepoint');
    await sim.openTab('Faults');
    await page.getByRole('button', { name: 'Check exactly-once' }).click();
    await expect(page.getByTestId('oracle-verdict')).toContainText('exactly-once');
  });

  test('changing the settings applies them from now on, and the link replays the change at its moment', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open();
    await sim.setSpeed(70);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(3);
    await sim.pause.click();
    const t = await sim.simSeconds();
    await sim.openTab('Settings');
    await page.getByLabel('Algorithm').selectOption('stop-the-world');
    await page.getByRole('button', { name: 'Apply from now on' }).click();
    // the run's start settings stay in the link; the change is one of its commands, at its moment
    await expect(page).toHaveURL(/[?&]run=/);
    expect(page.url()).not.toContain('conf.sim.checkpointing.algorithm');
    expect(await sim.simSeconds()).toBe(t); // the run goes on from here, not from zero
    await expect(page.getByRole('log')).toContainText('Checkpointing settings changed');
    await page.reload();
    await expect.poll(() => sim.simSeconds()).toBe(t);
    // once the run moves on from the reloaded moment, the replayed change is in force
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(t + 0.5);
    await sim.pause.click();
    await sim.openTab('Settings');
    await expect(page.getByLabel('Algorithm')).toHaveValue('stop-the-world');
    await page.getByLabel('Max concurrent').fill('0');
    await page.getByRole('button', { name: 'Apply from now on' }).click();
    await expect(page.getByRole('alert')).toContainText('execution.checkpointing.max-concurrent-checkpoints');
    await page.getByLabel('Sink kind').selectOption('upsert');
    await page.getByLabel('Max concurrent').fill('1');
    await page.getByRole('button', { name: 'Apply from now on' }).click();
    await expect(page.getByRole('alert')).toContainText('a new run started');
    await expect(sim.simTime).toHaveText('0.000 s');
  });

  test('the cost of each way of checkpointing, side by side: stop the world pays in latency', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=backpressure&conf.execution.checkpointing.interval=2s&t=30000');
    await expect(sim.simTime).toHaveText('30.000 s');
    await sim.openTab('Checkpoints');
    await page.getByRole('tab', { name: 'Cost' }).click();
    await page.getByRole('button', { name: 'Compare at this moment' }).click();
    const latency = async (algorithm: string) => parseFloat((await page.getByTestId(`cost-${algorithm}`).locator('td').nth(1).textContent()) ?? '');
    await expect(page.getByTestId('cost-aligned-barriers')).toContainText('these settings');
    expect(await latency('stop-the-world')).toBeGreaterThan(await latency('aligned-barriers'));
    await sim.screenshot('algorithm-cost');
    expect(sim.errors).toEqual([]);
  });
});
