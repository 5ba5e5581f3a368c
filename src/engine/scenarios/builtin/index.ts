import type { ScenarioSpec } from '../schema';
import { backpressureScenario } from './backpressure';
import { benchScenario } from './bench';
import { defaultScenario } from './default';
import { slicesScenario } from './slices';
import { stateTtlScenario } from './stateTtl';
import { twoInputsScenario } from './twoInputs';
import { wideScenario } from './wide';

export const BUILTIN_SCENARIOS: readonly ScenarioSpec[] = [defaultScenario, twoInputsScenario, backpressureScenario, wideScenario, slicesScenario, benchScenario, stateTtlScenario];

export function builtinScenario(id: string): ScenarioSpec | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}

export const DEFAULT_SCENARIO_ID = 'default';
