import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The `sim` command as a user runs it: a real process, its output and its exit code.

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run sim', () => {
  it('prints the CONTRACTS §2 document with --json, the same trace hash every time', () => {
    const a = sim('--seed', '3', '--until', '8 s', '--json');
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.out);
    expect(doc).toMatchObject({ scenario: 'default', seed: 3, simTimeMs: 8000, job: { status: 'RUNNING' } });
    expect(doc.checkpoints.counts.completed).toBeGreaterThan(0);
    expect(doc.oracle.verdict).toBe('exactly-once');
    expect(JSON.parse(sim('--seed', '3', '--until', '8 s', '--json').out).traceHash).toBe(doc.traceHash);
  });

  it('takes a channel fault by its two ends, as the README shows it', () => {
    const r = sim('--fault', 'channel:map/0->count/1@3s', '--until', '15 s', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).job.restarts).toBe(1);
  });

  it('says when a fault never struck', () => {
    const r = sim('--fault', 'task:count/1@alignment:99');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/fault not struck by 10 s: Keyed Count \(2\/2\) killed when checkpoint 99 is aligning/);
  });

  it.each([
    [['--fault', 'meteor@1s'], /fault "meteor@1s" is not understood/],
    [['--seed', 'abc'], /--seed/],
    [['--until', 'forever'], /--until/],
    [['--conf', 'execution.checkpointing.mode=SOMETIMES'], /execution\.checkpointing\.mode/],
    [['--conf', 'no.such.key=1'], /unknown configuration key "no\.such\.key"; accepted keys: execution\.checkpointing\.interval/],
    [['--scenario', 'nope'], /nope/],
  ])('a bad argument %j prints one line naming it and exits 2', (args, message) => {
    const r = sim(...args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});
