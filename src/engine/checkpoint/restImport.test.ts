import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInitialState } from '../sim/simulation';
import { defaultScenario } from '../scenarios/builtin/default';
import { checkpointingStatistics } from './restStats';
import { importFlinkCheckpoints, RestImportError, type FlinkRestDocuments } from './restImport';
import { checkpointPatterns } from './restPatterns';

// Documents from Flink's REST API (see __fixtures__/flink-rest/README.md): each accepted and turned
// into the statistics the Checkpoints panel reads; broken ones refused with the path of the problem.

const DIR = join(import.meta.dirname, '__fixtures__', 'flink-rest');
const read = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const V_MAP = '90bea66de1c231edf33913ecd54406c1';
const V_SINK = '6d2677a0ecc3fd8df0b72ec675edf8f4';
const V_SRC = 'cbc357ccb763df2852fee8c4fc7d55f2';

function fullSet(): FlinkRestDocuments {
  return {
    checkpoints: read('spec-checkpoints.json'),
    config: read('spec-config.json'),
    details: [read('spec-details-4.json'), read('spec-details-6.json')],
    subtasks: [
      { checkpointId: 4, vertexId: V_MAP, document: read('spec-details-4-subtasks-map.json') },
      { checkpointId: 6, vertexId: V_SINK, document: read('spec-details-6-subtasks-sink.json') },
      { checkpointId: 7, vertexId: V_SRC, document: read('spec-details-7-subtasks-source.json') },
    ],
    job: read('spec-job.json'),
  };
}

function problemsOf(docs: FlinkRestDocuments): string[] {
  try {
    importFlinkCheckpoints(docs);
  } catch (e) {
    if (e instanceof RestImportError) return e.problems;
    throw e;
  }
  throw new Error('accepted');
}

describe('importFlinkCheckpoints', () => {
  it('accepts a real job\'s document published by Apache StreamPark (older Flink: fewer fields)', () => {
    const { statistics, epochMs, notes } = importFlinkCheckpoints({ checkpoints: read('streampark-checkpoints.json') });
    expect(epochMs).toBe(1658138497283);
    expect(statistics.counts).toEqual({ restored: 0, total: 1914, in_progress: 0, completed: 1914, failed: 0 });
    expect(statistics.history).toHaveLength(1);
    expect(statistics.history[0]).toMatchObject({ id: 1914, status: 'COMPLETED', checkpoint_type: 'CHECKPOINT', trigger_timestamp: 0, latest_ack_timestamp: 89, end_to_end_duration: 89, state_size: 31096, checkpointed_size: 0, discarded: false });
    expect(statistics.summary.end_to_end_duration).toEqual({ min: 63, max: 6273, avg: 135 });
    expect(statistics.latest.completed?.external_path).toContain('chk-1914');
    expect(notes).toEqual([]);
  });

  it('turns the spec-built documents into the shape checkpointingStatistics gives for a simulated job', () => {
    const { statistics, config, epochMs } = importFlinkCheckpoints(fullSet());
    const simulated = checkpointingStatistics(createInitialState(defaultScenario));
    expect(Object.keys(statistics).sort()).toEqual(Object.keys(simulated).sort());
    expect(Object.keys(statistics.summary).sort()).toEqual(Object.keys(simulated.summary).sort());
    expect(Object.keys(statistics.counts).sort()).toEqual(Object.keys(simulated.counts).sort());
    expect(epochMs).toBe(1767225600000 + 25000);
    // oldest first, as the lab lists them; times from the first trigger
    expect(statistics.history.map((h) => [h.id, h.status, h.checkpoint_type, h.trigger_timestamp])).toEqual([
      [3, 'COMPLETED', 'SAVEPOINT', 0], [4, 'COMPLETED', 'CHECKPOINT', 5000], [5, 'FAILED', 'CHECKPOINT', 15000],
      [6, 'COMPLETED', 'UNALIGNED_CHECKPOINT', 25000], [7, 'IN_PROGRESS', 'CHECKPOINT', 35000],
    ]);
    const four = statistics.history[1];
    expect(Object.keys(four.tasks)).toEqual([V_SRC, V_MAP, V_SINK]);
    expect(four.tasks[V_MAP]).toMatchObject({ name: 'Map -> Keyed Count', num_subtasks: 2, processed_data: 4096, end_to_end_duration: 1850, latest_ack_timestamp: 6850 });
    expect(four.tasks[V_MAP].subtasks[0]).toEqual({
      index: 0, status: 'completed', ack_timestamp: 6850, end_to_end_duration: 1850, checkpointed_size: 20480, state_size: 20480,
      checkpoint: { sync: 3, async: 40 }, alignment: { buffered: 0, processed: 2048, persisted: 0, duration: 1210 }, start_delay: 380, unaligned_checkpoint: false, aborted: false,
    });
    expect(statistics.history[2]).toMatchObject({ failure_message: 'Checkpoint expired before completing.', failure_timestamp: 615000 });
    expect(statistics.history[4].tasks).toEqual({});
    expect(statistics.latest.restored).toEqual({ id: 2, restore_timestamp: -30000, is_savepoint: false, external_path: expect.stringContaining('chk-2') });
    expect(statistics.latest.savepoint?.id).toBe(3);
    expect(statistics.summary.persisted_data).toEqual({ min: 0, max: 65536, avg: 21845 });
    expect(config).toMatchObject({ mode: 'exactly_once', interval: 10000, unaligned_checkpoints: true });
  });

  it('reads a pending subtask as pending', () => {
    const docs = fullSet();
    docs.details = [...docs.details!, { ...(read('spec-checkpoints.json') as { history: object[] }).history[0], tasks: { [V_SRC]: { id: 7, status: 'IN_PROGRESS', latest_ack_timestamp: 1767225660040, num_subtasks: 2, num_acknowledged_subtasks: 1 } } }];
    const seven = importFlinkCheckpoints(docs).statistics.history[4];
    expect(seven.tasks[V_SRC].subtasks.map((s) => [s.index, s.status, s.ack_timestamp])).toEqual([[0, 'completed', 35040], [1, 'pending_or_failed', null]]);
  });

  it('notes the patterns a lesson explains, as data', () => {
    const { notes } = importFlinkCheckpoints(fullSet());
    expect(notes).toEqual([
      { pattern: 'alignment-dominates', lesson: 'backpressure', checkpoints: [4], evidence: expect.any(String) },
      { pattern: 'checkpoints-expiring', lesson: 'backpressure', checkpoints: [5], evidence: expect.any(String) },
      { pattern: 'persisted-in-flight', lesson: 'unaligned', checkpoints: [6], evidence: expect.any(String) },
      { pattern: 'async-dominates', lesson: 'state-backends', checkpoints: [6], evidence: expect.any(String) },
    ]);
    // the same notes read a simulated run's statistics
    expect(checkpointPatterns(checkpointingStatistics(createInitialState(defaultScenario)))).toEqual([]);
  });

  it('keeps hostile vertex ids as plain data', () => {
    const doc = clone(read('spec-details-4.json')) as { tasks: Record<string, unknown> };
    const task = doc.tasks[V_MAP];
    const tasks = JSON.parse(`{"__proto__": ${JSON.stringify(task)}, "constructor": ${JSON.stringify(task)}}`);
    const { statistics } = importFlinkCheckpoints({ checkpoints: read('spec-checkpoints.json'), details: [{ ...doc, tasks }] });
    const four = statistics.history[1];
    expect(Object.keys(four.tasks).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(four.tasks)).toBe(null);
    expect(({} as Record<string, unknown>).num_subtasks).toBeUndefined();
  });

  const mutations: [string, (d: FlinkRestDocuments) => void, RegExp][] = [
    ['a history entry without an id', (d) => { delete (d.checkpoints as { history: Record<string, unknown>[] }).history[1].id; }, /^checkpoints\.history\.1\.id: /],
    ['an unknown status', (d) => { (d.checkpoints as { history: Record<string, unknown>[] }).history[0].status = 'DONE'; }, /^checkpoints\.history\.0\.status: /],
    ['a negative size', (d) => { (d.checkpoints as { history: Record<string, unknown>[] }).history[2].state_size = -5; }, /^checkpoints\.history\.2\.state_size: /],
    ['a size past the safe integers', (d) => { (d.checkpoints as { latest: { completed: Record<string, unknown> } }).latest.completed.checkpointed_size = 2 ** 60; }, /^checkpoints\.latest\.completed\.checkpointed_size: /],
    ['counts as text', (d) => { (d.checkpoints as { counts: Record<string, unknown> }).counts.total = '7'; }, /^checkpoints\.counts\.total: /],
    ['history not a list', (d) => { (d.checkpoints as Record<string, unknown>).history = {}; }, /^checkpoints\.history: /],
    ['too long a history', (d) => { const c = d.checkpoints as { history: unknown[] }; c.history = Array(1001).fill(c.history[0]); }, /^checkpoints\.history: .*1,000/],
    ['a bad task at its vertex id', (d) => { ((d.details![0] as { tasks: Record<string, Record<string, unknown>> }).tasks[V_MAP]).num_subtasks = -1; }, new RegExp(`^details\\.0\\.tasks\\.${V_MAP}\\.num_subtasks: `)],
    ['a huge failure message', (d) => { (d.checkpoints as { history: Record<string, unknown>[] }).history[2].failure_message = 'x'.repeat(20_001); }, /^checkpoints\.history\.2\.failure_message: /],
    ['a subtask document without subtasks', (d) => { delete (d.subtasks![0].document as Record<string, unknown>).subtasks; }, /^subtasks\.0\.document\.subtasks: /],
    ['a subtask with an unknown status', (d) => { ((d.subtasks![0].document as { subtasks: Record<string, unknown>[] }).subtasks[1]).status = 'ok'; }, /^subtasks\.0\.document\.subtasks\.1\.status: /],
    ['a config without an interval', (d) => { delete (d.config as Record<string, unknown>).interval; }, /^config\.interval: /],
    ['a job whose vertices have no ids', (d) => { delete ((d.job as { vertices: Record<string, unknown>[] }).vertices[0]).id; }, /^job\.vertices\.0\.id: /],
    ['not a document at all', (d) => { d.checkpoints = 'hello'; }, /^checkpoints: /],
  ];
  it.each(mutations)('refuses %s, naming the path', (_, mutate, path) => {
    const docs = clone(fullSet());
    mutate(docs);
    const problems = problemsOf(docs);
    expect(problems.some((p) => path.test(p)), problems.join('\n')).toBe(true);
  });

  it('tolerates fields it does not know', () => {
    const docs = clone(fullSet());
    (docs.checkpoints as Record<string, unknown>).future_field = { anything: [1, 2] };
    (docs.checkpoints as { history: Record<string, unknown>[] }).history[0].another = 'x';
    expect(() => importFlinkCheckpoints(docs)).not.toThrow();
  });

  it('refuses a set of documents whose lists are not lists, by name (found by the fuzzer)', () => {
    const details = { ...fullSet(), details: { 0: 'x' } } as unknown as FlinkRestDocuments;
    expect(problemsOf(details)).toEqual(['details: expected a list of documents, got object']);
    const subtasks = { ...fullSet(), subtasks: [null] } as unknown as FlinkRestDocuments;
    expect(problemsOf(subtasks)[0]).toMatch(/^subtasks\.0: give the checkpoint id/);
  });
});

