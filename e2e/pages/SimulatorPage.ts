import { expect, type Locator, type Page } from '@playwright/test';

// The simulator as a person sees it: controls by their accessible names, graph and tables by the
// test ids of CONTRACTS §4. No fixed sleeps: everything waits on what the page shows.

export class SimulatorPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/${search}`);
    await expect(this.page.getByTestId('job-graph')).toBeVisible();
  }

  get play(): Locator { return this.page.getByRole('button', { name: 'Play', exact: true }); }
  get pause(): Locator { return this.page.getByRole('button', { name: 'Pause', exact: true }); }
  get step(): Locator { return this.page.getByRole('button', { name: 'Step', exact: true }); }
  get reset(): Locator { return this.page.getByRole('button', { name: 'Reset', exact: true }); }
  get triggerCheckpoint(): Locator { return this.page.getByRole('button', { name: 'Trigger checkpoint', exact: true }); }
  get speed(): Locator { return this.page.getByRole('slider', { name: 'Speed' }); }
  get simTime(): Locator { return this.page.getByTestId('sim-time'); }

  subtask(operatorId: string, index: number): Locator {
    return this.page.getByTestId(`subtask-${operatorId}-${index}`);
  }

  async simSeconds(): Promise<number> {
    return parseFloat((await this.simTime.textContent()) ?? '0');
  }

  async setSpeed(position: number): Promise<void> {
    await this.speed.fill(String(position));
  }

  async selectSubtask(operatorId: string, index: number): Promise<void> {
    await this.subtask(operatorId, index).click();
    await expect(this.subtask(operatorId, index)).toHaveAttribute('aria-pressed', 'true');
  }

  stateRows(operatorId: string, index: number): Locator {
    return this.page.locator(`[data-testid^="state-row-${operatorId}-${index}-"]`);
  }

  /** Sum of the first value column over every key of a keyed subtask. */
  async stateTotal(operatorId: string, index: number): Promise<number> {
    const values = await this.stateRows(operatorId, index).locator('td.value').allTextContents();
    return values.map(Number).filter((n) => !Number.isNaN(n)).reduce((a, b) => a + b, 0);
  }

  async openTab(name: 'State' | 'Checkpoints' | 'Faults' | 'Snapshots' | 'Settings'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  checkpointRow(id: number): Locator {
    return this.page.getByTestId(`checkpoint-row-${id}`);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
