import { expect, test, type Locator } from '@playwright/test';
import { SimulatorPage } from './pages/SimulatorPage';

// Two runs of one scenario side by side under one clock (CONTRACTS 7): aligned beside unaligned
// checkpoints under backpressure, the same subtask killed in both at the same moment, and the
// difference strip read off the page.

const LINK = '?scenario=backpressure&b.conf.execution.checkpointing.unaligned.enabled=true';

interface Command { at: number; command: { kind: string } }
interface RunView { commands: Command[]; sim: { now: number; state: { traceHash: number; config: { raw: Record<string, string> } } } }
interface Exposed { __checkpointLab: { store: { getState(): { runs: { a: RunView; b?: RunView }; branches: { a: { current: number }; b?: { current: number; branches: unknown[] } } } } } }

const seconds = async (l: Locator) => parseFloat((await l.textContent()) ?? '0');

test.describe('comparing two runs', () => {
  test('aligned beside unaligned: one clock, one kill in both, the difference strip', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const sim = new SimulatorPage(page);
    await page.goto(`/${LINK}`);
    const a = page.getByTestId('run-a');
    const b = page.getByTestId('run-b');
    await expect(a).toBeVisible();
    await expect(b).toBeVisible();
    await expect(b.getByTestId('run-b-settings')).toContainText('execution.checkpointing.unaligned.enabled = true');
    await expect(a.getByTestId('run-a-settings')).toContainText('execution.checkpointing.unaligned.enabled = false');

    // the graphs are aligned: the same subtask at the same place in its container
    const place = async (run: Locator) => {
      const box = (await run.boundingBox())!;
      const node = (await run.getByTestId('subtask-sum-1').boundingBox())!;
      return { x: node.x - box.x, y: node.y - box.y, w: node.width };
    };
    await expect.poll(async () => {
      const [pa, pb] = [await place(a), await place(b)];
      return Math.max(Math.abs(pa.x - pb.x), Math.abs(pa.y - pb.y), Math.abs(pa.w - pb.w));
    }).toBeLessThan(1.5);

    await sim.setSpeed(80);
    await sim.play.click();
    await expect.poll(() => seconds(a.getByTestId('sim-time')), { timeout: 40_000 }).toBeGreaterThan(9);
    await sim.pause.click();
    // one clock: both show the same moment
    await expect(b.getByTestId('sim-time')).toHaveText((await a.getByTestId('sim-time').textContent())!);

    // the same subtask killed in both at the same simulated moment
    await page.getByTestId('compare').getByTestId('to-both').check();
    await a.getByTestId('subtask-sum-0').click();
    await sim.openTab('State');
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    await expect(a.getByTestId('job-status')).toHaveText('RESTARTING');
    await expect(b.getByTestId('job-status')).toHaveText('RESTARTING');
    const commands = await page.evaluate(() => {
      const s = (window as unknown as Exposed).__checkpointLab.store.getState();
      return { a: s.runs.a.commands, b: s.runs.b!.commands };
    });
    expect(commands.a).toHaveLength(1);
    expect(commands.b).toEqual(commands.a);

    await sim.play.click();
    await expect.poll(() => seconds(a.getByTestId('sim-time')), { timeout: 40_000 }).toBeGreaterThan(24);
    await sim.pause.click();
    await expect(b.getByTestId('sim-time')).toHaveText((await a.getByTestId('sim-time').textContent())!);
    await expect(a.getByTestId('job-status')).toHaveText('RUNNING');
    await expect(b.getByTestId('job-status')).toHaveText('RUNNING');

    // the difference strip: checkpoints in both, in-flight data persisted only by unaligned ones
    const strip = page.getByTestId('difference-strip');
    await expect(strip.getByTestId('diff-a-persisted')).toHaveText('0 B');
    await expect(strip.getByTestId('diff-b-persisted')).not.toHaveText('0 B');
    expect(Number(await strip.getByTestId('diff-a-completed').textContent())).toBeGreaterThan(0);
    expect(Number(await strip.getByTestId('diff-b-completed').textContent())).toBeGreaterThan(0);
    expect(Number(await strip.getByTestId('diff-a-rps').textContent())).toBeGreaterThan(0);
    await expect(strip.getByTestId('diff-state')).toContainText(/keyed values/);
    // the oracle's duplicates and missing records, kept up to date without a button: paused, it
    // judges the very moment shown (no "as at" note); a plain sink after the restore wrote some
    // records twice, in both runs
    for (const id of ['a', 'b']) {
      const cell = strip.getByTestId(`diff-${id}-oracle`);
      await expect(cell).toHaveText(/^\d+ \/ \d+ (exactly-once|duplicates|loss|duplicates-and-loss)$/, { timeout: 30_000 });
      expect(Number((await cell.getByTestId('oracle-counts').textContent())!.split(' / ')[0])).toBeGreaterThan(0);
    }
    // judged in a worker of its own, off the page's main thread
    expect(page.workers().some((w) => /oracleWorker/.test(w.url()))).toBe(true);
    // playing on, the verdicts follow the runs (the moment judged moves on) and the page keeps drawing
    const judgedAt = async () => page.evaluate(() => document.querySelector('[data-testid="diff-a-oracle"]')?.textContent ?? '');
    const before24 = await judgedAt();
    await sim.setSpeed(40);
    await sim.play.click();
    await expect.poll(judgedAt, { timeout: 20_000 }).not.toBe(before24);
    await sim.pause.click();
    await expect(strip.getByTestId('diff-a-oracle')).toHaveText(/^\d+ \/ \d+ [a-z-]+$/, { timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screenshots/compare-en.png' });

    // the address carries both runs and their commands: a reload brings back the same two runs
    await expect(page).toHaveURL(/b\.conf\.execution\.checkpointing\.unaligned\.enabled=true/);
    await expect(page).toHaveURL(/b\.run=/);
    const hashes = () => page.evaluate(() => {
      const s = (window as unknown as Exposed).__checkpointLab.store.getState();
      return [s.runs.a.sim.state.traceHash, s.runs.b!.sim.state.traceHash];
    });
    const before = await hashes();
    const shown = await a.getByTestId('sim-time').textContent();
    await page.reload();
    await expect(page.getByTestId('run-b').getByTestId('sim-time')).toHaveText(shown!, { timeout: 30_000 });
    expect(await hashes()).toEqual(before);
    expect(sim.errors).toEqual([]);
  });

  test('acting in the past starts a branch: the timeline shows the tree, switches, opens one beside, and a reload keeps it', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=2s');
    await sim.setSpeed(70);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(8);
    await sim.pause.click();
    await sim.triggerCheckpoint.click();
    await page.getByRole('slider', { name: 'Timeline' }).fill('4000');
    await expect(sim.simTime).toHaveText('4.000 s');
    await sim.selectSubtask('count', 0);
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    const tree = page.getByTestId('branch-tree');
    await expect(tree.getByTestId('branch-0')).toBeVisible();
    await expect(tree.getByTestId('branch-1')).toContainText('4.000 s');
    await expect(tree.getByTestId('branch-switch-1')).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/branches=/);

    // back on the first history: its checkpoint trigger, not the kill
    await tree.getByTestId('branch-switch-0').click();
    await expect(tree.getByTestId('branch-switch-0')).toHaveAttribute('aria-pressed', 'true');
    await expect(sim.simTime).toHaveText('4.000 s');
    const kinds = () => page.evaluate(() => (window as unknown as Exposed).__checkpointLab.store.getState().runs.a.commands.map((c) => c.command.kind));
    expect(await kinds()).toEqual(['trigger-checkpoint']);
    await page.reload();
    await expect(page.getByTestId('branch-tree').getByTestId('branch-switch-0')).toHaveAttribute('aria-pressed', 'true');
    expect(await kinds()).toEqual(['trigger-checkpoint']);

    await page.screenshot({ path: 'test-results/screenshots/branches-en.png' });
    // the other branch beside this one
    await page.getByTestId('branch-tree').getByTestId('branch-open-1').click();
    await expect(page.getByTestId('run-b')).toBeVisible();
    const b = await page.evaluate(() => (window as unknown as Exposed).__checkpointLab.store.getState().runs.b!.commands.map((c) => c.command.kind));
    expect(b).toEqual(['fault']);
    await page.screenshot({ path: 'test-results/screenshots/compare-branches.png' });
    expect(sim.errors).toEqual([]);
  });

  test('a Cost row opens beside the current run, and run B closes again', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const sim = new SimulatorPage(page);
    await sim.open('?scenario=backpressure');
    await sim.openTab('Checkpoints');
    await page.getByRole('tab', { name: 'Cost' }).or(page.getByRole('button', { name: 'Cost', exact: true })).first().click();
    await page.getByTestId('cost-compare').click();
    await page.getByTestId('open-beside-stop-the-world').click();
    await expect(page.getByTestId('run-b').getByTestId('run-b-settings')).toContainText('sim.checkpointing.algorithm = stop-the-world');
    await page.getByTestId('compare-close').click();
    await expect(page.getByTestId('run-b')).toHaveCount(0);
    await expect(page.getByTestId('job-graph')).toBeVisible();
  });

  test("acting in run B's past starts a branch of run B: its tree, its name, the link", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const sim = new SimulatorPage(page);
    await page.goto(`/${LINK}`);
    const a = page.getByTestId('run-a');
    const b = page.getByTestId('run-b');
    await expect(b).toBeVisible();
    await sim.setSpeed(80);
    await sim.play.click();
    await expect.poll(() => seconds(a.getByTestId('sim-time')), { timeout: 40_000 }).toBeGreaterThan(8);
    await sim.pause.click();
    // back at 4 s, run B's subtask killed: only run B forks
    await page.getByRole('slider', { name: 'Timeline' }).fill('4000');
    await expect(b.getByTestId('sim-time')).toHaveText('4.000 s');
    await b.getByTestId('panels-b').click();
    await b.getByTestId('subtask-sum-0').click();
    await sim.openTab('State');
    await page.getByRole('button', { name: 'Kill task', exact: true }).click();
    const treeB = page.getByTestId('branch-tree-b');
    await expect(treeB.getByTestId('branch-1')).toContainText('4.000 s');
    await expect(treeB.getByTestId('branch-switch-1')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('branch-tree')).toHaveCount(0);
    await expect(b.getByTestId('run-b-name')).toHaveText('Run B · branch 2');
    await expect(a.getByTestId('run-a-name')).toHaveText('Run A');
    await expect(page.getByTestId('diff-b')).toContainText('Run B · branch 2');
    await expect(page).toHaveURL(/b\.branches=/);

    // switching run B back to its first history; run A stays where it is
    await treeB.getByTestId('branch-switch-0').click();
    await expect(treeB.getByTestId('branch-switch-0')).toHaveAttribute('aria-pressed', 'true');
    await expect(b.getByTestId('run-b-name')).toHaveText('Run B · branch 1');
    await expect(b.getByTestId('sim-time')).toHaveText('4.000 s');
    await expect(a.getByTestId('sim-time')).toHaveText('4.000 s');
    const state = () => page.evaluate(() => {
      const s = (window as unknown as Exposed).__checkpointLab.store.getState();
      return { a: s.runs.a.commands.length, b: s.runs.b!.commands.map((c) => c.command.kind), current: s.branches.b!.current, branches: s.branches.b!.branches.length, hash: s.runs.b!.sim.state.traceHash };
    });
    const before = await state();
    expect(before).toMatchObject({ a: 0, b: [], current: 0, branches: 2 });
    // the link brings back run B's tree and the branch it shows, to the same trace
    await page.reload();
    await expect(page.getByTestId('branch-tree-b').getByTestId('branch-switch-0')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('run-b').getByTestId('sim-time')).toHaveText('4.000 s');
    expect(await state()).toEqual(before);
    await page.screenshot({ path: 'test-results/screenshots/compare-branch-b.png' });
    expect(sim.errors).toEqual([]);
  });

  test('a lesson step opens run B beside the lesson\'s run: aligned beside unaligned', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const sim = new SimulatorPage(page);
    await page.goto('/?lesson=unaligned&step=4');
    await expect(page.getByTestId('lesson-say')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('run-b')).toHaveCount(0);
    await page.getByTestId('lesson-next').click();
    const b = page.getByTestId('run-b');
    await expect(b).toBeVisible();
    await expect(page.getByTestId('lesson-say')).toContainText('Run B is now beside yours');
    await expect(b.getByTestId('run-b-settings')).toContainText('execution.checkpointing.unaligned.enabled = false');
    await expect(page.getByTestId('run-a').getByTestId('run-a-settings')).toContainText('execution.checkpointing.unaligned.enabled = true');
    // one clock: run B at the lesson's moment
    await expect(b.getByTestId('sim-time')).toHaveText((await page.getByTestId('run-a').getByTestId('sim-time').textContent())!, { timeout: 30_000 });
    const strip = page.getByTestId('difference-strip');
    await expect(strip.getByTestId('diff-b-persisted')).toHaveText('0 B');
    await expect(strip.getByTestId('diff-a-persisted')).not.toHaveText('0 B');
    await page.screenshot({ path: 'test-results/screenshots/compare-lesson-en.png' });
    // back a step: the comparison that step opened is gone
    await page.getByTestId('lesson-prev').click();
    await expect(page.getByTestId('run-b')).toHaveCount(0);
    expect(sim.errors).toEqual([]);
  });

  for (const lang of ['en', 'ko'] as const) {
    test(`presenter mode with two runs (${lang}): both graphs fit their panes in big type, the caption names the run, PageDown moves both`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1280, height: 720 });
      const sim = new SimulatorPage(page);
      await page.goto(`/${LINK}&present=1&lang=${lang}`);
      const a = page.getByTestId('run-a');
      const b = page.getByTestId('run-b');
      await expect(a).toBeVisible();
      await expect(b).toBeVisible();
      const caption = page.getByTestId('presenter-caption');
      await expect(caption).toBeVisible();
      // each graph inside its own pane, and far larger than a stacked half-height pane would allow
      for (const run of [a, b]) {
        await expect.poll(async () => {
          const box = (await run.boundingBox())!;
          const sink = (await run.getByTestId('subtask-sink-2').boundingBox())!;
          const source = (await run.getByTestId('subtask-source-0').boundingBox())!;
          const inside = source.x >= box.x && sink.x + sink.width <= box.x + box.width && sink.y + sink.height <= box.y + box.height;
          return inside ? Math.round(sink.width) : 0;
        }, { timeout: 10_000 }).toBeGreaterThanOrEqual(100);
      }
      // PageDown: both runs on to the next moment that matters, together
      const times = async () => [await a.getByTestId('sim-time').textContent(), await b.getByTestId('sim-time').textContent()];
      await page.keyboard.press('PageDown');
      await expect.poll(async () => parseFloat((await times())[0]!), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(500);
      const [ta, tb] = await times();
      expect(tb).toBe(ta);
      expect(parseFloat(ta!)).toBeGreaterThan(0);
      // the caption says which run the event happened in
      await expect(caption).toContainText(lang === 'en' ? /Run [AB]/ : /실행 [AB]/);
      await page.screenshot({ path: `test-results/screenshots/compare-presenter-${lang}.png` });
      expect(sim.errors).toEqual([]);
    });
  }
});
