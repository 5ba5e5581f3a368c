import { builtinScenario, BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID, validateConf } from '../engine';

// `/?scenario=<id>&seed=<n>&conf.<key>=<value>`: what the page opens. Anything wrong falls back
// to a working choice and is reported in words, so the page never goes blank.

export interface PageParams {
  scenarioId: string;
  seed: number | undefined;
  conf: Record<string, string>;
  problems: string[];
}

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let scenarioId = params.get('scenario') ?? DEFAULT_SCENARIO_ID;
  if (!builtinScenario(scenarioId)) {
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
  return { scenarioId, seed, conf, problems };
}

export function pageSearch(scenarioId: string, seed: number | undefined, conf: Record<string, string>): string {
  const params = new URLSearchParams();
  if (scenarioId !== DEFAULT_SCENARIO_ID) params.set('scenario', scenarioId);
  if (seed !== undefined) params.set('seed', String(seed));
  for (const [k, v] of Object.entries(conf)) params.set(`conf.${k}`, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
