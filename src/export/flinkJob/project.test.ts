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

  it('names every operator, with its parallelism and max parallelism, and a uid only where the scenario sets one', () => {
    const job = javaOf(files).find((f) => f.path.endsWith('Job.java'))!.text;
    for (const op of scenario.operators) {
      expect(job).toContain(javaString(op.name));
      const uid = operatorUid(op);
      if (uid !== null) expect(job).toContain(`.uid(${javaString(uid)})`);
      else expect(job).not.toContain(`.uid(${javaString(op.id)})`);
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
    expect(job).toContain('.setProperty("transaction.timeout.ms", "900000")');
    expect(job).toMatch(/Kafka broker/);
    expect(files.find((f) => f.path === 'pom.xml')!.text).toContain('<artifactId>flink-connector-kafka</artifactId>');
    for (const f of javaOf(files)) expect(() => parse(f.text), f.path).not.toThrow();
  });

  it("writes the run's sim.sink.transaction-timeout as the producer's transaction.timeout.ms", () => {
    const files = flinkProject(base, { conf: { 'sim.sink.kind': 'two-phase-commit', 'sim.sink.transaction-timeout': '5 min' } });
    const job = files.find((f) => f.path.endsWith('DefaultJob.java'))!.text;
    expect(job).toContain('.setProperty("transaction.timeout.ms", "300000")');
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

  it('emits .uid(...) for the operators that carry one, so a savepoint maps as in the lab; the others keep generated IDs', () => {
    const withUids: ScenarioSpec = { ...base, operators: base.operators.map((o) => (o.id === 'count' || o.id === 'source' ? { ...o, uid: `${o.id}-v1` } : o)) };
    const files = flinkProject(withUids, { conf: { 'sim.sink.kind': 'two-phase-commit' } });
    const job = files.find((f) => f.path.endsWith('DefaultJob.java'))!.text;
    expect(job.match(/\.uid\(/g)).toHaveLength(2);
    expect(job).toMatch(/\.name\("Keyed Count"\)\n\s+\.uid\("count-v1"\)/);
    expect(job).toContain('.uid("source-v1")');
    expect(job).toMatch(/\.name\("Map"\)\n\s+\/\/ no uid: Flink derives this operator's ID from its place in the graph/);
    // the transactional id prefix still needs a name: the sink's id stands in for its missing uid
    expect(job).toContain('.setTransactionalIdPrefix("checkpoint-lab-default-sink")');
    for (const f of javaOf(files)) expect(() => parse(f.text), f.path).not.toThrow();
    const readme = files.find((f) => f.path === 'README.md')!.text;
    expect(readme).toContain('## Operator IDs, uids and savepoints');
    expect(readme).toContain('Operators with a uid here, as in the lab: `Source: Animals` (uid `source-v1`), `Keyed Count` (uid `count-v1`).');
    expect(readme).toContain('Without a uid: `Map`, `Sink: Counts`.');
    expect(readme).toContain('--allowNonRestoredState');
    const all = flinkProject({ ...base, operators: base.operators.map((o) => ({ ...o, uid: o.id })) }).find((f) => f.path === 'README.md')!.text;
    expect(all).toContain('Every operator has a uid');
  });

  it('carries the state-ttl scenario\'s TTL into the job: a StateTtlConfig for its TTL operator, none for the other', () => {
    const files = flinkProject(BUILTIN_SCENARIOS.find((s) => s.id === 'state-ttl')!);
    const job = files.find((f) => f.path.endsWith('StateTtlJob.java'))!.text;
    expect(job).toContain([
      'StateTtlConfig countTtlTtlConfig = StateTtlConfig.newBuilder(Duration.ofSeconds(6))',
      '                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)',
      '                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)',
      '                .cleanupInRocksdbCompactFilter(1000L, Duration.ofSeconds(10))',
      '                .build();',
    ].join('\n'));
    expect(job).toMatch(/\.process\(new KeyedCount\(countTtlTtlConfig\)\)\n\s+\.name\("Count \(TTL 6 s\)"\)/);
    expect(job).toMatch(/\.process\(new KeyedCount\(\)\)\n\s+\.name\("Count \(no TTL\)"\)/);
    expect(job.match(/StateTtlConfig\.newBuilder/g)).toHaveLength(1);
    expect(job).toContain('import java.time.Duration;');
    const count = files.find((f) => f.path.endsWith('KeyedCount.java'))!.text;
    expect(count).toContain('countDescriptor.enableTimeToLive(ttl);');
    expect(count).toMatch(/public KeyedCount\(\) \{\n\s+this\(null\);/);
    // ever-new keys: the lab's session ids, from SessionLog; the pause is named as what the generator cannot do
    expect(job).toContain('new SessionLog(2, 4L, 10L, 1, 0)');
    const readme = files.find((f) => f.path === 'README.md')!.text;
    expect(readme).toContain('## State TTL');
    expect(readme).toContain('`Count (TTL 6 s)` (6 s)');
    expect(readme).toContain('Without TTL (their state stays for the life of the job): `Count (no TTL)`.');
    expect(readme).toMatch(/`Source: Sessions` stops at 24 s for 30 s .* cannot pause/);
  });

  it('writes every TTL setting with Flink 2.x\'s builder, for every keyed kind, as Java that parses', () => {
    const ttl = { ttl: '90 min', updateType: 'OnReadAndWrite', visibility: 'ReturnExpiredIfNotCleanedUp', cleanup: { incremental: { size: 10, runForEveryRecord: true }, fullSnapshot: true, rocksdbCompactionFilter: { queryTimeAfterNumEntries: 50 }, disableCleanupInBackground: true } } as const;
    const scenario: ScenarioSpec = {
      id: 'ttl-kinds', title: 'TTL kinds', description: 'Every keyed kind with a TTL.',
      operators: [
        { id: 'src', name: 'Source', kind: 'source', parallelism: 1, partitions: 1, ratePerPartition: 1 },
        { id: 'l', name: 'Last', kind: 'keyed-last-n', parallelism: 1, n: 3, ttl },
        { id: 'h', name: 'Histogram', kind: 'keyed-histogram', parallelism: 1, bucketSize: 5, ttl: { ttl: 1500 } },
        { id: 'r', name: 'Reduce', kind: 'keyed-reduce', parallelism: 1, reduce: 'max', ttl: { ttl: '2 s' } },
        { id: 'r2', name: 'Reduce 2', kind: 'keyed-reduce', parallelism: 1, reduce: 'sum' },
        { id: 's', name: 'Sum', kind: 'keyed-sum', parallelism: 1, ttl: { ttl: '1 h' } },
        { id: 'j', name: 'Join', kind: 'keyed-join', parallelism: 1, ttl: { ttl: '1 d' } },
        { id: 'k', name: 'Sink', kind: 'sink', parallelism: 1 },
      ],
      edges: [
        { from: 'src', to: 'l', partitioner: 'hash' }, { from: 'l', to: 'h', partitioner: 'hash' }, { from: 'h', to: 'r', partitioner: 'hash' },
        { from: 'r', to: 'r2', partitioner: 'hash' }, { from: 'r2', to: 's', partitioner: 'hash' },
        { from: 's', to: 'j', partitioner: 'hash', input: 0 }, { from: 'l', to: 'j', partitioner: 'hash', input: 1 }, { from: 'j', to: 'k', partitioner: 'forward' },
      ],
    };
    const files = flinkProject(scenario);
    for (const f of javaOf(files)) expect(() => parse(f.text), f.path).not.toThrow();
    const job = files.find((f) => f.path.endsWith('TtlKindsJob.java'))!.text;
    expect(job).toContain([
      'StateTtlConfig lTtlConfig = StateTtlConfig.newBuilder(Duration.ofMinutes(90))',
      '                .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)',
      '                .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)',
      '                .cleanupIncrementally(10, true)',
      '                .cleanupFullSnapshot()',
      '                .cleanupInRocksdbCompactFilter(50L)',
      '                .disableCleanupInBackground()',
      '                .build();',
    ].join('\n'));
    expect(job).toContain('StateTtlConfig.newBuilder(Duration.ofMillis(1500))');
    expect(job).toContain('StateTtlConfig.newBuilder(Duration.ofDays(1))');
    for (const call of ['new KeyedLastN(3, lTtlConfig)', 'new KeyedHistogram(5L, hTtlConfig)', 'new KeyedReduce("max", rTtlConfig)', 'new KeyedReduce("sum")', 'new KeyedSum(sTtlConfig)', 'new KeyedJoin(jTtlConfig)']) expect(job).toContain(call);
    const join = files.find((f) => f.path.endsWith('KeyedJoin.java'))!.text;
    expect(join).toContain('leftDescriptor.enableTimeToLive(ttl);');
    expect(join).toContain('rightDescriptor.enableTimeToLive(ttl);');
    // no source with ever-new keys, no SessionLog
    expect(files.some((f) => f.path.endsWith('SessionLog.java'))).toBe(false);
  });

  it('uses a parser that does refuse broken Java', () => {
    expect(() => parse('public class Broken { void f( }')).toThrow();
  });

  it('refuses a scenario the lab refuses', () => {
    expect(() => flinkProject({ ...base, edges: [] })).toThrow(/no input edge/);
  });
});
