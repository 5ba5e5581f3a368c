import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../engine';
import { looksLikeFlinkRest, readFlinkRestDocuments, restDocumentKind, splitJsonDocuments, type ImportResult } from './importedDocuments';
import { createImportedJobStore } from './importedJob';

// Files and pasted text of Flink REST documents (the engine's fixtures, see their README): told
// apart by their fields, matched to their vertex, checked by the engine, refused by file and path.

const DIR = join(import.meta.dirname, '..', 'engine', 'checkpoint', '__fixtures__', 'flink-rest');
const file = (name: string) => ({ name, text: readFileSync(join(DIR, name), 'utf8') });
const V_MAP = '90bea66de1c231edf33913ecd54406c1';
const V_SINK = '6d2677a0ecc3fd8df0b72ec675edf8f4';

const ALL = ['spec-checkpoints.json', 'spec-config.json', 'spec-details-4.json', 'spec-details-6.json', 'spec-details-4-subtasks-map.json', 'spec-details-6-subtasks-sink.json', 'spec-details-7-subtasks-source.json', 'spec-job.json'];

function job(r: ImportResult) {
  if ('problem' in r) throw new Error(r.problem);
  return r.job;
}
function problem(r: ImportResult): string {
  if ('problem' in r) return r.problem;
  throw new Error('accepted');
}

describe('reading Flink REST documents from files and pasted text', () => {
  it('tells each document apart by its fields', () => {
    expect(ALL.map((n) => restDocumentKind(JSON.parse(file(n).text)))).toEqual(['checkpoints', 'config', 'details', 'details', 'subtasks', 'subtasks', 'subtasks', 'job']);
    expect(restDocumentKind(builtinScenario('default'))).toBeNull();
    expect(restDocumentKind({ checkpoints: {} })).toBe('bundle');
    expect(restDocumentKind([])).toBeNull();
  });

  it('opens a real job\'s document on its own', () => {
    const j = job(readFlinkRestDocuments([file('streampark-checkpoints.json')]));
    expect(j.source).toBe('streampark-checkpoints.json');
    expect(j.imported.statistics.history.map((h) => [h.id, h.status])).toEqual([[1914, 'COMPLETED']]);
    expect(j.jobName).toBeNull();
  });

  it('puts separate files together: each subtasks document lands at the vertex whose figures it repeats', () => {
    const j = job(readFlinkRestDocuments(ALL.map(file)));
    expect(j.jobName).toBe('Checkpoint Lab: Counting animals');
    expect(j.jobId).toBe('4f3d9c2ab17e5d08c6a1f09b3e2d7c55');
    const [, four, , six] = j.imported.statistics.history;
    expect(four.tasks[V_MAP].subtasks.map((s) => s.alignment.duration)).toEqual([1210, 920]);
    expect(six.tasks[V_SINK].subtasks).toHaveLength(2);
    expect(j.imported.config?.interval).toBe(10000);
    // checkpoint 7 has no details document: its subtasks have no vertex to sit under
    expect(j.setAside).toEqual([{ kind: 'subtasks', source: 'spec-details-7-subtasks-source.json', checkpointId: 7 }]);
    expect(j.imported.notes.map((n) => n.pattern)).toEqual(['alignment-dominates', 'checkpoints-expiring', 'persisted-in-flight', 'async-dominates']);
  });

  it('takes the vertex id from a file named after it, as saved from …/subtasks/:vertexid', () => {
    const sink = file('spec-details-6-subtasks-sink.json');
    const doc = JSON.parse(sink.text);
    doc.state_size = 1; // no longer the figures of its vertex in the details
    const j = job(readFlinkRestDocuments([file('spec-checkpoints.json'), file('spec-details-6.json'), { name: `subtasks-${V_SINK}.json`, text: JSON.stringify(doc) }]));
    expect(j.imported.statistics.history[3].tasks[V_SINK].subtasks).toHaveLength(2);
    const unnamed = job(readFlinkRestDocuments([file('spec-checkpoints.json'), file('spec-details-6.json'), { name: 'sink.json', text: JSON.stringify(doc) }]));
    expect(unnamed.setAside).toEqual([{ kind: 'subtasks', source: 'sink.json', checkpointId: 6 }]);
  });

  it('reads pasted text holding several documents one after another, or a list of them', () => {
    const text = `${file('spec-checkpoints.json').text}\n${file('spec-details-4.json').text}${file('spec-details-4-subtasks-map.json').text}`;
    const j = job(readFlinkRestDocuments([{ name: '', text }]));
    expect(j.source).toBe('');
    expect(j.imported.statistics.history[1].tasks[V_MAP].subtasks).toHaveLength(2);
    const list = `[${file('spec-checkpoints.json').text}, ${file('spec-config.json').text}]`;
    expect(job(readFlinkRestDocuments([{ name: '', text: list }])).imported.config?.mode).toBe('exactly_once');
  });

  it('reads one document bundling them, as FlinkRestDocuments', () => {
    const read = (n: string) => JSON.parse(file(n).text);
    const bundle = { checkpoints: read('spec-checkpoints.json'), config: read('spec-config.json'), details: [read('spec-details-4.json')], subtasks: [{ checkpointId: 4, vertexId: V_MAP, document: read('spec-details-4-subtasks-map.json') }], job: read('spec-job.json') };
    const j = job(readFlinkRestDocuments([{ name: 'job.json', text: JSON.stringify(bundle) }]));
    expect(j.jobName).toBe('Checkpoint Lab: Counting animals');
    expect(j.imported.statistics.history[1].tasks[V_MAP].subtasks).toHaveLength(2);
  });

  it('refuses a wrong document, naming the file and the path of what is wrong', () => {
    const doc = JSON.parse(file('spec-checkpoints.json').text);
    doc.history[0].status = 'DONE';
    expect(problem(readFlinkRestDocuments([{ name: 'cp.json', text: JSON.stringify(doc) }, file('spec-config.json')]))).toMatch(/^not what Flink's REST API returns: cp\.json: checkpoints\.history\.0\.status: /);
    const details = JSON.parse(file('spec-details-4.json').text);
    details.tasks[V_MAP].num_subtasks = -1;
    expect(problem(readFlinkRestDocuments([file('spec-checkpoints.json'), { name: 'd4.json', text: JSON.stringify(details) }]))).toContain(`d4.json: details.0.tasks.${V_MAP}.num_subtasks: `);
    expect(problem(readFlinkRestDocuments([{ name: 'x.json', text: '{"hello": 1}' }]))).toMatch(/x\.json: checkpoints\.counts: /);
    expect(problem(readFlinkRestDocuments([{ name: 'x.json', text: '{"counts": ' }]))).toMatch(/^x\.json: it is not JSON/);
    expect(problem(readFlinkRestDocuments([{ name: '', text: '{} nonsense' }]))).toMatch(/^the pasted text: it is not JSON/);
    expect(problem(readFlinkRestDocuments([{ name: '', text: '{"counts": {}}' }]))).toMatch(/^not what Flink's REST API returns: checkpoints\.counts\.restored: /);
    expect(problem(readFlinkRestDocuments([file('spec-checkpoints.json'), { name: 's.json', text: JSON.stringify(builtinScenario('default')) }]))).toMatch(/^s\.json: not a document of Flink's REST API/);
    expect(problem(readFlinkRestDocuments([file('spec-checkpoints.json'), file('streampark-checkpoints.json')]))).toMatch(/^two GET \/jobs\/:jobid\/checkpoints documents/);
    expect(problem(readFlinkRestDocuments([file('spec-config.json')]))).toMatch(/^no GET \/jobs\/:jobid\/checkpoints document/);
    expect(problem(readFlinkRestDocuments([]))).toBe('nothing to import');
  });

  it('bounds the work before doing it', () => {
    expect(problem(readFlinkRestDocuments([{ name: 'big.json', text: ' '.repeat(16_000_001) }]))).toMatch(/at most 16 million characters/);
    expect(() => splitJsonDocuments('{}'.repeat(2_001))).toThrow(/at most 2,000 documents/);
    expect(splitJsonDocuments('{"a": "}{\\"]"} [1]')).toEqual([{ a: '}{"]' }, [1]]);
  });

  it('keeps keys such as __proto__ as plain data', () => {
    const details = JSON.parse(file('spec-details-4.json').text);
    const text = JSON.stringify(details).replace(V_MAP, '__proto__');
    const j = job(readFlinkRestDocuments([file('spec-checkpoints.json'), { name: 'd.json', text }, file('spec-details-4-subtasks-map.json')]));
    expect(j.imported.statistics.history[1].tasks['__proto__'].subtasks).toHaveLength(2);
    expect(({} as Record<string, unknown>).num_subtasks).toBeUndefined();
  });

  it('tells a file of REST documents from a scenario file', () => {
    expect(looksLikeFlinkRest(file('spec-checkpoints.json').text)).toBe(true);
    expect(looksLikeFlinkRest(`[${file('spec-config.json').text}]`)).toBe(true);
    expect(looksLikeFlinkRest(JSON.stringify(builtinScenario('default')))).toBe(false);
    expect(looksLikeFlinkRest('{ nope')).toBe(false);
    expect(looksLikeFlinkRest('[]')).toBe(false);
  });
});

describe('hostile input', () => {
  const docs = ALL.map((n) => JSON.parse(file(n).text) as unknown);
  it('never throws: any text, any JSON, any fixture with a field replaced, is imported or refused in words', () => {
    const mutated = fc.tuple(fc.constantFrom(...docs), fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([doc, value, pick]) => {
      const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
      const keys = Object.keys(copy);
      copy[keys[pick % keys.length]] = value;
      return JSON.stringify(copy);
    });
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), mutated);
    fc.assert(fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 40 }), text }), { minLength: 1, maxLength: 4 }), (inputs) => {
      const r = readFlinkRestDocuments(inputs);
      if ('problem' in r) expect(r.problem.length).toBeGreaterThan(0);
      if ('problem' in r) expect(r.problem.length).toBeLessThanOrEqual(1_600);
      else expect(r.job.imported.statistics.history.every((h) => Number.isFinite(h.trigger_timestamp))).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('the imported job beside the run', () => {
  it('shows a good import, keeps the last one when a wrong one is refused, and goes back', () => {
    const store = createImportedJobStore();
    expect(store.getState().open([file('spec-checkpoints.json')])).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ showing: true, job: { source: 'spec-checkpoints.json' } });
    expect(store.getState().open([{ name: 'b.json', text: '[' }])).toMatchObject({ ok: false, problem: expect.stringMatching(/^b\.json: it is not JSON/) });
    expect(store.getState().job?.source).toBe('spec-checkpoints.json');
    store.getState().show(false);
    expect(store.getState().showing).toBe(false);
    store.getState().close();
    store.getState().show(true);
    expect(store.getState()).toMatchObject({ job: null, showing: false });
  });
});
