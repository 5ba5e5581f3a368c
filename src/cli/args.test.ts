import { describe, expect, it } from 'vitest';
import { DEFAULT_UNTIL_MS, MAX_UNTIL_MS, parseArgs, UsageError } from './args';

// Every flag and value of `sim` checked as strictly as a scenario file, in process; sim.test.ts
// runs the real command for the cases where the process itself matters.

function problem(...argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`);
}

const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e);

describe('sim arguments', () => {
  it('reads every flag, in both spellings', () => {
    const a = parseArgs(['--scenario', 'wide', '--seed=-7', '--until', '2 min', '--conf', 'sim.channel.capacity=3', '--conf=execution.checkpointing.interval = 5 s', '--fault', 'jobmanager@1s', '--fault=task:count/1@2s', '--json']);
    expect(a).toMatchObject({ scenario: 'wide', seed: -7, untilMs: 120_000, faults: ['jobmanager@1s', 'task:count/1@2s'], json: true, help: false });
    expect(Object.entries(a.conf)).toEqual([['sim.channel.capacity', '3'], ['execution.checkpointing.interval', '5 s']]);
    expect(Object.getPrototypeOf(a.conf)).toBeNull();
    expect(parseArgs([])).toMatchObject({ scenario: undefined, seed: undefined, untilMs: DEFAULT_UNTIL_MS, json: false, help: false });
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--until', '24 h']).untilMs).toBe(MAX_UNTIL_MS);
    expect(parseArgs(['--seed', '-0']).seed).toBe(0);
    expect(Object.is(parseArgs(['--seed', '-0']).seed, -0)).toBe(false);
  });

  it.each([
    [['--json=false'], /^--json takes no value, got "--json=false"; give --json alone, or leave it out$/],
    [['--json='], /^--json takes no value/],
    [['--help=no'], /^--help takes no value/],
    [['--json', '--json'], /^--json is given twice; give it once$/],
    [['--seed', '1', '--seed=2'], /^--seed is given twice/],
    [['--until', '1s', '--until', '2s'], /^--until is given twice/],
    [['--scenario', 'wide', '--scenario', 'bench'], /^--scenario is given twice/],
    [['--seed', 'abc'], /^--seed takes an integer from -9007199254740991 to 9007199254740991, got "abc"$/],
    [['--seed', '9007199254740992'], /^--seed takes an integer/],
    [['--seed', '1e3'], /^--seed takes an integer/],
    [['--seed', '1.5'], /^--seed takes an integer/],
    [['--seed', ' 1'], /^--seed takes an integer/],
    [['--seed', '9'.repeat(400)], /^--seed takes an integer.*got "9{40}…"$/],
    [['--seed'], /^--seed needs a value: an integer/],
    [['--seed='], /^--seed needs a value/],
    [['--seed', '--json'], /^--seed needs a value/],
    [['--until', '1'.repeat(400)], /^--until takes a duration such as "500 ms", "10 s", "2 min" or plain milliseconds, greater than 0 and at most 24 h of simulated time, got "1{40}…"$/],
    [['--until', '0'], /^--until takes a duration.*greater than 0/],
    [['--until', '-5 s'], /^--until takes a duration/],
    [['--until', '1e9'], /^--until takes a duration/],
    [['--until', 'Infinity'], /^--until takes a duration/],
    [['--until', 'NaN'], /^--until takes a duration/],
    [['--until', '25 h'], /^--until "25 h" is longer than 24 h, the most simulated time one run takes; give a shorter duration$/],
    [['--until', '3650 d'], /^--until "3650 d" is longer than 24 h/],
    [['--conf', 'novalue'], /^--conf takes <key>=<value>, e.g. execution.checkpointing.interval=5s, got "novalue"$/],
    [['--conf', '=1'], /^--conf takes <key>=<value>/],
    [['--conf', ' =1'], /^--conf takes <key>=<value>/],
    [['--conf', '__proto__=1'], /^--conf: unknown configuration key "__proto__"; accepted keys: execution\.checkpointing\.interval/],
    [['--conf', 'constructor=1'], /^--conf: unknown configuration key "constructor"/],
    [['--conf', 'toString=1'], /^--conf: unknown configuration key "toString"/],
    [['--conf', 'sim.channel.capacity=3', '--conf', ' sim.channel.capacity = 4'], /^--conf "sim\.channel\.capacity" is given twice; give each key once$/],
    [['--conf', 'sim.channel.capacity=0'], /^--conf: sim\.channel\.capacity: "0" is not accepted; use an integer >= 1/],
    [['--fault', ...Array.from({ length: 65 }, (_, i) => [`jobmanager@${i}s`, '--fault']).flat(), 'jobmanager@1s'], /^--fault is given more than 64 times; a run takes at most 64 faults$/],
    [['--fault'], /^--fault needs a value: a fault spec such as task:count\/1@5s$/],
    [['--jsn'], /^unknown argument "--jsn"; usage: npm run --silent sim -- \[--scenario/],
    [['-j'], /^unknown argument "-j"/],
    [['wide'], /^unknown argument "wide"/],
    [['--'], /^unknown argument "--"/],
    [['--=1'], /^unknown argument "--=1"/],
  ])('%j is refused: %s', (argv, message) => {
    expect(problem(...argv)).toMatch(message);
  });

  it('repeats user text cut short and with control characters escaped', () => {
    const messages = [
      problem('--x\x1b[2J\x07'),
      problem('--seed', '\x1b]0;title\x07'),
      problem('--until', '\u202e5 s'),
      problem('--conf', `${'k'.repeat(100_000)}\x1b=1`),
      problem('--conf', '\x1b[31mfoo=1'),
      problem(`--${'x'.repeat(100_000)}`),
    ];
    for (const m of messages) {
      expect([...m].filter((ch) => isControl(ch.codePointAt(0)!))).toEqual([]);
      expect(m.length).toBeLessThan(2500);
    }
    expect(messages[0]).toContain('"--x\\u001b[2J\\u0007"');
    expect(messages[5]).toMatch(/"-{2}x{38}…"/);
  });
});

describe('sim --export', () => {
  it('reads --export flink --out <dir> with the scenario, seed and --conf', () => {
    const a = parseArgs(['--export', 'flink', '--out', '/tmp/job', '--scenario', 'wide', '--seed', '4', '--conf', 'sim.sink.kind=two-phase-commit']);
    expect(a.export).toEqual({ format: 'flink', out: '/tmp/job' });
    expect(a).toMatchObject({ scenario: 'wide', seed: 4 });
    expect(parseArgs(['--export=flink', '--out=x']).export).toEqual({ format: 'flink', out: 'x' });
    expect(parseArgs([]).export).toBeUndefined();
  });

  it('refuses an unknown format, a missing half, and flags about a run', () => {
    expect(problem('--export', 'spark', '--out', 'x')).toMatch(/--export takes flink .*got "spark"/);
    expect(problem('--export', 'flink')).toMatch(/needs --out <dir>/);
    expect(problem('--out', 'x')).toMatch(/--out is for --export/);
    expect(problem('--export', 'flink', '--out', 'x', '--fault', 'jobmanager@1s')).toMatch(/--fault is about a run/);
    expect(problem('--export', 'flink', '--out', 'x', '--json')).toMatch(/--json is about a run/);
    expect(problem('--export', 'flink', '--out', 'x', '--out', 'y')).toMatch(/--out is given twice/);
  });
});

describe('sim: savepoint and restore flags (CONTRACTS §8)', () => {
  it('reads savepoint times, output files, the snapshot to start from, -n and the claim mode', () => {
    const a = parseArgs(['--until', '30 s', '--savepoint-at', '20 s', '--savepoint-at', '5s', '--stop-with-savepoint-at', '25 s', '--savepoint-out', 'sp.json', '--checkpoint-out', 'chk.json']);
    expect(a).toMatchObject({ savepointAt: [5000, 20_000], stopWithSavepointAt: 25_000, savepointOut: 'sp.json', checkpointOut: 'chk.json', fromSavepoint: undefined, allowNonRestoredState: false });
    const b = parseArgs(['--from-savepoint', 'sp.json', '-n', '--claim-mode', 'CLAIM']);
    expect(b).toMatchObject({ fromSavepoint: 'sp.json', allowNonRestoredState: true, claimMode: 'CLAIM' });
    expect(parseArgs(['--from-savepoint=sp.json', '--allow-non-restored-state']).allowNonRestoredState).toBe(true);
  });

  it('refuses what Flink\'s CLI would not take, naming the flag', () => {
    expect(problem('--from-savepoint', 'x', '--claim-mode', 'LEGACY')).toMatch(/--claim-mode takes NO_CLAIM or CLAIM, got "LEGACY"/);
    expect(problem('-n')).toMatch(/--allow-non-restored-state is about a restore: give it with --from-savepoint <file>/);
    expect(problem('--claim-mode', 'CLAIM')).toMatch(/--claim-mode is about a restore/);
    expect(problem('--savepoint-at', '12 s')).toMatch(/--savepoint-at 12 s is not within the run: it ends at --until 10 s/);
    expect(problem('--savepoint-at', 'soon')).toMatch(/--savepoint-at takes a time within the run/);
    expect(problem('--stop-with-savepoint-at', '3 s', '--stop-with-savepoint-at', '4 s')).toMatch(/given twice/);
    expect(problem('--savepoint-out', 'a.json', '--checkpoint-out', 'a.json')).toMatch(/name the same file/);
    expect(problem('--export', 'flink', '--out', 'x', '--from-savepoint', 'sp.json')).toMatch(/--from-savepoint is about a run/);
    expect(problem(...Array.from({ length: 17 }, (_, i) => ['--savepoint-at', `${i} ms`]).flat())).toMatch(/more than 16 times/);
  });
});
