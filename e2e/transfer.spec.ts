import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { builtinScenario } from '../src/engine';
import { SimulatorPage } from './pages/SimulatorPage';

// From the lab to a real cluster and back: a real job's checkpoint statistics, as saved from
// Flink's REST API, open in the Checkpoints panel with the simulator's columns (a broken document
// is refused and the run kept); a scenario downloads as a zipped Maven project for Flink.

const FIXTURES = join(import.meta.dirname, '..', 'src', 'engine', 'checkpoint', '__fixtures__', 'flink-rest');
const fixture = (name: string) => join(FIXTURES, name);

async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(paths);
}

test('a real job\'s REST documents open in the Checkpoints panel, read like the simulated run, with notes that point to lessons', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open();

  // published by Apache StreamPark: GET /jobs/:jobid/checkpoints of a real job
  await chooseFiles(page, [fixture('streampark-checkpoints.json')]);
  const view = page.getByTestId('imported-job');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('imported-job-banner')).toContainText('Imported job: streampark-checkpoints.json');
  await expect(view.getByTestId('checkpoint-counts')).toContainText('Completed: 1914');
  const real = sim.checkpointRow(1914);
  await expect(real.locator('td.status')).toHaveText('COMPLETED');
  await expect(real).toContainText('89ms');

  // one job's documents, saved as separate files and chosen together
  await chooseFiles(page, ['spec-checkpoints.json', 'spec-config.json', 'spec-details-4.json', 'spec-details-6.json', 'spec-details-4-subtasks-map.json', 'spec-details-6-subtasks-sink.json', 'spec-job.json'].map(fixture));
  await expect(view.getByTestId('imported-job-banner')).toContainText('Imported job: Checkpoint Lab: Counting animals');
  const headings = await view.locator('.history-table thead th').allTextContents();
  expect(headings.map((h) => h.replaceAll('\u00AD', ''))).toEqual(['ID', 'Status', 'Acknowledged', 'Trigger Time', 'Latest Acknowledgement', 'End to End Duration', 'Checkpointed Data Size', 'Full Checkpoint Data Size', 'Processed (persisted) in-flight data']);
  const rows = view.locator('[data-testid^="checkpoint-row-"]');
  await expect(rows).toHaveCount(5);
  const idsAndStatuses = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-testid'), tr.querySelector('td.status')?.textContent]));
  expect(idsAndStatuses).toEqual([
    ['checkpoint-row-7', 'IN_PROGRESS'], ['checkpoint-row-6', 'COMPLETED'], ['checkpoint-row-5', 'FAILED'], ['checkpoint-row-4', 'COMPLETED'], ['checkpoint-row-3', 'COMPLETED'],
  ]);
  await expect(sim.checkpointRow(3)).toContainText('Savepoint');
  await expect(sim.checkpointRow(6)).toContainText('unaligned');

  // checkpoint 4: held up by alignment in the keyed operator; the note names it and links its lesson
  const note = view.getByTestId('pattern-note-alignment-dominates');
  await expect(note).toContainText('Checkpoint 4: a subtask spent at least 50% of the end-to-end duration aligning barriers');
  await expect(note.getByRole('link', { name: 'Lesson: Checkpoints under backpressure' })).toHaveAttribute('href', '?lesson=backpressure');
  await expect(view.getByTestId('pattern-note-persisted-in-flight').getByRole('link')).toHaveAttribute('href', '?lesson=unaligned');

  // operators, subtasks and the phase timeline, as for a simulated checkpoint
  await page.getByRole('button', { name: 'Checkpoint 4 details' }).click();
  await page.getByRole('button', { name: '▸ Map -> Keyed Count' }).click();
  const subtasks = view.locator('.checkpoint-detail .detail-table .detail-table');
  const subtaskHeadings = await subtasks.locator('thead th').allTextContents();
  expect(subtaskHeadings.map((h) => h.replaceAll('\u00AD', ''))).toEqual(['Subtask', 'Acknowledged', 'End to End Duration', 'Checkpointed Data Size', 'Sync Duration', 'Async Duration', 'Processed (persisted) Data', 'Alignment Duration', 'Start Delay', 'Unaligned Checkpoint']);
  await expect(subtasks.locator('tbody tr').first()).toContainText('1.21s');
  await expect(page.getByRole('img', { name: 'Phases of checkpoint 4 per subtask' })).toBeVisible();

  await view.getByTestId('cp-tab-configuration').click();
  await expect(view.getByRole('rowheader', { name: 'Checkpointing Mode' })).toBeVisible();
  await expect(view.locator('.history-table')).toContainText('EXACTLY_ONCE');
  await sim.screenshot('transfer-imported-job');

  // and back to the simulated run, which went on as it was
  await page.getByRole('button', { name: 'Back to the simulated run' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('cp-tab-cost')).toBeVisible();
  await expect(sim.subtask('count', 0)).toBeVisible();
  await page.getByRole('button', { name: 'Show the imported job' }).click();
  await expect(page.getByTestId('imported-job')).toBeVisible();
  expect(sim.errors).toEqual([]);
});

test('a broken REST document is refused with what is wrong, and the run is kept', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open('?scenario=two-inputs');
  const broken = JSON.parse(readFileSync(fixture('spec-checkpoints.json'), 'utf8'));
  broken.history[0].status = 'DONE';
  await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert').first()).toContainText('Could not open broken.json: not what Flink\'s REST API returns: broken.json: checkpoints.history.0.status');
  await expect(page.getByRole('alert').first()).toContainText('The current run is kept');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('two-inputs');
  await expect(page.getByTestId('imported-job')).toHaveCount(0);

  // the paste box says the same, beside the text
  await sim.openTab('Checkpoints');
  await page.getByText('Import a real job\'s checkpoints').click();
  await page.getByLabel('Flink REST documents (JSON)').fill('{"counts": {"total": 1}}');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.paste-box [role="alert"]')).toContainText('Not imported: not what Flink\'s REST API returns: checkpoints.counts.restored');
  await expect(page.getByTestId('imported-job')).toHaveCount(0);
  await expect(page.getByTestId('cp-tab-cost')).toBeVisible();

  // a good paste opens it
  await page.getByLabel('Flink REST documents (JSON)').fill(readFileSync(fixture('streampark-checkpoints.json'), 'utf8'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('imported-job-banner')).toContainText('Imported job: pasted documents');
  await expect(sim.checkpointRow(1914)).toBeVisible();
  expect(sim.errors).toEqual([]);
});

test('Export as Flink job downloads the scenario in force as a Maven project', async ({ page }) => {
  const sim = new SimulatorPage(page);
  await sim.open('?scenario=two-inputs&conf.execution.checkpointing.interval=3s');
  await page.getByTestId('share-menu').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Flink job' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('checkpoint-lab-two-inputs.zip');
  const entries = unzipSync(new Uint8Array(readFileSync(await file.path())));
  const names = Object.keys(entries);
  const text = (path: string) => strFromU8(entries[`checkpoint-lab-two-inputs/${path}`]);
  expect(names).toContain('checkpoint-lab-two-inputs/pom.xml');
  expect(names).toContain('checkpoint-lab-two-inputs/config.yaml');
  const java = names.filter((n) => /^checkpoint-lab-two-inputs\/src\/main\/java\/.+Job\.java$/.test(n));
  expect(java).toHaveLength(1);
  const job = strFromU8(entries[java[0]]);
  for (const op of builtinScenario('two-inputs')!.operators) {
    expect(job).toContain(`"${op.name}"`);
    // a uid travels as .uid(...); without one Flink derives the id from the operator's place, as the lab does
    expect(job).toContain(op.uid ? `.uid("${op.uid}")` : 'no uid: Flink derives');
  }
  expect(text('pom.xml')).toContain('<artifactId>checkpoint-lab-two-inputs</artifactId>');
  expect(text('pom.xml')).toMatch(/<artifactId>flink-streaming-java<\/artifactId>\s*<version>[^<]+<\/version>\s*<scope>provided<\/scope>/);
  // the settings in force: the link's interval over the scenario's
  expect(text('config.yaml')).toMatch(/^execution\.checkpointing\.interval: 3 ?s$/m);
  expect(sim.errors).toEqual([]);
});
