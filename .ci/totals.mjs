// Adds up the JSON reports of Vitest and Playwright into the one closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const unit = 'test-results/unit.json';
const e2e = 'test-results/e2e.json';
if (existsSync(unit)) {
  const r = JSON.parse(readFileSync(unit, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
if (!existsSync(unit) || !existsSync(e2e)) {
  console.log(`(missing report: ${[unit, e2e].filter((f) => !existsSync(f)).join(', ')} — an earlier step failed)`);
  if (!existsSync(unit) && !existsSync(e2e)) failed += 1;
}
console.log(`Totals: ${passed} passed, ${failed} failed, ${skipped} skipped`);
