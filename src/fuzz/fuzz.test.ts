import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failed, formatSummary, runTarget } from './fuzzRunner';
import { DEFAULT_BOUNDS } from './oracle';
import { cliTarget, linkTarget, scenarioTarget, type FuzzTarget } from './targets';
import { lessonTarget, restTarget } from './documentTargets';

// The fuzz suite in CI: a bounded number of generated inputs per target, once with a fixed seed
// (the same inputs every time) and once with a fresh seed (new inputs every run; the seed is in
// the failure message). `npm run fuzz -- --count 10000` runs the same checks at length.

const FIXED_SEED = 20_240_617;
const randomSeed = (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 1;

// sized so the whole file stays well under a minute on a shared 2-core machine
const COUNTS = { scenario: 400, link: 100, cli: 400, lesson: 200, rest: 300 };

function fuzz<T>(target: FuzzTarget<T>, count: number, seed: number) {
  const summary = runTarget(target, { count, seed, bounds: DEFAULT_BOUNDS, shrinkLimit: 2 });
  expect(summary.inputs).toBe(count);
  expect(failed(summary), `${formatSummary(summary)}\nreproduce: npm run fuzz -- --target ${target.name} --seed ${seed} --count ${count}`).toBe(false);
  // the generators reach both ends: some inputs run, some are refused
  expect(summary.counts.refused).toBeGreaterThan(0);
  return summary;
}

describe('fuzz: hostile and unusual input', () => {
  for (const [target, count] of [[scenarioTarget, COUNTS.scenario], [linkTarget, COUNTS.link], [cliTarget, COUNTS.cli], [lessonTarget, COUNTS.lesson], [restTarget, COUNTS.rest]] as const) {
    it(`${target.name}: ${count} inputs, fixed seed ${FIXED_SEED}`, async () => {
      await target.prepare?.();
      const s = fuzz(target as FuzzTarget<unknown>, count, FIXED_SEED);
      expect(s.counts.accepted).toBeGreaterThan(0);
    }, 60_000);
    it(`${target.name}: ${Math.ceil(count / 3)} inputs, random seed ${randomSeed}`, async () => {
      await target.prepare?.();
      fuzz(target as FuzzTarget<unknown>, Math.ceil(count / 3), randomSeed);
    }, 60_000);
  }

  it('nothing from a link can end up as HTML: the page renders text only', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    for (const dir of ['src/ui', 'src/store', 'src/lessons']) {
      try {
        walk(dir);
      } catch {
        // src/lessons does not exist yet
      }
    }
    expect(files.length).toBeGreaterThan(10);
    const html = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\(|createContextualFragment|srcdoc/;
    const offenders = files.filter((f) => html.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
