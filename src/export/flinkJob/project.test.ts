import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'java-parser';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, configKey, type ScenarioSpec } from '../../engine';
import type { ProjectFile } from '../files';
import { javaString } from './javaText';
import { operatorUid } from './jobModel';
import { flinkProject } from './project';

// Every built-in scenario exports as a project whose Java parses with a real Java parser, whose job
// names every operator and uid, and whose config.yaml carries every Flink key of the scenario. The
// files are compared byte for byte with golden copies in src/export/__golden__/<scenario>/; to
// regenerate them on purpose: UPDATE_GOLDEN=1 npx vitest run src/export/flinkJob/project.test.ts

const GOLDEN = join(import.meta.dirname, '..', '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

function golden(id: string, files: readonly ProjectFile[]): void {
  const dir = join(GOLDEN, id);
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
    }
    return;
  }
  expect(listFiles(dir), `the files of ${id}; regenerate on purpose with UPDATE_GOLDEN=1`).toEqual(files.map((f) => f.path));
  for (const f of files) expect(f.text, `${id}/${f.path} differs from its golden copy; regenerate on purpose with UPDATE_GOLDEN=1`).toBe(readFileSync(join(dir, f.path), 'utf8'));
}

const javaOf = (files: readonly ProjectFile[]) => files.filter((f) => f.path.endsWith('.java'));

describe.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as [string, ScenarioSpec]))('export of %s', (id, scenario) => {
  const files = flinkProject(scenario);

  it('has pom.xml, config.yaml, README.md and the job under src/main/java', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['pom.xml', 'config.yaml', 'README.md']));
    expect(paths.some((p) => /^src\/main\/java\/checkpointlab\/\w+Job\.java$/.test(p))).toBe(true);
  });

  it('writes Java that a Java parser reads without a syntax error', () => {
    for (const f of javaOf(files)) expect(() => parse(f.text), f.path).not.toThrow();
  });

  it('names every operator, with its uid, parallelism and max parallelism', () => {
    const job = javaOf(files).find((f) => f.path.endsWith('Job.java'))!.text;
    for (const op of scenario.operators) {
      expect(job).toContain(javaString(op.name));
      expect(job).toContain(`.uid(${javaString(operatorUid(op))})`);
      if (op.parallelism) expect(job).toContain(`.setParallelism(${op.parallelism})`);
    }
    expect(job).toContain('.setMaxParallelism(');
  });

  it('carries every Flink key of the scenario in config.yaml, and the sim.* keys only as comments', () => {
    const yaml = files.find((f) => f.path === 'config.yaml')!.text;
    for (const [key, value] of Object.entries(scenario.config ?? {})) {
      if (key.startsWith('sim.')) {
        expect(yaml).toContain(`#   ${key}: ${value}`);
        expect(yaml).not.toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}:`, 'm'));
      } else {
        expect(configKey(key)).toBeDefined();
        expect(yaml).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}: `, 'm'));
      }
    }
  });

  it('matches its golden copy byte for byte', () => golden(id, files));
});

describe('export options and mapping', () => {
  const base = BUILTIN_SCENARIOS.find((s) => s.id === 'default')!;

  it('maps sim.sink.kind two-phase-commit to a KafkaSink with EXACTLY_ONCE, a transactional id prefix and a transaction timeout', () => {
    const files = flinkProject(base, { conf: { 'sim.sink.kind': 'two-phase-commit' } });
    const job = files.find((f) => f.path.endsWith('DefaultJob.java'))!.text;
    expect(job).toContain('DeliveryGuarantee.EXACTLY_ONCE');
    expect(job).toContain('.setTransactionalIdPrefix("checkpoint-lab-default-sink")');
    expect(job).toContain('"transaction.timeout.ms"');
    expect(job).toMatch(/Kafka broker/);
    expect(files.find((f) => f.path === 'pom.xml')!.text).toContain('<artifactId>flink-connector-kafka</artifactId>');
    for (const f of javaOf(files)) expect(() => parse(f.text), f.path).not.toThrow();
  });

  it('maps upsert to a print sink with a comment on real upsert sinks', () => {
    const job = flinkProject(base, { conf: { 'sim.sink.kind': 'upsert' } }).find((f) => f.path.endsWith('DefaultJob.java'))!.text;
    expect(job).toMatch(/JDBC/);
    expect(job).toMatch(/compacted topic/);
    expect(job).toContain('.print()');
    expect(job).not.toContain('KafkaSink');
  });

  it('turns source rate and skew overrides into the generator\'s rate and key choice', () => {
    const job = flinkProject(base, { conf: { 'sim.source.rate': '5', 'sim.source.skew': '0.9' }, seed: 7 }).find((f) => f.path.endsWith('DefaultJob.java'))!.text;
    expect(job).toContain('RateLimiterStrategy.perSecond(20.0)'); // 4 partitions x 5
    expect(job).toContain(', 4, true, 0.9, 10L, 7, 0)');
  });

  it('writes every kind of operator and partitioner as Java that parses', () => {
    const all: ScenarioSpec = {
      id: 'all-kinds', title: 'All kinds "quoted" \\ and */ tricky', description: 'Every operator kind.\nTwo lines.', config: { 'execution.checkpointing.interval': '1 s', 'execution.checkpointing.storage': 'filesystem', 'jobmanager.execution.failover-strategy': 'full' },
      operators: [
        { id: 'a', name: 'Source: A', kind: 'source', parallelism: 2, partitions: 2, ratePerPartition: 1, keys: ['x"y', 'z\\w', 'ü'], recordsPerPartition: 100 },
        { id: 'b', name: 'Source: B', kind: 'source', parallelism: 1, partitions: 1, ratePerPartition: 1, keyCount: 5, distribution: 'skewed' },
        { id: 'u', name: 'Union', kind: 'union', parallelism: 2 },
        { id: 'f', name: 'Filter', kind: 'filter', parallelism: 2, keepKeys: ['x"y'], minValue: 2.5 },
        { id: 'fm', name: 'Copies', kind: 'flat-map', parallelism: 2, copies: 2 },
        { id: 'l', name: 'Last', kind: 'keyed-last-n', parallelism: 2, n: 3 },
        { id: 'h', name: 'Histogram', kind: 'keyed-histogram', parallelism: 2, bucketSize: 5, maxParallelism: 64 },
        { id: 'r', name: 'Reduce', kind: 'keyed-reduce', parallelism: 2, reduce: 'min' },
        { id: 'j', name: 'Join', kind: 'keyed-join', parallelism: 2 },
        { id: 'default', name: 'Sink', kind: 'sink', parallelism: 1, sinkKind: 'two-phase-commit' },
      ],
      edges: [
        { from: 'a', to: 'u', partitioner: 'forward' }, { from: 'b', to: 'u', partitioner: 'rebalance', input: 1 },
        { from: 'u', to: 'f', partitioner: 'forward' }, { from: 'f', to: 'fm', partitioner: 'broadcast' },
        { from: 'fm', to: 'l', partitioner: 'hash' }, { from: 'l', to: 'h', partitioner: 'hash' }, { from: 'h', to: 'r', partitioner: 'hash' },
        { from: 'r', to: 'j', partitioner: 'hash', input: 0 }, { from: 'l', to: 'j', partitioner: 'hash', input: 1 }, { from: 'fm', to: 'j', partitioner: 'hash', input: 1 },
        { from: 'j', to: 'default', partitioner: 'rebalance' },
      ],
    };
    const files = flinkProject(all);
    for (const f of javaOf(files)) expect(() => parse(f.text), f.path).not.toThrow();
    const job = files.find((f) => f.path.endsWith('AllKindsJob.java'))!.text;
    expect(job).toContain('.keyBy(new LabEvent.ByKey(), new LabEvent.ByKey())');
    expect(job).toContain('.broadcast()');
    expect(job).toContain('.union(');
    expect(job).toContain('.setMaxParallelism(64)');
    expect(job).toContain('200L'); // bounded log: 100 records x 2 partitions
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['KeyedLastN', 'KeyedHistogram', 'KeyedReduce', 'KeyedJoin', 'PassThrough', 'FilterEvents', 'CopyEvents', 'LabEventSchema'].map((c) => `src/main/java/checkpointlab/${c}.java`)));
    const yaml = files.find((f) => f.path === 'config.yaml')!.text;
    expect(yaml).toContain('execution.checkpointing.dir: file:///tmp/checkpoint-lab/all-kinds/checkpoints');
    expect(yaml).toMatch(/Cluster-level/);
  });

  it('puts a long key list in a resource file, and generates numbered keys', () => {
    const keys = Array.from({ length: 600 }, (_, i) => `key+${i} é\n`);
    const files = flinkProject({ ...base, operators: base.operators.map((o) => (o.kind === 'source' ? { ...o, keys } : o)) });
    const resource = files.find((f) => f.path === 'src/main/resources/checkpointlab/keys-0.txt')!;
    expect(resource.text.trimEnd().split('\n').map(decodeURIComponent)).toEqual(keys);
    expect(files.find((f) => f.path.endsWith('DefaultJob.java'))!.text).toContain('LabLog.keysFromResource("/checkpointlab/keys-0.txt")');
    const bench = flinkProject(BUILTIN_SCENARIOS.find((s) => s.id === 'bench')!).find((f) => f.path.endsWith('BenchJob.java'))!.text;
    expect(bench).toContain('LabLog.numberedKeys(10000)');
  });

  it('uses a parser that does refuse broken Java', () => {
    expect(() => parse('public class Broken { void f( }')).toThrow();
  });

  it('refuses a scenario the lab refuses', () => {
    expect(() => flinkProject({ ...base, edges: [] })).toThrow(/no input edge/);
  });
});
