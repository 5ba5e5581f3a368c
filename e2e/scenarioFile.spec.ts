import { expect, test } from '@playwright/test';
import { builtinScenario } from '../src/engine';
import { SimulatorPage } from './pages/SimulatorPage';

// A scenario of your own: a broken file is named and the run kept; a good one runs, travels in
// the link, and comes back on a reload.

test('open a scenario file: a broken one is refused with its reason, a good one runs and survives a reload', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  const file = page.getByLabel('Scenario file');
  await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x", "operators": [') });
  await expect(page.getByRole('alert')).toContainText('Could not open broken.json: it is not JSON');
  await expect(sim.subtask('count', 0)).toBeVisible(); // the run is kept
  const base = builtinScenario('default')!;
  const mine = {
    ...base, id: 'three-counters', title: 'Three counters',
    operators: base.operators.map((o) => (o.id === 'count' || o.id === 'sink' ? { ...o, parallelism: 3 } : o)),
  };
  await file.setInputFiles({ name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine)) });
  await expect(sim.subtask('count', 2)).toContainText('Keyed Count (3/3)');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('__file');
  await expect(page).toHaveURL(/spec=/);
  await sim.setSpeed(70);
  await sim.play.click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(5);
  await sim.pause.click();
  await sim.screenshot('scenario-from-file');
  await page.reload();
  await expect(sim.subtask('count', 2)).toContainText('Keyed Count (3/3)');
  expect(sim.errors).toEqual([]);
});
