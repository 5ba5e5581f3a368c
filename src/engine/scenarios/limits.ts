import type { ScenarioSpec } from './schema';

// How big a job the simulator takes. Flink itself scales much further; this simulator runs every
// subtask, channel and record in one browser tab and animates them, so the limits below are its
// own, except the max parallelism bound, which is Flink's. Every built-in scenario fits with room
// to spare (the largest, `wide`, has 32 subtasks and 80 channels; `bench` reads 160,000 records per
// simulated second over 10,000 keys). The schema and validation check them before any work.

export const SCENARIO_LIMITS = {
  /** characters of a scenario file, checked before it is parsed as JSON */
  textChars: 1_000_000,
  operators: 64,
  edges: 128,
  /** the sum of the parallelisms of all operators; also bounds one operator's parallelism */
  subtasks: 256,
  /** channels between subtasks: producer × consumer parallelism for all-to-all edges, producer parallelism for forward ones */
  channels: 2048,
  /** Flink's own bound (KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) */
  maxParallelism: 32_768,
  /** distinct keys of one source: `keyCount`, or the length of `keys` */
  keysPerSource: 100_000,
  partitionsPerSource: 1024,
  /** partitions × records per second per partition, for one source */
  sourceRecordsPerSecond: 1_000_000,
  idChars: 64,
  nameChars: 100,
  titleChars: 100,
  /** description and lesson texts */
  textBlockChars: 4000,
  keyChars: 64,
  slowSubtasks: 256,
  faults: 64,
  faultChars: 200,
  /** entries of the scenario's `config`, and `conf.*` parameters of a link */
  configEntries: 64,
  configKeyChars: 100,
  configValueChars: 200,
  /** problems a message lists before "and N more" */
  problemsShown: 5,
} as const;

export type ScenarioLimit = keyof typeof SCENARIO_LIMITS;

const fmt = (n: number) => n.toLocaleString('en-US');

/** The words for a limit of the simulator's own, so every message says it the same way. */
export function simulatorLimit(what: string, limit: number): string {
  return `this simulator runs at most ${fmt(limit)} ${what}`;
}

/** Array sizes of the raw input, checked before the schema reads any element. */
export function rawSizeProblems(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  const bound = (field: string, limit: number, what: string) => {
    const v = Object.hasOwn(raw, field) ? raw[field] : undefined;
    if (Array.isArray(v) && v.length > limit) problems.push(`${field}: ${fmt(v.length)} ${what}; ${simulatorLimit(what, limit)}`);
  };
  bound('operators', SCENARIO_LIMITS.operators, 'operators');
  bound('edges', SCENARIO_LIMITS.edges, 'edges');
  bound('slowSubtasks', SCENARIO_LIMITS.slowSubtasks, 'slow subtasks');
  bound('faults', SCENARIO_LIMITS.faults, 'faults');
  const config = Object.hasOwn(raw, 'config') ? raw.config : undefined;
  if (typeof config === 'object' && config !== null && !Array.isArray(config)) {
    const n = Object.keys(config).length;
    if (n > SCENARIO_LIMITS.configEntries) problems.push(`config: ${fmt(n)} entries; ${simulatorLimit('configuration entries', SCENARIO_LIMITS.configEntries)}`);
  }
  const operators = Object.hasOwn(raw, 'operators') ? raw.operators : undefined;
  if (problems.length === 0 && Array.isArray(operators)) {
    operators.forEach((op: unknown, i) => {
      if (typeof op !== 'object' || op === null) return;
      for (const field of ['keys', 'keepKeys']) {
        const list = Object.hasOwn(op, field) ? (op as Record<string, unknown>)[field] : undefined;
        if (Array.isArray(list) && list.length > SCENARIO_LIMITS.keysPerSource) {
          problems.push(`operators.${i}.${field}: ${fmt(list.length)} keys; ${simulatorLimit('keys per source', SCENARIO_LIMITS.keysPerSource)}`);
        }
      }
    });
  }
  return problems;
}

/** What the job's size depends on besides the scenario: configuration that applies to every operator. */
export interface JobSizeDefaults {
  /** `parallelism.default` */
  parallelism: number;
  /** `sim.source.rate`, records per second per partition, overriding each source's */
  sourceRate?: number;
}

/** Subtasks, channels and source rates of the job the scenario makes, against the limits. */
export function jobSizeProblems(spec: ScenarioSpec, defaults: JobSizeDefaults): string[] {
  const problems: string[] = [];
  const parallelismOf = new Map<string, number>();
  let subtasks = 0;
  spec.operators.forEach((op, i) => {
    const p = op.parallelism ?? defaults.parallelism;
    parallelismOf.set(op.id, p);
    subtasks += p;
    if (op.kind !== 'source') return;
    const rate = defaults.sourceRate ?? op.ratePerPartition;
    const perSecond = op.partitions * rate;
    if (perSecond > SCENARIO_LIMITS.sourceRecordsPerSecond) {
      problems.push(`operators.${i}: ${fmt(op.partitions)} partitions × ${fmt(rate)} records/s make ${fmt(perSecond)} records per simulated second; this simulator reads at most ${fmt(SCENARIO_LIMITS.sourceRecordsPerSecond)} per source`);
    }
  });
  if (subtasks > SCENARIO_LIMITS.subtasks) {
    problems.push(`operators: the parallelisms add up to ${fmt(subtasks)} subtasks; ${simulatorLimit('subtasks', SCENARIO_LIMITS.subtasks)}`);
  }
  let channels = 0;
  for (const e of spec.edges) {
    const from = parallelismOf.get(e.from);
    const to = parallelismOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    channels += e.partitioner === 'forward' ? from : from * to;
  }
  if (channels > SCENARIO_LIMITS.channels) {
    problems.push(`edges: the job has ${fmt(channels)} channels (all-to-all edges connect every producer subtask to every consumer subtask); ${simulatorLimit('channels', SCENARIO_LIMITS.channels)}`);
  }
  return problems;
}
