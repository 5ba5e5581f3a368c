import { expect, test } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

// Cancel, see the consumer group's committed offsets beside the checkpointed ones, submit the job
// again from the retained checkpoint with CLAIM and NO_CLAIM, and see who owns the shared files.

const CONF = [
  'conf.execution.checkpointing.interval=2s', 'conf.execution.checkpointing.storage=filesystem', 'conf.state.backend.type=rocksdb',
  'conf.execution.checkpointing.incremental=true', 'conf.execution.checkpointing.externalized-checkpoint-retention=RETAIN_ON_CANCELLATION',
].join('&');

test('cancel, committed versus checkpointed offsets, submit from a retained checkpoint with CLAIM, then NO_CLAIM', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open(`?${CONF}&t=9000`);
  await sim.openTab('Snapshots');
  const offsets = page.getByTestId('source-offsets');
  await expect(offsets).toBeVisible();
  const row = page.getByTestId('offsets-source-0');
  // the consumer group holds what a completed checkpoint committed; the reader is further on
  await expect(row.getByTestId('offset-committed')).toContainText(/\d+ \(chk \d+\)/);
  await expect(row.getByTestId('offset-checkpointed')).toContainText(/\d+ \(chk \d+\)/);
  await expect(row.getByTestId('offset-reading')).toHaveText(/^\d+$/);

  await page.getByTestId('cancel-job').click();
  await expect(page.getByTestId('job-cancelled')).toContainText('were kept');
  await expect(row.getByTestId('offset-reading')).toHaveText('—');
  const committed = await row.getByTestId('offset-committed').textContent();

  const form = page.getByTestId('submit-job-form');
  await expect(form).toBeVisible();
  const snapshot = form.getByTestId('submit-snapshot');
  const retained = await snapshot.locator('option', { hasText: 'retained checkpoint' }).first().getAttribute('value');
  expect(retained).toMatch(/^\d+$/);
  await snapshot.selectOption(retained!);
  await form.getByTestId('submit-claim-mode').selectOption('CLAIM');
  await form.getByTestId('submit-job').click();
  await expect(page.getByTestId('job-cancelled')).toHaveCount(0);
  await expect(page.getByTestId('cancel-job')).toBeEnabled();
  // the restore read the checkpointed offsets; the group's committed ones are unchanged
  await expect(row.getByTestId('offset-committed')).toHaveText(committed!);
  const files = page.getByTestId('shared-files');
  await expect(files).toBeVisible();
  await expect(files.locator('[data-owner="user"]')).toHaveCount(0);
  await expect(files.locator('[data-owner="job"]').first().getByTestId('may-delete')).toHaveText('yes');
  await sim.screenshot('resubmit-claim');

  // run on, cancel again and submit with NO_CLAIM: the restored files are the user's now
  await sim.play.click();
  await expect.poll(() => sim.simSeconds()).toBeGreaterThan(13);
  await sim.pause.click();
  await page.getByTestId('cancel-job').click();
  await expect(page.getByTestId('job-cancelled')).toBeVisible();
  const again = await snapshot.locator('option', { hasText: 'retained checkpoint' }).last().getAttribute('value');
  await snapshot.selectOption(again!);
  await form.getByTestId('submit-claim-mode').selectOption('NO_CLAIM');
  await form.getByTestId('submit-job').click();
  const mine = files.locator('[data-owner="user"]');
  await expect(mine.first()).toBeVisible();
  await expect(mine.first().getByTestId('may-delete')).toHaveText('no');
  await expect(page.getByText('hit a problem')).toHaveCount(0);
  expect(sim.errors).toEqual([]);
});

test('a job submitted again without a snapshot starts where the starting offsets say', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open(`?${CONF}&t=7000`);
  await sim.openTab('Snapshots');
  await page.getByTestId('cancel-job').click();
  const row = page.getByTestId('offsets-source-0');
  const committed = (await row.getByTestId('offset-committed').textContent())!.split(' ')[0];
  const form = page.getByTestId('submit-job-form');
  await form.getByTestId('submit-starting-offsets').selectOption('committed-offsets');
  await form.getByTestId('submit-job').click();
  await expect(row.getByTestId('offset-reading')).toHaveText(committed);
  expect(sim.errors).toEqual([]);
});
