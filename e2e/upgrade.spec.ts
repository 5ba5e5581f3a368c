import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

// Issue 14: a job edited on the page and upgraded from a savepoint (stop-with-savepoint, then the
// changed job from it). Without uids the inserted map moves the ids downstream: the mapping table
// shows the orphaned counts and the upgrade is refused until non-restored state is allowed; with a
// uid on Keyed Count its state maps and survives the upgrade.

/** Keyed Count's counts added up over both subtasks, as the State tab shows them. */
async function countTotal(sim: SimulatorPage): Promise<number> {
  await sim.openTab('State');
  let n = 0;
  for (const i of [0, 1]) {
    await sim.selectSubtask('count', i);
    n += await sim.stateTotal('count', i);
  }
  return n;
}

async function runTo(sim: SimulatorPage, seconds: number) {
  await sim.setSpeed(75);
  await sim.play.click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(seconds);
  await sim.pause.click();
}

test('insert a map without uids: the state is orphaned; -n drops it and the job starts empty', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  await runTo(sim, 6);
  await sim.openTab('Snapshots');
  const editor = page.getByTestId('job-editor');
  await editor.getByRole('button', { name: 'Insert a map after Source: Animals' }).click();
  const table = editor.getByTestId('mapping-table');
  await expect(table.locator('tr[data-status="orphaned"]')).toHaveCount(3);
  await expect(table.locator('tr[data-status="new"]')).toHaveCount(4);
  await expect(table.locator('tr[data-status="matched"]')).toContainText('Source: Animals');
  await expect(editor.getByTestId('mapping-verdict')).toContainText('Cannot map checkpoint/savepoint state for operator');
  await sim.screenshot('upgrade-orphaned');
  // refused without allowNonRestoredState: Flink's message, the run goes on unchanged
  await editor.getByTestId('upgrade-job').click();
  await expect(page.getByText(/Could not upgrade the job: Failed to rollback to checkpoint\/savepoint savepoint-\d+\. Cannot map checkpoint\/savepoint state for operator [0-9a-f]{32}/)).toBeVisible();
  await expect(page.getByTestId('job-status')).toHaveText('RUNNING');
  await editor.getByRole('checkbox', { name: /allow non-restored state/ }).check();
  await expect(editor.getByTestId('mapping-verdict')).toContainText('dropped');
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toBeVisible({ timeout: 30_000 });
  await expect(editor.getByTestId('editor-op-map-1')).toBeVisible();
  expect(await countTotal(sim)).toBe(0);
  expect(sim.errors).toEqual([]);
});

test('give Keyed Count a uid, upgrade once, then insert a map: its state maps and survives', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  await runTo(sim, 4);
  await sim.openTab('Snapshots');
  const editor = page.getByTestId('job-editor');
  // step 1: uids on the stateful operators (their ids change once, so allow the old ones to go)
  await editor.getByLabel('uid of Source: Animals').fill('animals-source');
  await editor.getByLabel('uid of Keyed Count').fill('counter');
  await editor.getByRole('checkbox', { name: /allow non-restored state/ }).check();
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toBeVisible({ timeout: 30_000 });
  await editor.getByRole('checkbox', { name: /allow non-restored state/ }).uncheck();
  await runTo(sim, 10);
  const before = await countTotal(sim);
  expect(before).toBeGreaterThan(0);
  // step 2: insert a map; Keyed Count keeps its id through its uid
  await sim.openTab('Snapshots');
  await editor.getByRole('button', { name: 'Insert a map after Source: Animals' }).click();
  const table = editor.getByTestId('mapping-table');
  await expect(table.locator('tr[data-status="matched"]').filter({ hasText: 'Keyed Count' })).toContainText('uid "counter"');
  await expect(editor.getByTestId('mapping-verdict')).toHaveCount(0);
  await sim.screenshot('upgrade-with-uid');
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toBeVisible({ timeout: 30_000 });
  await expect(editor.getByTestId('mapping-table').last()).toContainText('matched');
  expect(await countTotal(sim)).toBeGreaterThanOrEqual(before);
  expect(sim.errors).toEqual([]);
});

test('cancel the job: the retained checkpoint is deleted, the savepoint stays and the job resubmits from it', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  await runTo(sim, 3);
  await page.getByRole('button', { name: 'Trigger savepoint', exact: true }).click();
  await runTo(sim, 12);
  await sim.openTab('Snapshots');
  const rows = page.locator('[data-testid^="snapshot-row-"]');
  await expect(rows.filter({ hasText: 'Savepoint' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Checkpoint' })).toHaveCount(1);
  await expect(page.getByTestId('job-editor')).toContainText('the retained checkpoints are deleted');
  await page.getByTestId('cancel-job').click();
  await expect(page.getByTestId('job-status')).toHaveText('CANCELED');
  await expect(rows.filter({ hasText: 'Checkpoint' })).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await sim.screenshot('cancelled');
  await rows.first().getByRole('button').click();
  await page.getByRole('button', { name: /Restore from savepoint/ }).click();
  await expect(page.getByTestId('job-status')).toHaveText('RUNNING');
  expect(sim.errors).toEqual([]);
});
