import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinScenario } from '../engine';
import { describe, expect, it } from 'vitest';

// The `sim` command as a user runs it: a real process, its output and its exit code. Each process
// costs about a second, so the many ways to get an argument wrong are in args.test.ts; here are the
// cases where the process itself matters. Two processes run at a time, one per core.

interface Result { code: number | null; out: string; err: string }

const AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

function spawnSim(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
    });
  });
}

async function sim(args: string[], env: Record<string, string> = {}): Promise<Result> {
  if (running >= AT_ONCE) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await spawnSim(args, env);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

// a busy machine makes a process slow to start: the limit only stops a hung run
describe.concurrent('npm run sim', { timeout: 120_000 }, () => {
  it('prints the CONTRACTS §2 document with --json, the same trace hash every time', async () => {
    const [a, b] = await Promise.all([sim(['--seed', '3', '--until', '8 s', '--json']), sim(['--seed', '3', '--until', '8 s', '--json'])]);
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.out);
    expect(doc).toMatchObject({ scenario: 'default', seed: 3, simTimeMs: 8000, job: { status: 'RUNNING' } });
    expect(doc.checkpoints.counts.completed).toBeGreaterThan(0);
    expect(doc.oracle.verdict).toBe('exactly-once');
    expect(JSON.parse(b.out).traceHash).toBe(doc.traceHash);
  });

  it('takes a channel fault by its two ends, as the README shows it', async () => {
    const r = await sim(['--fault', 'channel:map/0->count/1@3s', '--until', '15 s', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).job.restarts).toBe(1);
  });

  it('says when a fault never struck', async () => {
    const r = await sim(['--fault', 'task:count/1@alignment:99']);
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
    [['--json=false'], /^sim: --json takes no value, got "--json=false"/],
    [['--until', '9'.repeat(400)], /^sim: --until takes a duration .* at most 24 h of simulated time, got "9{40}…"$/],
    [['--fault', 'slow:map/1x0@1s'], /^sim: fault "slow:map\/1x0@1s": "0" is not a slow-down factor; <factor> is a number > 0 and <= 1000/],
    [['--fault', 'task:count/1@alignment:0'], /^sim: fault "task:count\/1@alignment:0": in alignment:<n>, <n> is a checkpoint id from 1 .*\(ids start at 1\)$/],
    [['--conf', '__proto__=1'], /^sim: --conf: unknown configuration key "__proto__"/],
  ])('a bad argument %j prints one line naming it and exits 2', async (args, message) => {
    const r = await sim(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
  });

  it('never writes a control character it was given back to the terminal', async () => {
    const r = await sim(['--scenario', '\x1b]0;owned\x07\x1b[2J', '--seed', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no built-in scenario "\\u001b]0;owned\\u0007\\u001b[2J"');
    expect(r.err.includes('\x1b') || r.err.includes('\x07')).toBe(false);
  });

  it('answers a huge bad input with a short message', async () => {
    const r = await sim(['--fault', `task:${'a'.repeat(100_000)}/0@1s`]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.length).toBeLessThan(200);
    expect(r.err).toMatch(/has 100,010 characters; a fault spec has at most 200/);
  });

  it('stops a run past the wall-clock guard with exit 2, saying how far it got', async () => {
    const r = await sim(['--until', '24 h', '--json'], { SIM_WALL_LIMIT_MS: '1' });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toMatch(/^sim: stopped after 1 ms of real time, .* into the 24 h asked for \([\d,]+ events\); give a shorter --until/);
  });

  it('runs a scenario file whose keys are __proto__, constructor, toString: each is an ordinary key in the report', async () => {
    const spec = structuredClone(builtinScenario('default')!);
    const source = spec.operators.find((o) => o.kind === 'source')!;
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    if (source.kind === 'source') source.keys = hostile;
    const file = join(mkdtempSync(join(tmpdir(), 'sim-hostile-')), 'hostile.json');
    writeFileSync(file, JSON.stringify(spec));
    const r = await sim(['--scenario', file, '--until', '20 s', '--fault', 'task:count/0@12s', '--conf', 'sim.sink.kind=two-phase-commit', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const keys = new Set<string>();
    for (const subtask of doc.state.count) for (const key of Object.keys(subtask.keyed)) keys.add(key);
    expect([...keys].sort()).toEqual([...hostile].sort());
    expect(doc.job.restarts).toBe(1);
    expect(doc.oracle.verdict).toBe('exactly-once');
  });
});
