import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario, decodeSnapshotFile, type ScenarioSpec } from '../engine';

// CONTRACTS §8 as a user runs it: a savepoint written by one process, a changed job started from it
// by another, Flink's message and exit code 1 when its state cannot be mapped.

interface Result { code: number | null; out: string; err: string }

function sim(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sim-savepoints-'));
const base = builtinScenario('default')!;

function scenarioFile(name: string, spec: ScenarioSpec): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}
const withUids = (s: ScenarioSpec): ScenarioSpec => ({ ...s, operators: s.operators.map((o) => (o.id === 'extra' ? o : { ...o, uid: `${o.id}-v1` })) });
function inserted(s: ScenarioSpec): ScenarioSpec {
  return {
    ...s,
    operators: [s.operators[0], { id: 'extra', name: 'Map: extra', kind: 'map', parallelism: 2 }, ...s.operators.slice(1)],
    edges: [{ from: 'source', to: 'extra', partitioner: 'forward' }, { from: 'extra', to: 'map', partitioner: 'forward' }, ...s.edges.slice(1)],
  };
}

/** count's keyed state, key -> value, from a savepoint file */
function countsInFile(path: string): Record<string, unknown> {
  const { snapshot } = decodeSnapshotFile(readFileSync(path, 'utf8'));
  const out: Record<string, unknown> = {};
  for (const s of snapshot.operators.find((o) => o.vertex === 'count')!.subtasks) {
    for (const group of s.keyed.values()) for (const [k, entry] of group) out[k] = entry.get('count');
  }
  return out;
}
/** count's keyed state, key -> value, from a `--json` report */
function countsInReport(out: string): Record<string, unknown> {
  const doc = JSON.parse(out);
  // a key with one state shows its value alone
  return Object.assign({}, ...doc.state.count.map((s: { keyed: Record<string, unknown> }) => s.keyed));
}

describe('sim: savepoints and changed jobs (CONTRACTS §8)', { timeout: 120_000 }, () => {
  const savepoint = join(dir, 'sp.json');
  const checkpoint = join(dir, 'chk.json');
  const uidSavepoint = join(dir, 'sp-uid.json');
  const prepared = Promise.all([
    sim(['--until', '14 s', '--savepoint-at', '8 s', '--savepoint-out', savepoint, '--checkpoint-out', checkpoint]),
    sim(['--scenario', scenarioFile('uids', withUids(base)), '--until', '14 s', '--savepoint-at', '8 s', '--savepoint-out', uidSavepoint]),
  ]);

  it('--savepoint-out and --checkpoint-out write the latest completed ones, versioned JSON', async () => {
    const [a, b] = await prepared;
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const sp = decodeSnapshotFile(readFileSync(savepoint, 'utf8'));
    expect(sp.origin.scenario).toBe('default');
    expect(sp.snapshot).toMatchObject({ isSavepoint: true, type: 'SAVEPOINT', triggerTime: 8000 });
    expect(decodeSnapshotFile(readFileSync(checkpoint, 'utf8')).snapshot).toMatchObject({ isSavepoint: false, type: 'CHECKPOINT' });
    expect(Object.keys(countsInFile(savepoint)).length).toBeGreaterThan(0);
  });

  it('--from-savepoint starts the same job with the savepoint\'s state', async () => {
    await prepared;
    const r = await sim(['--from-savepoint', savepoint, '--until', '1 ms', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(countsInReport(r.out)).toEqual(countsInFile(savepoint));
    expect(JSON.parse(r.out).checkpoints.latest.restored).toMatchObject({ is_savepoint: true, external_path: 'savepoint-2' });
  });

  it('an inserted operator without uids orphans state: exit 1, Flink\'s message naming the operator', async () => {
    await prepared;
    const countId = decodeSnapshotFile(readFileSync(savepoint, 'utf8')).snapshot.operators.find((o) => o.vertex === 'count')!.operatorId;
    const r = await sim(['--scenario', scenarioFile('inserted', inserted(base)), '--from-savepoint', savepoint, '--until', '1 ms', '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`sim: Failed to rollback to checkpoint/savepoint savepoint-2. Cannot map checkpoint/savepoint state for operator ${countId} to the new program, because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI.`);
    expect(r.err).toContain(`${countId} orphaned: Keyed Count (count)`);
  });

  it('-n drops the orphaned state: the job starts, its counts empty', async () => {
    await prepared;
    const r = await sim(['--scenario', scenarioFile('inserted-n', inserted(base)), '--from-savepoint', savepoint, '-n', '--until', '1 ms', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(countsInReport(r.out)).toEqual({});
    expect(r.err).toMatch(/orphaned: Keyed Count \(count\) holds state/);
  });

  it('with uids the state maps and the inserted operator starts empty', async () => {
    await prepared;
    const r = await sim(['--scenario', scenarioFile('inserted-uids', withUids(inserted(base))), '--from-savepoint', uidSavepoint, '--claim-mode', 'CLAIM', '--until', '1 ms', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(countsInReport(r.out)).toEqual(countsInFile(uidSavepoint));
    expect(r.err).toMatch(/new: Map: extra \(extra\) starts with empty state/);
    expect(r.err).toMatch(/matched: Keyed Count \(count, parallelism 2\) -> Keyed Count \(count, parallelism 2\)/);
  });

  it('--stop-with-savepoint-at finishes the job with a synchronous savepoint; a bad file is a usage error', async () => {
    const stopped = join(dir, 'stopped.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"checkpoint-lab-snapshot","version":1,"operators":"no"}');
    const [r, b] = await Promise.all([
      sim(['--until', '14 s', '--stop-with-savepoint-at', '6 s', '--savepoint-out', stopped, '--json']),
      sim(['--from-savepoint', bad, '--until', '1 s']),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).job.status).toBe('FINISHED');
    expect(decodeSnapshotFile(readFileSync(stopped, 'utf8')).snapshot.type).toBe('SYNC_SAVEPOINT');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^sim: --from-savepoint ".*bad\.json": /);
  });
});
