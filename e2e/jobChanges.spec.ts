import { expect, test } from '@playwright/test';
import { BUILTIN_SCENARIOS } from '../src/engine';
import { SimulatorPage } from './pages/SimulatorPage';

// The job on screen is replaced by another (a scenario picked, a restore with other parallelism):
// the graph of the old job must give way without the page breaking.

const PICKABLE = BUILTIN_SCENARIOS.filter((s) => s.id !== 'bench').map((s) => s.id);

test('switching between every pair of scenarios from the picker, while playing', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await sim.setSpeed(70);
  for (const from of PICKABLE) {
    for (const to of PICKABLE) {
      if (from === to) continue;
      await picker.selectOption(from);
      await sim.play.click();
      await expect.poll(() => sim.simSeconds()).toBeGreaterThan(0.5);
      await picker.selectOption(to);
      await expect(page.getByTestId('job-graph')).toBeVisible();
      await expect(sim.simTime).toHaveText('0.000 s');
    }
  }
  await expect(page.getByText('hit a problem')).toHaveCount(0);
  expect(sim.errors).toEqual([]);
});

test('restoring with lower parallelism, from an unaligned checkpoint with in-flight data', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open('?scenario=backpressure&conf.execution.checkpointing.unaligned.enabled=true&conf.execution.checkpointing.interval=1s&t=10000');
  await sim.openTab('Snapshots');
  await page.locator('[data-testid^="snapshot-row-"]').first().getByRole('button').click();
  await page.getByLabel('Parallelism of Keyed Sum', { exact: true }).fill('2');
  await page.getByLabel('Parallelism of Sink: Totals', { exact: true }).fill('2');
  await page.getByRole('button', { name: /Restore from/ }).click();
  await expect(page.getByTestId('rescale-view')).toContainText('After the restore', { timeout: 10_000 });
  await expect(sim.subtask('sum', 1)).toHaveAccessibleName('Keyed Sum (2/2)');
  await expect(sim.subtask('sum', 2)).toHaveCount(0);
  await sim.play.click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(12);
  await sim.pause.click();
  await expect(page.getByText('hit a problem')).toHaveCount(0);
  await sim.screenshot('restore-unaligned-2-of-3');
  expect(sim.errors).toEqual([]);
});
