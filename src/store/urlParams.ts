import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { builtinScenario, BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID, validateConf, type RecordedCommand, type ScenarioSpec } from '../engine';

// `/?scenario=<id>&seed=<n>&conf.<key>=<value>&run=<commands>&t=<ms>`: what the page opens. `run`
// holds the user's commands (kills, checkpoints, settings...) as compressed JSON and `t` the moment
// shown, so a link or a reload brings back the very same run. Anything wrong falls back to a
// working choice and is reported in words, so the page never goes blank.

export interface PageParams {
  scenarioId: string;
  seed: number | undefined;
  conf: Record<string, string>;
  /** the commands as decoded JSON, not yet checked against the job (the store does that) */
  run?: unknown;
  /** a scenario carried in the link (one opened from a file), decoded JSON, not yet validated */
  scenario?: unknown;
  /** simulated ms to show */
  at?: number;
  problems: string[];
}

/** the furthest moment a link opens at: an hour of simulated time replays in a few seconds at most */
export const MAX_LINK_TIME_MS = 3_600_000;

export interface SharedRun { commands: RecordedCommand[]; at?: number }

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let scenarioId = params.get('scenario') ?? DEFAULT_SCENARIO_ID;
  const specText = params.get('spec');
  let spec: unknown;
  if (specText !== null) {
    spec = decodeJson(specText);
    if (spec === null) problems.push('spec: the link\'s scenario could not be read (truncated link?); showing a built-in one.');
  }
  if (spec === undefined || spec === null) spec = undefined;
  else scenarioId = DEFAULT_SCENARIO_ID; // the carried scenario names itself
  if (!spec && !builtinScenario(scenarioId)) {
    problems.push(`scenario "${scenarioId}" does not exist; built-in scenarios are ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}. Showing "${DEFAULT_SCENARIO_ID}".`);
    scenarioId = DEFAULT_SCENARIO_ID;
  }
  let seed: number | undefined;
  const seedText = params.get('seed');
  if (seedText !== null) {
    if (/^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText))) seed = Number(seedText);
    else problems.push(`seed "${seedText}" is not an integer; using the scenario's seed.`);
  }
  const conf: Record<string, string> = {};
  for (const [k, v] of params) {
    if (!k.startsWith('conf.')) continue;
    const key = k.slice('conf.'.length);
    try {
      validateConf({ [key]: v });
      conf[key] = v;
    } catch (e) {
      problems.push(`${(e as Error).message}. Ignored.`);
    }
  }
  const out: PageParams = { scenarioId, seed, conf, problems };
  if (spec !== undefined) out.scenario = spec;
  const runText = params.get('run');
  if (runText !== null) {
    const run = decodeJson(runText);
    if (run === null) problems.push('run: the link\'s commands could not be read (truncated link?); starting without them.');
    else out.run = run;
  }
  const tText = params.get('t');
  if (tText !== null) {
    const t = Number(tText);
    if (tText.trim() !== '' && Number.isFinite(t) && t >= 0 && t <= MAX_LINK_TIME_MS) out.at = t;
    else if (Number.isFinite(t) && t > MAX_LINK_TIME_MS) {
      // replaying further would hold the page for many seconds
      out.at = MAX_LINK_TIME_MS;
      problems.push(`t ${tText} ms is past the hour a link opens at; showing t = 1 h.`);
    } else problems.push(`t "${tText}" is not a time in simulated milliseconds; starting at 0.`);
  }
  return out;
}

/** lz-string-compressed JSON, as the link carries it, or null when it does not decode. */
function decodeJson(text: string): unknown {
  try {
    return JSON.parse(decompressFromEncodedURIComponent(text) || 'null');
  } catch {
    return null;
  }
}

// The URL is rebuilt on every change of the run; the same objects need compressing only once.
const compressed = new WeakMap<object, string>();
function encodeJson(value: object): string {
  let s = compressed.get(value);
  if (s === undefined) compressed.set(value, (s = compressToEncodedURIComponent(JSON.stringify(value))));
  return s;
}

export function pageSearch(scenarioId: string, seed: number | undefined, conf: Record<string, string>, run?: SharedRun, scenario?: ScenarioSpec | null): string {
  const params = new URLSearchParams();
  if (scenario) params.set('spec', encodeJson(scenario));
  else if (scenarioId !== DEFAULT_SCENARIO_ID) params.set('scenario', scenarioId);
  if (seed !== undefined) params.set('seed', String(seed));
  for (const [k, v] of Object.entries(conf)) params.set(`conf.${k}`, v);
  if (run?.commands.length) params.set('run', encodeJson(run.commands));
  if (run?.at) params.set('t', String(Math.round(run.at * 1000) / 1000));
  const s = params.toString();
  return s ? `?${s}` : '';
}
