import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { SimulatorPage } from './pages/SimulatorPage';

// What the picture shows beyond the tables: duplicates marked where the sink writes them, a
// two-phase-commit sink's transactions in lanes, records that slip past a barrier at-least-once,
// and an event log that filters and holds still while it is read.

const run = (commands: unknown[]) => LZString.compressToEncodedURIComponent(JSON.stringify(commands));
// Keyed Count (1/2) is subtask 4 of the default job (two sources, two maps before it); Sink: Counts (1/2) is 6
const KILL_COUNT_AT_9S = run([{ at: 9000, command: { kind: 'fault', fault: { kind: 'task', subtask: 4 } } }]);

test.describe('what the picture shows', () => {
  test('after Kill task, the plain sink marks the records it writes a second time, in its view and on the graph', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=2s&t=9000');
    await expect(sim.simTime).toHaveText('9.000 s');
    await sim.selectSubtask('sink', 0);
    await expect(page.getByTestId('sink-duplicates-6')).toContainText('No duplicates');
    await expect(page.getByTestId('dup-badge-6')).toHaveCount(0);
    await sim.selectSubtask('count', 0);
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    await expect(page.getByTestId('job-status')).toHaveText('RESTARTING');
    await sim.selectSubtask('sink', 0);
    await sim.setSpeed(60);
    await sim.play.click();
    // the replay after the restore reaches the sink: the badge appears on the graph as it writes them
    await expect(page.getByTestId('dup-badge-6')).toBeVisible({ timeout: 30_000 });
    await sim.pause.click();
    await expect(page.getByTestId('dup-badge-6')).toHaveText(/\d+ duplicates?/);
    const summary = page.getByTestId('sink-duplicates-6');
    await expect(summary).toContainText(/duplicates? an earlier write of the same source record/);
    const written = Number(await summary.getAttribute('data-written'));
    expect(written).toBeGreaterThan(0);
    await expect(page.getByTestId('dup-badge-6')).toContainText(String(written));
    // the duplicates stay listed, with the key and value written twice
    await expect(page.getByTestId('sink-dup-list-6').locator('li')).toHaveCount(Math.min(written, 8));
    // step back to just after the first duplicate was written: it is marked in the list of writes
    const duplicated = await page.getByTestId('sink-dup-list-6').locator('li').last().textContent();
    await page.getByRole('slider', { name: 'Timeline' }).fill('12600');
    await expect(sim.simTime).toHaveText('12.600 s');
    await page.getByTestId('sink-reader-read_uncommitted-6').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('sink-reader-read_uncommitted-6').locator('li[data-dup="true"]').first()).toBeVisible();
    await expect(page.getByTestId('sink-reader-read_uncommitted-6').locator('li[data-dup="true"]').last()).toContainText(duplicated!.trim());
    await sim.screenshot('picture-duplicates');
    expect(sim.errors).toEqual([]);
  });

  test('a two-phase-commit sink shows its transactions: committed lanes, and the one a failover aborted', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open(`?conf.execution.checkpointing.interval=2s&conf.sim.sink.kind=two-phase-commit&run=${KILL_COUNT_AT_9S}&t=16000`);
    await expect(sim.simTime).toHaveText('16.000 s');
    await sim.selectSubtask('sink', 0);
    const lanes = page.getByTestId('txn-lanes-6');
    await lanes.scrollIntoViewIfNeeded();
    await expect(lanes.locator('[data-status="committed"]').first()).toBeVisible();
    await expect(lanes.locator('[data-status="aborted"]')).toHaveCount(1);
    await expect(lanes.locator('[data-status="aborted"]')).toContainText('aborted');
    await expect(lanes.locator('[data-status="open"]')).toHaveCount(1);
    // both readers side by side: the replay wrote duplicates, none of them committed
    await expect(page.getByTestId('sink-reader-read_uncommitted-6')).toBeVisible();
    await expect(page.getByTestId('sink-reader-read_committed-6')).toBeVisible();
    await expect(page.getByTestId('sink-duplicates-6')).toHaveAttribute('data-committed', '0');
    expect(Number(await page.getByTestId('sink-duplicates-6').getAttribute('data-written'))).toBeGreaterThan(0);
    await expect(page.getByTestId('sink-reader-read_committed-6').locator('li[data-dup="true"]')).toHaveCount(0);
    await expect(page.getByTestId('dup-badge-6')).toHaveCount(0);
    // lanes move on as the run does: the next checkpoint pre-commits and commits
    const newestBefore = Math.max(...(await lanes.locator('[data-status="committed"]').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-checkpoint'))))));
    await sim.setSpeed(60);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds(), { timeout: 30_000 }).toBeGreaterThan(19);
    await sim.pause.click();
    const newest = async () => Math.max(...(await lanes.locator('[data-status="committed"]').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-checkpoint'))))));
    expect(await newest()).toBeGreaterThan(newestBefore);
    await sim.screenshot('picture-transactions');
    expect(sim.errors).toEqual([]);
  });

  test('at-least-once, what the join read after a barrier is tinted in the checkpoint it slipped into', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=two-inputs&conf.execution.checkpointing.mode=AT_LEAST_ONCE&t=9000');
    await sim.selectSubtask('join', 0);
    await expect(page.locator('td.checkpointed.after-barrier').first()).toBeVisible();
    await sim.openTab('Snapshots');
    const row = page.locator('[data-testid^="snapshot-row-"]').last();
    await row.click();
    const note = page.locator('[data-testid^="after-barrier-"]').first();
    await expect(note).toBeVisible();
    expect(Number(await note.getAttribute('data-records'))).toBeGreaterThan(0);
    // exactly-once, nothing slips past a barrier
    await sim.open('?scenario=two-inputs&t=9000');
    await sim.selectSubtask('join', 0);
    await expect(sim.stateRows('join', 0).first()).toBeVisible();
    await expect(page.locator('td.after-barrier')).toHaveCount(0);
    expect(sim.errors).toEqual([]);
  });

  test('the event log filters by kind and holds still while it is read', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?t=6000');
    const log = page.getByTestId('event-log');
    await expect(log.locator('li[data-kind="record"]').first()).toBeAttached();
    await page.getByTestId('log-filter-records').click();
    await expect(page.getByTestId('log-filter-records')).toHaveAttribute('aria-pressed', 'false');
    await expect(log.locator('li[data-kind="record"], li[data-kind="flow"]')).toHaveCount(0);
    await expect(log.locator('li[data-kind="checkpoint"]').first()).toBeAttached();
    await page.getByTestId('log-filter-checkpoints').click();
    await expect(log.locator('li[data-kind="checkpoint"]')).toHaveCount(0);
    await expect(log.locator('li[data-kind="state"]').first()).toBeAttached();
    await page.getByTestId('log-filter-checkpoints').click();
    await page.getByTestId('log-filter-records').click();
    await expect(log.locator('li[data-kind="record"]').first()).toBeAttached();

    // hovered, the log holds: the lines stay as they were while the run goes on
    await log.hover();
    await expect(log).toHaveAttribute('data-held', 'true');
    const last = await log.locator('li').last().textContent();
    const scrollTop = await log.evaluate((el) => el.scrollTop);
    await sim.setSpeed(60);
    // play and pause from the keyboard: the pointer stays on the log
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(8);
    await page.keyboard.press('Space');
    await expect(log).toHaveAttribute('data-held', 'true');
    await expect(page.getByTestId('log-held')).toContainText(/new lines? below/);
    await expect(log.locator('li').last()).toHaveText(last!);
    expect(await log.evaluate((el) => el.scrollTop)).toBe(scrollTop);
    await sim.screenshot('picture-log-held');
    // Jump to latest shows the newest line
    await page.getByTestId('log-jump').click();
    await expect(log.locator('li').last()).not.toHaveText(last!);
    await expect(page.getByTestId('log-held')).toHaveCount(0);
    // the pointer away, it follows the run again
    await page.mouse.move(5, 5);
    await expect(log).toHaveAttribute('data-held', 'false');
    expect(sim.errors).toEqual([]);
  });
});
