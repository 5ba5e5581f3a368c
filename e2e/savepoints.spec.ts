import { expect, test } from '@playwright/test';
import { assignKeyToParallelOperator } from '../src/engine';
import { SimulatorPage } from './pages/SimulatorPage';

test('take a savepoint, rescale Keyed Count 2 -> 3, every key keeps its state on the subtask its key group names', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open('?conf.sim.sink.kind=two-phase-commit');
  await sim.setSpeed(75);
  await sim.play.click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(8);
  await page.getByRole('button', { name: 'Stop with savepoint', exact: true }).click();
  await expect(page.getByTestId('job-status')).toHaveText('FINISHED', { timeout: 60_000 });
  // the state of every key before
  const before = new Map<string, string>();
  for (const i of [0, 1]) {
    await sim.selectSubtask('count', i);
    const rows = sim.stateRows('count', i);
    for (let r = 0; r < (await rows.count()); r++) {
      before.set((await rows.nth(r).getByRole('rowheader').textContent())!.trim(), (await rows.nth(r).locator('td.value').first().textContent())!);
    }
  }
  expect(before.size).toBeGreaterThan(2);
  await sim.openTab('Snapshots');
  const row = page.locator('[data-testid^="snapshot-row-"]').filter({ hasText: 'Savepoint (stop)' });
  await row.getByRole('button').click();
  await page.getByLabel('Parallelism of Keyed Count', { exact: true }).fill('3');
  await page.getByLabel('Parallelism of Sink: Counts', { exact: true }).fill('3');
  await page.getByRole('button', { name: /Restore from savepoint/ }).click();
  await expect(page.getByTestId('rescale-view')).toContainText('After the restore', { timeout: 10_000 });
  await sim.screenshot('rescale-2-to-3');
  await expect(sim.subtask('count', 2)).toHaveAccessibleName('Keyed Count (3/3)');
  await sim.openTab('State');
  const after = new Map<string, string>();
  for (const i of [0, 1, 2]) {
    await sim.selectSubtask('count', i);
    const rows = sim.stateRows('count', i);
    for (let r = 0; r < (await rows.count()); r++) {
      const key = (await rows.nth(r).getByRole('rowheader').textContent())!.trim();
      expect(assignKeyToParallelOperator(key, 128, 3), `${key} on Keyed Count (${i + 1}/3)`).toBe(i);
      after.set(key, (await rows.nth(r).locator('td.value').first().textContent())!);
    }
  }
  expect(after).toEqual(before);
  // the restored job runs on and stays exactly-once
  await sim.play.click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(20);
  await sim.pause.click();
  await sim.openTab('Faults');
  await page.getByRole('button', { name: 'Check exactly-once' }).click();
  await expect(page.getByTestId('oracle-verdict')).toContainText('exactly-once');
  // the restore is a command of the run: Copy link carries it, and the link opens the same run
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  await expect(page).toHaveURL(/run=.*&t=/);
  const traceHash = (p: typeof page) => p.evaluate(() => (window as unknown as { __checkpointLab: { state(): { traceHash: number } } }).__checkpointLab.state().traceHash);
  const hash = await traceHash(page);
  const other = new SimulatorPage(await page.context().newPage());
  await other.page.goto(page.url());
  await expect(other.simTime).toHaveText((await sim.simTime.textContent())!, { timeout: 30_000 });
  expect(await traceHash(other.page)).toBe(hash);
  await expect(other.subtask('count', 2)).toHaveAccessibleName('Keyed Count (3/3)');
  expect(other.errors).toEqual([]);
  expect(sim.errors).toEqual([]);
});
