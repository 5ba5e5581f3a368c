import { z } from 'zod';
import { SCENARIO_LIMITS as L, simulatorLimit } from './limits';
import { memoised } from './memoised';
import { ttlDuration, ttlSpecSchema } from './ttlSpec';

// The scenario file format. Built-in scenarios are data in this shape, and a user's JSON file is
// checked against the same schema; errors name the path of what is wrong. The schema is built when
// first used (memoised.ts says why).

/**
 * The fields every operator has, in the order the schema writes them (`common`, then a keyed
 * operator's `ttl`), before `kind` and the fields of its kind: a built-in scenario, which skips the
 * schema, is copied in this order (validate.ts), as the schema would copy it.
 */
export const OPERATOR_LEADING_FIELDS = ['id', 'name', 'parallelism', 'maxParallelism', 'costMs', 'uid', 'ttl'] as const;

function buildScenarioSchema() {
  const text = (limit: number, what: string) => z.string().max(limit, `${what} are at most ${limit.toLocaleString('en-US')} characters here (the simulator's limit)`);
  const id = text(L.idChars, 'ids').regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, starting with a letter');
  const most = (limit: number, what: string) => `${what} is at most ${limit.toLocaleString('en-US')} here (the simulator's limit)`;
  const costMs = z.number().nonnegative().max(L.costMs, most(L.costMs, 'the cost of a record, in ms,')).optional();
  const delayMs = z.number().nonnegative().max(L.channelDelayMs, most(L.channelDelayMs, 'a channel delay, in ms,')).optional();
  const parallelism = z.number().int().min(1).max(L.subtasks, simulatorLimit('subtasks', L.subtasks)).optional();
  const maxParallelism = z.number().int().min(1).max(L.maxParallelism, `Maximum parallelism must be between 1 and ${L.maxParallelism} (Flink's bound)`).optional();

  const common = {
    id,
    name: text(L.nameChars, 'names').min(1),
    parallelism,
    maxParallelism,
    /** processing time per record, simulated ms */
    costMs,
    /** Flink's `uid(String)`: the operator's id in snapshots hashes from it instead of the operator's place in the graph */
    uid: text(L.uidChars, 'uids').min(1, 'a uid is not empty (leave it out for none)').optional(),
  };

  /** keyed operators may give their state a time-to-live (Flink's StateTtlConfig) */
  const keyedCommon = { ...common, ttl: ttlSpecSchema().optional() };

  const keyList = z.array(text(L.keyChars, 'keys').min(1)).min(1).max(L.keysPerSource, simulatorLimit('keys per source', L.keysPerSource));

  const sourceSpec = z.object({
    ...common,
    kind: z.literal('source'),
    topic: text(L.nameChars, 'topic names').min(1).optional(),
    partitions: z.number().int().min(1).max(L.partitionsPerSource, simulatorLimit('partitions per source', L.partitionsPerSource)),
    ratePerPartition: z.number().positive(),
    keys: keyList.optional(),
    /** generate this many keys k0..kN-1 instead of listing them */
    keyCount: z.number().int().min(1).max(L.keysPerSource, simulatorLimit('keys per source', L.keysPerSource)).optional(),
    distribution: z.enum(['uniform', 'skewed']).optional(),
    skew: z.number().nonnegative().max(L.skew, most(L.skew, 'the skew')).optional(),
    maxValue: z.number().int().min(1).max(L.maxValue, most(L.maxValue, 'maxValue')).optional(),
    recordsPerPartition: z.number().int().min(0).max(L.recordsPerPartition, most(L.recordsPerPartition, 'a bounded log\'s length')).optional(),
    replayable: z.boolean().optional(),
    /** ever-new keys (session ids): each is the key of this many consecutive records of a partition, then never again */
    recordsPerSession: z.number().int().min(1).max(L.recordsPerSession, most(L.recordsPerSession, 'recordsPerSession')).optional(),
    /** traffic stops for a while: nothing is appended to the log from `at` for `for` */
    pause: z.object({ at: ttlDuration('pause.at'), for: ttlDuration('pause.for') }).strict().optional(),
  }).strict();

  const operatorSpec = z.discriminatedUnion('kind', [
    sourceSpec,
    z.object({ ...common, kind: z.literal('map'), fn: z.enum(['identity', 'double', 'increment', 'square', 'negate']).optional() }).strict(),
    z.object({ ...common, kind: z.literal('filter'), keepKeys: keyList.optional(), minValue: z.number().optional() }).strict(),
    z.object({ ...common, kind: z.literal('flat-map'), copies: z.number().int().min(0).max(L.flatMapCopies, most(L.flatMapCopies, 'copies')) }).strict(),
    z.object({ ...keyedCommon, kind: z.literal('keyed-count') }).strict(),
    z.object({ ...keyedCommon, kind: z.literal('keyed-sum') }).strict(),
    z.object({ ...keyedCommon, kind: z.literal('keyed-last-n'), n: z.number().int().min(1).max(L.lastN, most(L.lastN, 'n')) }).strict(),
    z.object({ ...keyedCommon, kind: z.literal('keyed-histogram'), bucketSize: z.number().int().min(1).max(L.bucketSize, most(L.bucketSize, 'bucketSize')) }).strict(),
    z.object({ ...keyedCommon, kind: z.literal('keyed-reduce'), reduce: z.enum(['max', 'min', 'sum']) }).strict(),
    z.object({ ...common, kind: z.literal('union') }).strict(),
    z.object({ ...keyedCommon, kind: z.literal('keyed-join') }).strict(),
    z.object({ ...common, kind: z.literal('sink'), retain: z.number().int().min(-1).optional(), sinkKind: z.enum(['plain', 'upsert', 'two-phase-commit']).optional() }).strict(),
  ]);

  const edgeSpec = z.object({
    from: id,
    to: id,
    partitioner: z.enum(['forward', 'rebalance', 'hash', 'broadcast']),
    /** for two-input operators: which input (0 or 1) this edge feeds; default 0 */
    input: z.number().int().min(0).max(1).optional(),
    latencyMs: delayMs,
    jitterMs: delayMs,
    capacity: z.number().int().min(1).max(L.channelCapacity, simulatorLimit('records per channel', L.channelCapacity)).optional(),
  }).strict();

  return z.object({
    id,
    title: text(L.titleChars, 'titles').min(1),
    description: text(L.textBlockChars, 'descriptions'),
    /** the lesson: what to look at */
    lesson: text(L.textBlockChars, 'lesson texts').optional(),
    seed: z.number().int().optional(),
    /** run length the page and `sim` use when no --until is given, simulated ms */
    durationMs: z.number().positive().max(L.durationMs, most(L.durationMs, 'the run length, in ms,')).optional(),
    // zod copies a record into a plain object, where a "__proto__" key vanishes: validation checks
    // the keys of the raw input too (see parseScenario)
    config: z.record(text(L.configKeyChars, 'configuration keys'), z.union([text(L.configValueChars, 'configuration values'), z.number(), z.boolean()]))
      .refine((c) => Object.keys(c).length <= L.configEntries, simulatorLimit('configuration entries', L.configEntries)).optional(),
    operators: z.array(operatorSpec).min(1).max(L.operators, simulatorLimit('operators', L.operators)),
    edges: z.array(edgeSpec).max(L.edges, simulatorLimit('edges', L.edges)),
    slowSubtasks: z.array(z.object({ operator: id, subtask: z.number().int().min(0), factor: z.number().positive().max(L.slowFactor, most(L.slowFactor, 'the slow-down factor')) }).strict())
      .max(L.slowSubtasks, simulatorLimit('slow subtasks', L.slowSubtasks)).optional(),
    taskManagers: z.number().int().min(1).optional(),
    /** faults in the `--fault` syntax: "task:count/1@8 s" */
    faults: z.array(text(L.faultChars, 'faults')).max(L.faults, simulatorLimit('faults', L.faults)).optional(),
  }).strict();
}

/** The scenario schema (zod), built on first use. */
export const scenarioSpecSchema = memoised(buildScenarioSchema);

export type ScenarioSpec = z.infer<ReturnType<typeof buildScenarioSchema>>;
export type OperatorSpec = ScenarioSpec['operators'][number];
export type EdgeSpec = ScenarioSpec['edges'][number];
