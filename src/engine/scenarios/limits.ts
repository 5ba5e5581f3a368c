import { quote } from '../text/echo';
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
  /** an operator's `uid`: Flink takes any string, this simulator shows it in tables */
  uidChars: 200,
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
  /** characters of the problems a message lists: one long problem (a list of names) crowds out the rest, and a message stays readable */
  problemsShownChars: 1500,
  /** a scenario's run length (simulated ms) when no --until is given: an hour, the span the run guard (sim/runGuard.ts) is sized for */
  durationMs: 3_600_000,
  /** records one channel holds (credits), per edge or `sim.channel.capacity`; Flink's channels hold a few buffers, not thousands of records */
  channelCapacity: 4096,
  /** the capacities of all channels added up: the records that may be in flight at once, each drawn and kept in memory */
  recordsInFlight: 262_144,
  /** channel latency and jitter, per edge or `sim.channel.latency`/`jitter`, simulated ms: slower than a minute, nothing in flight arrives within the runs shown here */
  channelDelayMs: 60_000,
  /** processing time of one record, `costMs` or `sim.processing.cost`, simulated ms: longer would block a task through every checkpoint of a run */
  costMs: 10_000,
  /** how many times slower a slow subtask is: a record costs at most costMs × this */
  slowFactor: 1000,
  /** records of a bounded log: more than a run reads in an hour at 25,000 records/s; ids and offsets stay exact */
  recordsPerPartition: 100_000_000,
  /** records per session id of a source with ever-new keys */
  recordsPerSession: 1_000_000,
  /** source values are 1..maxValue: squared and summed over 900,000 records per key they stay exact integers (below 2^53) */
  maxValue: 100_000,
  /** a histogram bucket's width: the bucket bounds stay exact integers */
  bucketSize: 1_000_000_000,
  /** Zipf exponent of a skewed source: past 10 nearly every record has the first key, and larger ones change nothing */
  skew: 10,
  /** values a keyed-last-n keeps per key */
  lastN: 100,
  /** records a flat-map makes of one; a copy's number (`sub`) takes one hexadecimal digit per flat-map */
  flatMapCopies: 16,
  /** flat-maps on one path from a source: each multiplies the copy number by 16, exact through 16^13 (below 2^53) */
  flatMapsInARow: 13,
  /** records that one record of each source becomes at any operator: flat-map copies × broadcast fan-outs, summed over the paths */
  recordsPerSourceRecord: 256,
} as const;

export type ScenarioLimit = keyof typeof SCENARIO_LIMITS;

const fmt = (n: number) => n.toLocaleString('en-US');
/** `sim.channel.capacity`'s default (config/keys.ts), for callers that pass none */
const DEFAULT_CAPACITY = 8;

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
  /** `sim.channel.capacity`, `sim.channel.latency`, `sim.channel.jitter`: for edges without their own */
  channelCapacity?: number;
  channelLatencyMs?: number;
  channelJitterMs?: number;
  /** `sim.processing.cost`, for operators without their own */
  costMs?: number;
}

/** What jobSizeDefaults reads of a configuration (the engine's Conf; named by shape, so config/ may import the limits). */
export interface ConfReader {
  number(key: string): number | undefined;
  duration(key: string): number | undefined;
}

/** The job-size defaults a configuration gives (Flink's defaults filled in). */
export function jobSizeDefaults(conf: ConfReader): JobSizeDefaults {
  return {
    parallelism: conf.number('parallelism.default') ?? 1,
    sourceRate: conf.number('sim.source.rate'),
    channelCapacity: conf.number('sim.channel.capacity'),
    channelLatencyMs: conf.duration('sim.channel.latency'),
    channelJitterMs: conf.duration('sim.channel.jitter'),
    costMs: conf.duration('sim.processing.cost'),
  };
}

/** The configuration's values that the limits bound; the schema checks the scenario's own. */
function configuredProblems(d: JobSizeDefaults): string[] {
  const problems: string[] = [];
  const bound = (key: string, value: number | undefined, limit: number, unit: string) => {
    if (value !== undefined && value > limit) problems.push(`${key}: ${fmt(value)}${unit} is more than the ${fmt(limit)}${unit} this simulator runs`);
  };
  bound('sim.channel.latency', d.channelLatencyMs, SCENARIO_LIMITS.channelDelayMs, ' ms');
  bound('sim.channel.jitter', d.channelJitterMs, SCENARIO_LIMITS.channelDelayMs, ' ms');
  bound('sim.processing.cost', d.costMs, SCENARIO_LIMITS.costMs, ' ms');
  bound('sim.channel.capacity', d.channelCapacity, SCENARIO_LIMITS.channelCapacity, ' records');
  return problems;
}

/**
 * Records that one record of each source becomes at each operator, summed over the paths to it
 * (for operators fed by several sources, an upper bound), and the most flat-maps on one path.
 * One pass in topological order: O(V+E). Operators on a cycle are not reached; validation refuses cycles.
 */
function amplificationProblems(spec: ScenarioSpec, parallelismOf: ReadonlyMap<string, number>): string[] {
  const index = new Map(spec.operators.map((op, i) => [op.id, i]));
  const n = spec.operators.length;
  const out: { to: number; fanOut: number }[][] = Array.from({ length: n }, () => []);
  const inDegree = new Array<number>(n).fill(0);
  for (const e of spec.edges) {
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from === undefined || to === undefined) continue;
    out[from].push({ to, fanOut: e.partitioner === 'broadcast' ? parallelismOf.get(e.to) ?? 1 : 1 });
    inDegree[to]++;
  }
  const copiesOf = (i: number) => {
    const op = spec.operators[i];
    return op.kind === 'flat-map' ? op.copies : 1;
  };
  const records = new Array<number>(n).fill(0);
  const flatMaps = new Array<number>(n).fill(0);
  const ready: number[] = [];
  spec.operators.forEach((op, i) => {
    if (op.kind === 'source') records[i] = 1;
    if (inDegree[i] === 0) ready.push(i);
  });
  let tooMany = '';
  let tooDeep = '';
  while (ready.length) {
    const i = ready.pop()!;
    const op = spec.operators[i];
    // what arrived, times the copies this operator makes of each
    records[i] *= copiesOf(i);
    if (op.kind === 'flat-map') flatMaps[i]++;
    // downstream of the first operator past a bound every one is past it too: name the first only
    if (!tooMany && records[i] > SCENARIO_LIMITS.recordsPerSourceRecord) {
      tooMany = `operators.${i}: one record of each source becomes ${fmt(records[i])} records at ${quote(op.id)} (flat-map copies × broadcast fan-outs, summed over the paths); this simulator runs at most ${SCENARIO_LIMITS.recordsPerSourceRecord}`;
    }
    if (!tooDeep && flatMaps[i] > SCENARIO_LIMITS.flatMapsInARow) {
      tooDeep = `operators.${i}: ${quote(op.id)} is flat-map number ${flatMaps[i]} on a path from a source; ${simulatorLimit('flat-maps in a row', SCENARIO_LIMITS.flatMapsInARow)}`;
    }
    for (const e of out[i]) {
      records[e.to] += records[i] * e.fanOut;
      flatMaps[e.to] = Math.max(flatMaps[e.to], flatMaps[i]);
      if (--inDegree[e.to] === 0) ready.push(e.to);
    }
  }
  return [tooMany, tooDeep].filter(Boolean);
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
  let inFlight = 0;
  for (const e of spec.edges) {
    const from = parallelismOf.get(e.from);
    const to = parallelismOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    const count = e.partitioner === 'forward' ? from : from * to;
    channels += count;
    inFlight += count * (e.capacity ?? defaults.channelCapacity ?? DEFAULT_CAPACITY);
  }
  if (channels > SCENARIO_LIMITS.channels) {
    problems.push(`edges: the job has ${fmt(channels)} channels (all-to-all edges connect every producer subtask to every consumer subtask); ${simulatorLimit('channels', SCENARIO_LIMITS.channels)}`);
  } else if (inFlight > SCENARIO_LIMITS.recordsInFlight) {
    problems.push(`edges: the capacities of the job's ${fmt(channels)} channels add up to ${fmt(inFlight)} records in flight; ${simulatorLimit('records in flight', SCENARIO_LIMITS.recordsInFlight)} (lower sim.channel.capacity)`);
  }
  problems.push(...configuredProblems(defaults), ...amplificationProblems(spec, parallelismOf));
  return problems;
}
