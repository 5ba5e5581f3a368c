import { expect, test, type Page } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

// Issue 14: a job edited on the page and upgraded from a savepoint (stop-with-savepoint, then the
// changed job from it). Without uids an inserted map moves the ids downstream: the mapping table
// shows the orphaned counts and the upgrade is refused until non-restored state is allowed; the
// graph then marks what is new, what got a new id and what was dropped. With uids the state maps
// through a reorder, a keyBy and a sink-kind change; a state of another type is refused beforehand.

/** Keyed state added up over both subtasks of an operator, as the State tab shows it. */
async function stateTotal(sim: SimulatorPage, operator: string): Promise<number> {
  await sim.openTab('State');
  let n = 0;
  for (const i of [0, 1]) {
    await sim.selectSubtask(operator, i);
    n += await sim.stateTotal(operator, i);
  }
  return n;
}

async function runTo(sim: SimulatorPage, seconds: number, play = 'Play', pause = 'Pause', speed = 'Speed') {
  await sim.page.getByRole('slider', { name: speed }).fill('75');
  await sim.page.getByRole('button', { name: play, exact: true }).click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(seconds);
  await sim.page.getByRole('button', { name: pause, exact: true }).click();
}

const editorOf = (page: Page) => page.getByTestId('job-editor');

test('insert a map without uids: refused naming allowNonRestoredState; -n drops the orphan and the graph marks the change', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  await runTo(sim, 6);
  await sim.openTab('Snapshots');
  const editor = editorOf(page);
  await editor.getByLabel('Operator to insert').selectOption('map');
  await editor.getByLabel('Insert after').selectOption({ label: 'Source: Animals' });
  await editor.getByTestId('editor-insert').click();
  await expect(editor.locator('li.editor-op strong')).toHaveText(['Source: Animals', 'Map 1', 'Map', 'Keyed Count', 'Sink: Counts']);
  const table = editor.getByTestId('mapping-table');
  await expect(table.locator('tr[data-status="orphaned"]')).toHaveCount(3);
  await expect(table.locator('tr[data-status="new"]')).toHaveCount(4);
  await expect(table.locator('tr[data-status="new"]').filter({ hasText: 'Keyed Count' })).toContainText('operator ID changed');
  await expect(table.locator('tr[data-status="matched"]')).toContainText('Source: Animals');
  await expect(editor.getByTestId('mapping-verdict')).toContainText('Cannot map checkpoint/savepoint state for operator');
  await sim.screenshot('upgrade-orphaned');
  // refused without allowNonRestoredState: Flink's message, the run goes on unchanged
  await editor.getByTestId('upgrade-job').click();
  await expect(page.getByText(/Could not upgrade the job: Failed to rollback to checkpoint\/savepoint savepoint-\d+\. Cannot map checkpoint\/savepoint state for operator [0-9a-f]{32} .*--allowNonRestoredState/)).toBeVisible();
  await expect(page.getByTestId('job-status')).toHaveText('RUNNING');
  await editor.getByRole('checkbox', { name: /allow non-restored state/ }).check();
  await expect(editor.getByTestId('mapping-verdict')).toContainText('dropped');
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toBeVisible({ timeout: 30_000 });
  // the graph says what happened, for a few seconds of display time (the run is paused: it stays)
  const overlay = page.getByTestId('job-change-overlay');
  await expect(overlay.getByTestId('job-change-source')).toBeVisible();
  await expect(overlay.getByTestId('job-change-source')).toHaveAttribute('data-mark', 'restored');
  await expect(overlay.getByTestId('job-change-map-1')).toHaveAttribute('data-mark', 'new');
  await expect(overlay.getByTestId('job-change-count')).toHaveAttribute('data-mark', 'new-id');
  await expect(overlay.getByTestId('job-change-count')).toContainText('new ID: starts empty');
  await expect(overlay.getByTestId('job-change-orphan-count')).toContainText('Keyed Count: state dropped (-n)');
  await sim.screenshot('upgrade-graph-marks');
  await expect(editor.getByTestId('editor-op-map-1')).toBeVisible();
  expect(await stateTotal(sim, 'count')).toBe(0);
  // the marks go once the changed job has run a few seconds
  await runTo(sim, (await sim.simSeconds()) + 8);
  await expect(overlay).toHaveCount(0);
  expect(sim.errors).toEqual([]);
});

test('with uids the state maps through a reorder, a keyBy and a sink kind; a state of another type is refused beforehand', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();
  await runTo(sim, 4);
  await sim.openTab('Snapshots');
  const editor = editorOf(page);
  // step 1: uids on every operator, and Keyed Count summing (the ids change once: allow the old ones to go)
  for (const [name, uid] of [['Source: Animals', 'animals'], ['Map', 'map-v1'], ['Keyed Count', 'counter'], ['Sink: Counts', 'sink-v1']]) {
    await editor.getByLabel(`uid of ${name}`, { exact: true }).fill(uid);
  }
  await editor.getByLabel('State kind of Keyed Count').selectOption('keyed-sum');
  await editor.getByRole('checkbox', { name: /allow non-restored state/ }).check();
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toBeVisible({ timeout: 30_000 });
  await editor.getByRole('checkbox', { name: /allow non-restored state/ }).uncheck();
  // the new job counts from empty state (the kind changed): play until its first sums are there (a
  // loaded machine may pause the run before the first records reach Keyed Count)
  let before = 0;
  for (let tries = 0; tries < 4 && before === 0; tries++) {
    await runTo(sim, Math.max(10, (await sim.simSeconds()) + 3));
    before = await stateTotal(sim, 'count');
  }
  expect(before).toBeGreaterThan(0);
  await sim.openTab('Snapshots');
  // a reduce over the same uid registers "sum" as REDUCING where the savepoint has VALUE: refused before any click
  await editor.getByLabel('State kind of Keyed Sum').selectOption('keyed-reduce:sum');
  const table = editor.getByTestId('mapping-table');
  await expect(table.locator('tr[data-refused="true"]')).toContainText('state migration is not possible');
  await expect(editor.getByTestId('mapping-refusal')).toContainText('Incompatible key/value state types. Was [VALUE], registered with [REDUCING]');
  await editor.getByLabel('State kind of Keyed Reduce (sum)').selectOption('keyed-sum');
  await expect(editor.getByTestId('mapping-refusal')).toHaveCount(0);
  // a filter inserted after Map, then moved up before it (keyboard): each keeps its own input partitioner
  await editor.getByLabel('Operator to insert').selectOption('filter');
  await editor.getByLabel('Insert after').selectOption({ label: 'Map' });
  await editor.getByTestId('editor-insert').click();
  await editor.getByRole('button', { name: 'Move Filter 1 up, before its input' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.locator('li.editor-op strong')).toHaveText(['Source: Animals', 'Filter 1', 'Map', 'Keyed Sum', 'Sink: Counts']);
  await expect(editor.getByRole('button', { name: 'Move Filter 1 down, after its output' })).toBeFocused();
  // keyBy: a keyed operator behind a rebalance is named as the problem; back to keyBy
  const keyBy = editor.getByLabel('Partitioning from Map into Keyed Sum');
  await keyBy.selectOption('rebalance');
  await expect(editor.getByTestId('editor-problem')).toContainText('"Keyed Sum" keeps keyed state, so its input must be keyed (partitioner "hash"), not "rebalance"');
  await expect(editor.getByTestId('upgrade-job')).toBeDisabled();
  await keyBy.selectOption('hash');
  await editor.getByLabel('Sink kind of Sink: Counts').selectOption('two-phase-commit');
  await expect(table.locator('tr[data-status="orphaned"]')).toHaveCount(0);
  await expect(table.locator('tr[data-status="new"]')).toContainText('Filter 1');
  await expect(table.locator('tr[data-status="matched"]').filter({ hasText: 'Keyed Sum' })).toContainText('uid "counter"');
  await sim.screenshot('upgrade-editor');
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toBeVisible({ timeout: 30_000 });
  const overlay = page.getByTestId('job-change-overlay');
  await expect(overlay.getByTestId('job-change-count')).toHaveAttribute('data-mark', 'restored');
  await expect(overlay.getByTestId('job-change-filter-1')).toHaveAttribute('data-mark', 'new');
  await expect(overlay.locator('[data-testid^="job-change-orphan-"]')).toHaveCount(0);
  await expect(editor.getByLabel('Sink kind of Sink: Counts')).toHaveValue('two-phase-commit');
  expect(await stateTotal(sim, 'count')).toBeGreaterThanOrEqual(before);
  expect(sim.errors).toEqual([]);
});

test('in Korean: the editor, the refusal and the marks on the graph', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open('?lang=ko');
  await runTo(sim, 6, '재생', '일시정지', '속도');
  await page.getByRole('tab', { name: '스냅샷', exact: true }).click();
  const editor = editorOf(page);
  await editor.getByLabel('넣을 연산자').selectOption('map');
  await editor.getByTestId('editor-insert').click();
  await expect(editor.getByTestId('mapping-verdict')).toContainText('"복구되지 않는 상태 허용" 없이는 시작이 실패합니다');
  await expect(editor.getByTestId('mapping-table').locator('tr[data-status="new"]').filter({ hasText: 'Keyed Count' })).toContainText('연산자 ID 바뀜');
  await sim.screenshot('upgrade-editor-ko');
  await editor.getByRole('checkbox', { name: /복구되지 않는 상태 허용/ }).check();
  await editor.getByTestId('upgrade-job').click();
  await expect(editor.getByTestId('upgraded-note')).toContainText('세이브포인트', { timeout: 30_000 });
  const overlay = page.getByTestId('job-change-overlay');
  await expect(overlay.getByTestId('job-change-map-1')).toContainText('새 연산자: 빈 상태로 시작');
  await expect(overlay.getByTestId('job-change-orphan-count')).toContainText('Keyed Count: 상태 버려짐 (-n)');
  await sim.screenshot('upgrade-graph-marks-ko');
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
