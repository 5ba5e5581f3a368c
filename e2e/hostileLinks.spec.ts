import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { SimulatorPage } from './pages/SimulatorPage';

// A link is input from anyone: whatever it holds, the page stays usable. A command the job cannot
// apply is named and the run kept up to it; a link far into a heavy run replays in pieces, with
// its progress shown and a Cancel button, while the page keeps answering.

const run = (commands: unknown[]) => LZString.compressToEncodedURIComponent(JSON.stringify(commands));

test.describe('hostile links', () => {
  test('a command the job cannot apply: a notice names it, the run stops there, Play still plays', async ({ page }) => {
    const sim = new SimulatorPage(page);
    const commands = [{ at: 1000, command: { kind: 'trigger-checkpoint' } }, { at: 3000, command: { kind: 'restore', snapshotId: 99, parallelism: {}, allowNonRestoredState: false } }];
    await sim.open(`?conf.execution.checkpointing.interval=2s&run=${run(commands)}&t=8000`);
    await expect(page.getByRole('alert')).toContainText(/restore from 99.*could not be applied/);
    await expect(sim.simTime).toHaveText('3.000 s');
    await expect(page.getByTestId('playback-state')).toContainText('Paused');
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(3.5);
    await sim.pause.click();
    expect(sim.errors).toEqual([]);
  });

  test('a setting that reshapes the job is refused before the replay, as on the page', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open(`?run=${run([{ at: 500, command: { kind: 'set-config', conf: { 'sim.sink.kind': 'upsert' } } }])}&t=2000`);
    await expect(page.getByRole('alert')).toContainText(/set-config at 500 ms.*shape the job itself/);
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(0.5);
    expect(sim.errors).toEqual([]);
  });

  test('an hour of 10 ms checkpoints: progress shown, the page answers within a second, Cancel stops it', async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open('?conf.execution.checkpointing.interval=10ms&t=3600000');
    const busy = page.getByTestId('busy');
    await expect(busy).toBeVisible();
    await expect(busy.getByRole('progressbar')).toBeVisible();
    // the page answers: a tab opens within a second of the click, measured in the page from the
    // press to the change on screen (`force` only skips Playwright's wait for two equal frames)
    const tab = page.getByRole('tab', { name: 'Checkpoints' });
    await page.evaluate(() => {
      const w = window as unknown as { pressedAt?: number; answeredIn?: number };
      window.addEventListener('pointerdown', () => { w.pressedAt = performance.now(); }, { capture: true, once: true });
      const target = [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent === 'Checkpoints')!;
      new MutationObserver((_m, obs) => {
        if (target.getAttribute('aria-selected') === 'true' && w.pressedAt !== undefined) {
          w.answeredIn = performance.now() - w.pressedAt;
          obs.disconnect();
        }
      }).observe(target, { attributes: true });
    });
    await tab.click({ timeout: 2000, force: true });
    await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 2000 });
    expect(await page.evaluate(() => (window as unknown as { answeredIn?: number }).answeredIn)).toBeLessThan(1000);
    await expect(busy).toBeVisible();
    await busy.getByRole('button', { name: 'Cancel' }).click({ timeout: 2000, force: true });
    await expect(busy).toBeHidden({ timeout: 2000 });
    const at = await sim.simSeconds();
    expect(at).toBeLessThan(3600);
    // the run is kept where the replay got, and plays on from there
    await sim.play.click();
    await expect.poll(() => sim.simSeconds()).toBeGreaterThan(at);
    await sim.pause.click();
    expect(sim.errors).toEqual([]);
  });
});
