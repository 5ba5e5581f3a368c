import lzString from 'lz-string';
import { builtinScenario, BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID, quote, SCENARIO_LIMITS, validateConf, type RecordedCommand, type ScenarioSpec } from '../engine';
import { decompressLinkText } from './linkText';

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
  /** `lang=en|ko`; absent (or not one of them): the page takes the browser's language */
  lang?: PageLang;
  /**
   * Why `lang` was not taken, in English. Apart from `problems`: a language is the page's concern,
   * not the run's, and the page reports it itself (and shows English).
   */
  langProblem?: string;
}

export type PageLang = 'en' | 'ko';
export const DEFAULT_LANG: PageLang = 'en';

/** the furthest moment a link opens at: an hour of simulated time replays in a few seconds at most */
export const MAX_LINK_TIME_MS = 3_600_000;

export interface SharedRun { commands: RecordedCommand[]; at?: number }

/**
 * What a link may carry. A compressed parameter is refused above `paramChars` before it is
 * decompressed, and while decompressing once its text passes `jsonChars` (the size of a scenario
 * file the simulator reads), so a short link cannot unfold into gigabytes.
 */
export const LINK_LIMITS = {
  paramChars: 200_000,
  jsonChars: SCENARIO_LIMITS.textChars,
  confParams: SCENARIO_LIMITS.configEntries,
  confKeyChars: SCENARIO_LIMITS.configKeyChars,
  confValueChars: SCENARIO_LIMITS.configValueChars,
} as const;

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let scenarioId = params.get('scenario') ?? DEFAULT_SCENARIO_ID;
  const specText = params.get('spec');
  let spec: unknown;
  if (specText !== null) {
    const decoded = decodeJson(specText, 'scenario');
    if ('problem' in decoded) problems.push(`spec: ${decoded.problem}; showing a built-in one.`);
    else {
      spec = decoded.value;
      scenarioId = DEFAULT_SCENARIO_ID; // the carried scenario names itself
    }
  }
  if (!spec && !builtinScenario(scenarioId)) {
    problems.push(`scenario ${quote(scenarioId)} does not exist; built-in scenarios are ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}. Showing "${DEFAULT_SCENARIO_ID}".`);
    scenarioId = DEFAULT_SCENARIO_ID;
  }
  const seed = readSeed(params, 'seed', problems);
  const out: PageParams = { scenarioId, seed, conf: readConf(params, problems), problems };
  if (spec !== undefined) out.scenario = spec;
  const runText = params.get('run');
  if (runText !== null) {
    const decoded = decodeJson(runText, 'commands');
    if ('problem' in decoded) problems.push(`run: ${decoded.problem}; starting without them.`);
    else out.run = decoded.value;
  }
  const langText = params.get('lang');
  if (langText === 'en' || langText === 'ko') out.lang = langText;
  else if (langText !== null) {
    out.lang = DEFAULT_LANG;
    out.langProblem = `lang ${quote(langText)} is not a language of this page (en, ko); showing English.`;
  }
  const tText = params.get('t');
  if (tText !== null) {
    const t = Number(tText);
    if (tText.trim() !== '' && Number.isFinite(t) && t >= 0 && t <= MAX_LINK_TIME_MS) out.at = t;
    else if (Number.isFinite(t) && t > MAX_LINK_TIME_MS) {
      // replaying further would hold the page for many seconds
      out.at = MAX_LINK_TIME_MS;
      problems.push(`t ${quote(tText)} ms is past the hour a link opens at; showing t = 1 h.`);
    } else problems.push(`t ${quote(tText)} is not a time in simulated milliseconds; starting at 0.`);
  }
  return out;
}

/** The seed parameter `name` (`seed`, or `b.seed` for a comparison), when given and an integer. */
export function readSeed(params: URLSearchParams, name: string, problems: string[]): number | undefined {
  const seedText = params.get(name);
  if (seedText === null) return undefined;
  if (/^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText))) return Number(seedText);
  problems.push(`${name} ${quote(seedText)} is not an integer; using the scenario's seed.`);
  return undefined;
}

/**
 * The `<prefix><key>=<value>` parameters (`conf.` by default; `b.conf.` for a comparison), each
 * validated alone; a bad, oversized or repeated one is left out and said why. Keys come from
 * outside: they are gathered in a Map, and only validated (known) keys reach the object handed on.
 */
export function readConf(params: URLSearchParams, problems: string[], prefix = 'conf.'): Record<string, string> {
  const given = new Map<string, string[]>();
  for (const [k, v] of params) {
    if (!k.startsWith(prefix)) continue;
    const key = k.slice(prefix.length);
    const values = given.get(key);
    if (values) values.push(v);
    else given.set(key, [v]);
  }
  const conf = new Map<string, string>();
  let read = 0;
  for (const [key, values] of given) {
    const name = `${prefix}${key}`;
    if (++read > LINK_LIMITS.confParams) {
      problems.push(`the link has ${given.size} ${prefix}* parameters; this simulator reads at most ${LINK_LIMITS.confParams}. The rest are ignored.`);
      break;
    }
    if (key.length > LINK_LIMITS.confKeyChars) {
      problems.push(`${quote(name)}: a key of ${key.length} characters; configuration keys are at most ${LINK_LIMITS.confKeyChars}. Ignored.`);
      continue;
    }
    if (values.length > 1) {
      problems.push(`${quote(name)} is given ${values.length} times; give it once. Ignored.`);
      continue;
    }
    try {
      validateConf(new Map([[key, values[0]]]));
      conf.set(key, values[0]);
    } catch (e) {
      problems.push(`${(e as Error).message}. Ignored.`);
    }
  }
  return Object.fromEntries(conf);
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** lz-string-compressed JSON, as the link carries it, or why it cannot be read. */
export function decodeJson(text: string, what: 'scenario' | 'commands' | 'branches'): { value: unknown } | { problem: string } {
  if (text.length > LINK_LIMITS.paramChars) {
    return { problem: `the link's ${what} take ${fmt(text.length)} characters; this simulator reads at most ${fmt(LINK_LIMITS.paramChars)}` };
  }
  const decoded = decompressLinkText(text, LINK_LIMITS.jsonChars);
  if ('tooLong' in decoded) return { problem: `the link's ${what} unpack to more than the ${fmt(LINK_LIMITS.jsonChars)} characters this simulator reads` };
  const unreadable = { problem: `the link's ${what} could not be read (truncated link?)` };
  if ('damaged' in decoded) return unreadable;
  try {
    const value: unknown = JSON.parse(decoded.text || 'null');
    return value === null ? unreadable : { value };
  } catch {
    return unreadable;
  }
}

// The URL is rebuilt on every change of the run; the same objects need compressing only once.
const compressed = new WeakMap<object, string>();
export function encodeJson(value: object): string {
  let s = compressed.get(value);
  if (s === undefined) compressed.set(value, (s = lzString.compressToEncodedURIComponent(JSON.stringify(value))));
  return s;
}

/** `lang`, when given, is carried (the page leaves it out when it is English and so is the browser). */
export function pageSearch(scenarioId: string, seed: number | undefined, conf: Record<string, string>, run?: SharedRun, scenario?: ScenarioSpec | null, lang?: PageLang): string {
  const params = new URLSearchParams();
  if (scenario) params.set('spec', encodeJson(scenario));
  else if (scenarioId !== DEFAULT_SCENARIO_ID) params.set('scenario', scenarioId);
  if (seed !== undefined) params.set('seed', String(seed));
  for (const [k, v] of Object.entries(conf)) params.set(`conf.${k}`, v);
  if (run?.commands.length) params.set('run', encodeJson(run.commands));
  if (run?.at) params.set('t', String(Math.round(run.at * 1000) / 1000));
  if (lang) params.set('lang', lang);
  const s = params.toString();
  return s ? `?${s}` : '';
}
