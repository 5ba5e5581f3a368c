import { readFileSync, statSync } from 'node:fs';
import { builtinScenario, quote, Simulation } from '../engine';
import { parseArgs } from '../cli/args';
import { buildPageStore, scenarioFromText, type PageStore } from './adapters';
import { readPageParams } from '../store/urlParams';
import { cliArgv, cliInput, type CliInput } from './cliGen';
import { linkInput, linkSearch, type LinkInput } from './linkGen';
import { compareRuns, messageProblem, runBounded, scenarioMessageProblem, verdictOfError, type RunBounds, type Verdict } from './oracle';
import { scenarioInput, scenarioText, type ScenarioInput } from './scenarioGen';
import { EXTENSION_TARGETS } from './extensions';

// The three inputs the outside world hands the simulator, each with its generator and its oracle.

export type { FuzzTarget } from './fuzzTarget';
import type { FuzzTarget } from './fuzzTarget';

const clip = (s: string, n = 4000) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

// --- scenario files ---

export function checkScenarioText(text: string, bounds: RunBounds): Verdict {
  let spec: unknown;
  let sim: Simulation;
  try {
    spec = scenarioFromText(text);
    sim = Simulation.create(spec);
  } catch (e) {
    return verdictOfError(e, scenarioMessageProblem);
  }
  try {
    const a = runBounded(sim, bounds);
    // the second run starts from the text again: nothing may be shared between the two
    const b = runBounded(Simulation.create(scenarioFromText(text)), bounds);
    return compareRuns(a, b, bounds);
  } catch (e) {
    const v = verdictOfError(e);
    return { outcome: 'crash', detail: `accepted, then the run threw: ${v.outcome === 'refused' ? v.message : 'detail' in v ? v.detail : ''}`, events: 0 };
  }
}

export const scenarioTarget: FuzzTarget<ScenarioInput> = {
  name: 'scenario',
  arbitrary: scenarioInput,
  show: (input, max) => clip(scenarioText(input), max),
  check: (input, bounds) => checkScenarioText(scenarioText(input), bounds),
  checkText: checkScenarioText,
};

// --- page links ---

function openLink(search: string): { store: PageStore; problems: string[]; at?: number } {
  const p = readPageParams(search);
  const store = buildPageStore({ scenarioId: p.scenarioId, scenario: p.scenario, seed: p.seed, conf: p.conf, notices: p.problems, run: p.run, at: p.at });
  return { store, problems: p.problems, at: p.at };
}

/**
 * real ms that long work (a link opened far into a run) may take before the page is checked. Its
 * pieces are cut by the wall clock, so only a replay that finished is compared for determinism.
 */
const LINK_REPLAY_WALL_MS = 1500;

export function checkLinkSearch(search: string, bounds: RunBounds): Verdict {
  let params;
  try {
    params = readPageParams(search);
  } catch (e) {
    return { outcome: 'crash', detail: `readPageParams threw: ${(e as Error).name}: ${(e as Error).message}`, events: 0 };
  }
  if (typeof params.scenarioId !== 'string' || !Array.isArray(params.problems)) return { outcome: 'crash', detail: 'readPageParams gave no scenario id or problems', events: 0 };
  if (params.seed !== undefined && !Number.isSafeInteger(params.seed)) return { outcome: 'accepted-invalid', detail: `seed ${params.seed} is not a safe integer`, events: 0 };
  if (params.at !== undefined && !(Number.isFinite(params.at) && params.at >= 0)) return { outcome: 'accepted-invalid', detail: `t ${params.at} is not a time`, events: 0 };
  for (const [k, v] of Object.entries(params.conf)) if (typeof v !== 'string') return { outcome: 'accepted-invalid', detail: `conf.${k} is a ${typeof v}`, events: 0 };
  const runs: { hashes: string[]; events: number; notices: string[]; heavy: boolean; progress: number; replayed: boolean }[] = [];
  for (let round = 0; round < 2; round++) {
    let page;
    try {
      page = openLink(search);
    } catch (e) {
      const err = e as Error;
      return { outcome: 'crash', detail: `building the page's store threw: ${err.name}: ${err.message.slice(0, 500)} [${(err.stack ?? '').split('\n').slice(1, 3).map((l) => l.trim()).join(' | ')}]`, events: 0 };
    }
    try {
      const replayed = page.store.pump(LINK_REPLAY_WALL_MS);
      const sims = page.store.sims();
      if (sims.length === 0 || !sims.every((s) => s?.state?.plan)) return { outcome: 'crash', detail: 'the page has no simulation after the link', events: 0 };
      // the page stays usable: Step works, and every run goes on
      page.store.step();
      const hashes: string[] = [];
      let events = 0;
      let heavy = false;
      let progress = Infinity;
      for (const sim of page.store.sims()) {
        hashes.push(`${sim.now}:${sim.state.traceHash}`);
        const r = runBounded(sim, { ...bounds, untilMs: sim.now + Math.min(bounds.untilMs, 2000) });
        hashes.push(r.hash);
        events += r.events;
        if (!r.finished) {
          heavy = true;
          progress = Math.min(progress, r.progressMs);
        }
      }
      runs.push({ hashes, events, notices: page.store.notices(), heavy, progress, replayed });
    } catch (e) {
      const err = e as Error;
      return { outcome: 'crash', detail: `the page opened, then ${err.name}: ${err.message.slice(0, 500)} [${(err.stack ?? '').split('\n').slice(1, 3).map((l) => l.trim()).join(' | ')}]`, events: 0 };
    }
  }
  const [a, b] = runs;
  const unfinished = !a.replayed || !b.replayed;
  if (!unfinished && a.hashes.join() !== b.hashes.join()) return { outcome: 'nondeterministic', detail: `the same link gave ${a.hashes.join(' ')} and ${b.hashes.join(' ')}`, events: a.events };
  if (a.heavy && a.progress < bounds.minProgressMs) return { outcome: 'hang', detail: `${a.events} events moved simulated time by ${a.progress} ms only`, events: a.events };
  for (const n of [...params.problems, ...a.notices]) {
    const bad = messageProblem(n);
    if (bad) return { outcome: 'bad-message', detail: `a notice: ${bad}`, events: a.events };
  }
  if (a.notices.length) return { outcome: 'refused', message: a.notices.join(' | '), events: a.events };
  return { outcome: 'accepted', events: a.events, hash: a.hashes.join(' '), ...(unfinished ? { note: `heavy: the link's replay took more than ${LINK_REPLAY_WALL_MS} ms` } : {}) };
}

export const linkTarget: FuzzTarget<LinkInput> = {
  name: 'link',
  arbitrary: linkInput,
  show: (input, max) => clip(linkSearch(input), max),
  check: (input, bounds) => checkLinkSearch(linkSearch(input), bounds),
  checkText: checkLinkSearch,
};

// --- command lines ---

/** The scenario `--scenario` names, as src/cli/sim.ts loads it (a built-in id, or a JSON file). */
function cliScenario(ref: string | undefined): { refused?: string; spec?: unknown; error?: unknown } {
  const builtin = builtinScenario(ref ?? 'default');
  if (builtin) return { spec: builtin };
  const id = ref!;
  let text: string;
  try {
    const st = statSync(id);
    // a fuzzer reads no devices, directories or big files: those are refused like unreadable ones
    if (!st.isFile() || st.size > 2_000_000) return { refused: `--scenario: "${id}" is not a scenario file` };
    text = readFileSync(id, 'utf8');
  } catch {
    return { refused: `--scenario: cannot read "${id}"` };
  }
  try {
    return { spec: scenarioFromText(text) };
  } catch (e) {
    return { error: e };
  }
}

/** Where a refusal of an argument list must point: a flag, a key, a fault, or the argument itself. */
function cliMessageProblem(argv: string[]) {
  return (e: Error): string | null => {
    const general = messageProblem(e.message);
    if (general) return general;
    const names = /--?[a-z]|argument|fault|key|scenario/i.test(e.message) || argv.some((a) => a.length > 2 && e.message.includes(a));
    return names ? null : 'the message names no argument';
  };
}

/** `--conf` as parseArgs gives it: a record (before the strict CLI) or a Map (after). */
function confOf(conf: unknown): Record<string, string> {
  if (conf instanceof Map) return Object.fromEntries(conf) as Record<string, string>;
  return { ...(conf as Record<string, string>) };
}

export function checkArgv(argv: string[], bounds: RunBounds): Verdict {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return verdictOfError(e, cliMessageProblem(argv));
  }
  if (!(typeof args.untilMs === 'number' && Number.isFinite(args.untilMs) && args.untilMs > 0)) return { outcome: 'accepted-invalid', detail: `parseArgs accepted --until as ${args.untilMs} ms`, events: 0 };
  if (args.seed !== undefined && !Number.isSafeInteger(args.seed)) return { outcome: 'accepted-invalid', detail: `parseArgs accepted --seed ${args.seed}`, events: 0 };
  // every --conf given must be in the result (or refused): a key silently dropped is a lie
  const confGiven = argv.flatMap((a, i) => (a === '--conf' ? [argv[i + 1]] : a.startsWith('--conf=') ? [a.slice(7)] : [])).filter((v): v is string => v !== undefined && v.includes('='));
  for (const c of confGiven) {
    const key = c.slice(0, c.indexOf('=')).trim();
    const has = args.conf instanceof Map ? args.conf.has(key) : Object.prototype.hasOwnProperty.call(args.conf, key);
    if (key && !has) return { outcome: 'accepted-invalid', detail: `--conf ${JSON.stringify(c)} was accepted but its key is not in the result`, events: 0 };
  }
  if (args.help) return { outcome: 'accepted', events: 0, hash: 'help' };
  // a fuzzer reads no snapshot files: a path given is refused as sim.ts refuses an unreadable one
  if (args.fromSavepoint !== undefined) return { outcome: 'refused', message: `--from-savepoint: cannot read ${quote(args.fromSavepoint)}`, events: 0 };
  const loaded = cliScenario(args.scenario);
  if (loaded.refused) return { outcome: 'refused', message: loaded.refused, events: 0 };
  if ('error' in loaded) return verdictOfError(loaded.error, scenarioMessageProblem);
  const scenario = loaded.spec;
  const runBounds = { ...bounds, untilMs: Math.min(args.untilMs, bounds.untilMs) };
  let sim: Simulation;
  try {
    sim = Simulation.create(scenario, { seed: args.seed, conf: confOf(args.conf), faults: [...args.faults] });
  } catch (e) {
    return verdictOfError(e, cliMessageProblem(argv));
  }
  try {
    const a = runBounded(sim, runBounds);
    const b = runBounded(Simulation.create(scenario, { seed: args.seed, conf: confOf(args.conf), faults: [...args.faults] }), runBounds);
    return compareRuns(a, b, runBounds);
  } catch (e) {
    return { outcome: 'crash', detail: `accepted, then the run threw: ${(e as Error).name}: ${(e as Error).message.slice(0, 500)}`, events: 0 };
  }
}

export const cliTarget: FuzzTarget<CliInput> = {
  name: 'cli',
  arbitrary: cliInput,
  show: (input, max) => clip(JSON.stringify(cliArgv(input)), max),
  check: (input, bounds) => checkArgv(cliArgv(input), bounds),
  checkText: (text, bounds) => checkArgv(JSON.parse(text) as string[], bounds),
};

export const TARGETS: Record<string, FuzzTarget<never>> = {
  scenario: scenarioTarget as FuzzTarget<never>,
  link: linkTarget as FuzzTarget<never>,
  cli: cliTarget as FuzzTarget<never>,
  ...EXTENSION_TARGETS,
};
