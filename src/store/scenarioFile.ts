import { builtinScenario, DEFAULT_SCENARIO_ID, parseScenario, ScenarioError, type ScenarioSpec } from '../engine';
import type { RunSetup } from './appState';

/** The scenario in force: the opened file's, or the built-in one. */
export function currentScenario(s: Pick<RunSetup, 'scenarioId' | 'customScenario'>): ScenarioSpec {
  return s.customScenario ?? builtinScenario(s.scenarioId) ?? builtinScenario(DEFAULT_SCENARIO_ID)!;
}

/** A scenario file's text as a scenario, or a message naming what is wrong. */
export function readScenarioFile(text: string): { spec: ScenarioSpec } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not JSON (${(e as Error).message})` };
  }
  try {
    return { spec: parseScenario(json) };
  } catch (e) {
    return { problem: e instanceof ScenarioError ? e.problems.join('; ') : (e as Error).message };
  }
}
