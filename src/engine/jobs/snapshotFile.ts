import { z } from 'zod';
import type { KeyedStateEntry, KeyedStateTable, MapStateValue, Primitive, StateValue } from '../model/types';
import type { SubtaskSnapshot } from '../checkpoint/types';
import { assignToKeyGroup } from '../kernels/keyGroups';
import { SCENARIO_LIMITS as L } from '../scenarios/limits';
import { memoised } from '../scenarios/memoised';
import type { OperatorKeyedSnapshot } from './operatorSnapshot';

// A savepoint or retained checkpoint as a JSON file (`sim --savepoint-out`, `--from-savepoint`):
// Flink's _metadata in spirit, state per OperatorID, readable by a person. What comes back from a
// file is hostile input: its size is bounded before it is parsed, its shape checked with zod, and
// its content against itself (parallelism, key-group ranges, every key in the group its hash names).

export const SNAPSHOT_FILE_FORMAT = 'checkpoint-lab-snapshot';
export const SNAPSHOT_FILE_VERSION = 1;

export const SNAPSHOT_FILE_LIMITS = {
  /** characters of a snapshot file */
  textChars: 64 * 2 ** 20,
  /** keyed-state entries (key × state) over the whole snapshot */
  keyedEntries: 2_000_000,
  /** values of one ListState or fields of one MapState */
  valuesPerState: 10_000,
  /** records held in pre-committed transactions and in-flight channel state, over the whole snapshot */
  records: 2_000_000,
} as const;

export class SnapshotFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotFileError';
  }
}

type JsonStateValue = Primitive | Primitive[] | { map: [string, Primitive][] };

function encodeValue(v: StateValue): JsonStateValue {
  return v instanceof Map ? { map: [...v] } : v;
}

function decodeValue(v: JsonStateValue): StateValue {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return new Map(v.map) as MapStateValue;
  return v;
}

function encodeSubtask(s: SubtaskSnapshot) {
  return {
    keyGroupRange: s.keyGroupRange,
    keyed: [...s.keyed].map(([g, group]) => [g, [...group].map(([key, entry]) => [key, [...entry].map(([name, v]) => [name, encodeValue(v)])])]),
    operator: s.operator,
    inputChannelState: s.inputChannelState,
    outputChannelState: s.outputChannelState,
    files: s.files,
  };
}

/** The snapshot as the text of a file. */
export function encodeSnapshotFile(snap: OperatorKeyedSnapshot, origin: { scenario: string; seed: number }): string {
  const { operators, ...checkpoint } = snap;
  return JSON.stringify({
    format: SNAPSHOT_FILE_FORMAT, version: SNAPSHOT_FILE_VERSION, origin, checkpoint,
    operators: operators.map((o) => ({ ...o, subtasks: o.subtasks.map(encodeSubtask) })),
  }, null, 1);
}

// ---------------------------------------------------------------------------------------------

/** The file's schema (zod), built on first use (scenarios/memoised.ts). */
const fileSchema = memoised(() => {
  const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
  const time = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER);
  const shortText = (n: number) => z.string().max(n);
  const primitive = z.union([z.string().max(L.keyChars * 4), z.number(), z.boolean(), z.null()]);
  const stateValue = z.union([
    primitive,
    z.array(primitive).max(SNAPSHOT_FILE_LIMITS.valuesPerState),
    z.object({ map: z.array(z.tuple([shortText(L.keyChars * 4), primitive])).max(SNAPSHOT_FILE_LIMITS.valuesPerState) }).strict(),
  ]);
  const stateName = shortText(L.nameChars).min(1);
  const rec = z.object({ key: shortText(L.keyChars), value: z.number(), src: count, part: count, off: count, sub: count, ts: time }).strict();
  const records = z.array(rec).max(L.recordsInFlight);
  const channelState = z.record(z.string().regex(/^\d{1,6}$/), records);
  const operatorState = z.object({
    SourceReaderState: z.array(z.object({ topic: shortText(L.nameChars).optional(), partition: count.max(L.partitionsPerSource), offset: count }).strict()).max(L.partitionsPerSource).optional(),
    'pending-commit-transactions': z.array(z.object({ checkpointId: count, txn: shortText(400), records, startedAt: time.optional() }).strict()).max(1000).optional(),
  }).strict();
  const subtask = z.object({
    keyGroupRange: z.tuple([count, count]).nullable(),
    keyed: z.array(z.tuple([count, z.array(z.tuple([shortText(L.keyChars), z.array(z.tuple([stateName, stateValue])).max(16)]))])).max(L.maxParallelism),
    operator: operatorState,
    inputChannelState: channelState,
    outputChannelState: channelState,
    files: z.array(z.object({ name: shortText(400), bytes: count }).strict()).max(100_000),
  }).strict();
  const checkpointType = z.enum(['CHECKPOINT', 'UNALIGNED_CHECKPOINT', 'SAVEPOINT', 'SYNC_SAVEPOINT']);
  return z.object({
    format: z.literal(SNAPSHOT_FILE_FORMAT),
    version: z.literal(SNAPSHOT_FILE_VERSION),
    origin: z.object({ scenario: shortText(L.idChars), seed: z.number().int() }).strict(),
    checkpoint: z.object({
      checkpointId: count.min(1), isSavepoint: z.boolean(), type: checkpointType, triggerTime: time, completedAt: time, stateBytes: count,
      storage: z.enum(['jobmanager', 'filesystem']), backend: z.enum(['hashmap', 'rocksdb']), externalPath: shortText(400).min(1),
    }).strict(),
    operators: z.array(z.object({
      operatorId: z.string().regex(/^[0-9a-f]{32}$/, 'an OperatorID is 32 hexadecimal digits'),
      uid: shortText(L.uidChars).min(1).nullable(),
      vertex: shortText(L.idChars), name: shortText(L.nameChars), kind: shortText(40),
      parallelism: count.min(1).max(L.subtasks),
      maxParallelism: count.min(1).max(L.maxParallelism),
      keyed: z.boolean(),
      states: z.array(z.object({ name: stateName, kind: z.enum(['value', 'list', 'map', 'reducing']), ttl: z.literal(true).optional() }).strict()).max(16),
      subtasks: z.array(subtask).max(L.subtasks),
    }).strict()).max(L.operators),
  }).strict();
});

type SnapshotFileJson = z.infer<ReturnType<typeof fileSchema>>;
type SubtaskJson = SnapshotFileJson['operators'][number]['subtasks'][number];

function issueText(issue: z.core.$ZodIssue): string {
  return `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`;
}

/** Checks what the schema cannot: the snapshot agrees with itself. Returns the problems. */
function consistencyProblems(file: SnapshotFileJson): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let recs = 0;
  file.operators.forEach((op, i) => {
    const at = `operators.${i}`;
    if (seen.has(op.operatorId)) problems.push(`${at}.operatorId: ${op.operatorId} appears twice`);
    seen.add(op.operatorId);
    if (op.subtasks.length !== op.parallelism) problems.push(`${at}.subtasks: ${op.subtasks.length} subtasks for parallelism ${op.parallelism}`);
    if (op.parallelism > op.maxParallelism) problems.push(`${at}: parallelism ${op.parallelism} exceeds its max parallelism ${op.maxParallelism}`);
    op.subtasks.forEach((s, k) => {
      const sat = `${at}.subtasks.${k}`;
      const range = s.keyGroupRange;
      if (range && (range[0] > range[1] || range[1] >= op.maxParallelism)) problems.push(`${sat}.keyGroupRange: [${range.join(', ')}] is not within 0..${op.maxParallelism - 1}`);
      if (s.keyed.length && !range) problems.push(`${sat}.keyed: keyed state without a key-group range`);
      for (const [g, group] of s.keyed) {
        if (range && (g < range[0] || g > range[1])) problems.push(`${sat}.keyed: key group ${g} is outside the range [${range.join(', ')}]`);
        for (const [key, states] of group) {
          entries += states.length;
          if (assignToKeyGroup(key, op.maxParallelism) !== g) problems.push(`${sat}.keyed: key ${JSON.stringify(key.slice(0, 40))} belongs to key group ${assignToKeyGroup(key, op.maxParallelism)}, not ${g}`);
        }
      }
      for (const t of s.operator['pending-commit-transactions'] ?? []) recs += t.records.length;
      for (const list of [...Object.values(s.inputChannelState), ...Object.values(s.outputChannelState)]) recs += list.length;
    });
  });
  if (entries > SNAPSHOT_FILE_LIMITS.keyedEntries) problems.push(`the snapshot holds ${entries.toLocaleString('en-US')} keyed-state entries; this simulator reads at most ${SNAPSHOT_FILE_LIMITS.keyedEntries.toLocaleString('en-US')}`);
  if (recs > SNAPSHOT_FILE_LIMITS.records) problems.push(`the snapshot holds ${recs.toLocaleString('en-US')} records; this simulator reads at most ${SNAPSHOT_FILE_LIMITS.records.toLocaleString('en-US')}`);
  return problems;
}

function decodeSubtask(s: SubtaskJson): SubtaskSnapshot {
  const keyed: KeyedStateTable = new Map();
  for (const [g, group] of s.keyed) {
    const keys = new Map<string, KeyedStateEntry>();
    for (const [key, states] of group) keys.set(key, new Map(states.map(([name, v]) => [name, decodeValue(v as JsonStateValue)])));
    keyed.set(g, keys);
  }
  // operator state names are the engine's own, checked by the schema: a plain object is safe here
  const operator: SubtaskSnapshot['operator'] = {};
  if (s.operator.SourceReaderState) operator.SourceReaderState = s.operator.SourceReaderState;
  if (s.operator['pending-commit-transactions']) operator['pending-commit-transactions'] = s.operator['pending-commit-transactions'];
  const channels = (c: SubtaskJson['inputChannelState']) => Object.fromEntries(Object.entries(c));
  return { keyed, keyGroupRange: s.keyGroupRange, operator, inputChannelState: channels(s.inputChannelState), outputChannelState: channels(s.outputChannelState), files: s.files };
}

/** A snapshot file's text as a snapshot, or a SnapshotFileError naming the first problems. */
export function decodeSnapshotFile(text: string): { snapshot: OperatorKeyedSnapshot; origin: { scenario: string; seed: number } } {
  if (text.length > SNAPSHOT_FILE_LIMITS.textChars) {
    throw new SnapshotFileError(`the file has ${text.length.toLocaleString('en-US')} characters; this simulator reads snapshot files of at most ${SNAPSHOT_FILE_LIMITS.textChars.toLocaleString('en-US')}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SnapshotFileError(`it is not JSON (${(e as Error).message.slice(0, 200)})`);
  }
  const head = z.object({ format: z.literal(SNAPSHOT_FILE_FORMAT), version: z.number() }).safeParse(json);
  if (!head.success) throw new SnapshotFileError(`it is not a snapshot file written by sim --savepoint-out or --checkpoint-out (no "format": "${SNAPSHOT_FILE_FORMAT}")`);
  if (head.data.version !== SNAPSHOT_FILE_VERSION) throw new SnapshotFileError(`snapshot file version ${head.data.version} is not supported; this simulator reads version ${SNAPSHOT_FILE_VERSION}`);
  const parsed = fileSchema().safeParse(json);
  if (!parsed.success) throw new SnapshotFileError(parsed.error.issues.slice(0, L.problemsShown).map(issueText).join('; '));
  const problems = consistencyProblems(parsed.data);
  if (problems.length) throw new SnapshotFileError(problems.slice(0, L.problemsShown).join('; ') + (problems.length > L.problemsShown ? `; and ${problems.length - L.problemsShown} more` : ''));
  const { checkpoint, operators } = parsed.data;
  return {
    origin: parsed.data.origin,
    snapshot: { ...checkpoint, operators: operators.map((o) => ({ ...o, subtasks: o.subtasks.map(decodeSubtask) })) },
  };
}
