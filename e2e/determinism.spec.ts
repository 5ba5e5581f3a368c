import { expect, test } from '@playwright/test';
import { builtinScenario, formatTraceHash, Simulation } from '../src/engine';
import { SimulatorPage } from './pages/SimulatorPage';

// The same scenario, seed and settings give the same trace in the browser as in Node.

for (const [search, scenario, seed, conf] of [
  ['?seed=7', 'default', 7, {}],
  ['?scenario=backpressure&conf.execution.checkpointing.unaligned.enabled=true', 'backpressure', undefined, { 'execution.checkpointing.unaligned.enabled': 'true' }],
] as const) {
  test(`trace hash in Chromium equals the hash in Node: ${search}`, async ({ page }) => {
    const sim = new SimulatorPage(page);
    await sim.open(search);
    const inBrowser = await page.evaluate('window.__checkpointLab.traceHashAt(30000)');
    const node = Simulation.create(builtinScenario(scenario)!, { seed, conf: { ...conf } });
    node.runUntil(30_000);
    expect(inBrowser).toBe(formatTraceHash(node.state.traceHash));
  });
}
