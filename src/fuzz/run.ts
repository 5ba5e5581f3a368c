import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DEFAULT_BOUNDS } from './oracle';
import { failed, formatSummary, judge, runTarget, type TargetSummary } from './fuzzRunner';
import { TARGETS } from './targets';

// `npm run fuzz -- --count 10000 [--seed S] [--target scenario|link|cli|lesson|rest|all]`
//
// Each target runs in a child process watched by this one: an input that holds the engine in one
// call (no event budget can stop that) is killed after --watchdog-ms and reported as a hang with
// the command that prints it. Exit code 0 when nothing was found, 1 on any finding, 2 on bad usage.

const USAGE = 'usage: npm run fuzz -- [--count <n>] [--seed <n>] [--target <scenario|link|cli|lesson|rest|all>] [--show <input index>] [--check <file>] [--watchdog-ms <ms>] [--no-watchdog]';

interface Options { count: number; seed: number; targets: string[]; show?: number; check?: string; watchdogMs: number; watchdog: boolean; child: boolean }

function parse(argv: string[]): Options {
  const o: Options = { count: 1000, seed: Date.now() % 2 ** 31, targets: ['scenario', 'link', 'cli'], watchdogMs: 60_000, watchdog: true, child: false };
  const int = (flag: string, v: string | undefined) => {
    if (v === undefined || !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new Error(`${flag} takes a non-negative integer, got ${JSON.stringify(v ?? '')}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--count': o.count = int(flag, value()); break;
      case '--seed': o.seed = int(flag, value()); break;
      case '--target': {
        const t = value();
        if (t === 'all') o.targets = Object.keys(TARGETS);
        else if (t !== undefined && Object.hasOwn(TARGETS, t)) o.targets = [t];
        else throw new Error(`--target takes ${[...Object.keys(TARGETS), 'all'].join(', ')}, got ${JSON.stringify(t ?? '')}`);
        break;
      }
      case '--show': o.show = int(flag, value()); break;
      case '--check': o.check = value(); break;
      case '--watchdog-ms': o.watchdogMs = int(flag, value()); break;
      case '--no-watchdog': o.watchdog = false; break;
      case '--child': o.child = true; break;
      default: throw new Error(`unknown argument ${JSON.stringify(argv[i])}`);
    }
  }
  return o;
}

/** Prints input number `index` of a target for a seed, in full (what a watchdog hang points at). */
function show(target: string, seed: number, index: number): void {
  let i = 0;
  fc.check(fc.property(TARGETS[target].arbitrary, (input) => {
    if (i++ === index) console.log(TARGETS[target].show(input, Infinity));
    return true;
  }), { numRuns: index + 1, seed });
}

async function runHere(target: string, o: Options, onInput?: (i: number) => void): Promise<TargetSummary> {
  await TARGETS[target].prepare?.();
  return runTarget(TARGETS[target], { count: o.count, seed: o.seed, bounds: DEFAULT_BOUNDS, onInput });
}

/** Runs a target in a child; resolves with its summary, or with a hang when the child stops answering. */
function runWatched(target: string, o: Options): Promise<TargetSummary | { hang: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1], ['--child', '--target', target, '--count', String(o.count), '--seed', String(o.seed)], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let last = -1;
    let done = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        done = true;
        child.kill('SIGKILL');
        resolve({ hang: last });
      }, o.watchdogMs);
    };
    arm();
    child.on('message', (m: { input?: number; summary?: TargetSummary }) => {
      if (m.input !== undefined) {
        last = m.input;
        arm();
      }
      if (m.summary) {
        done = true;
        clearTimeout(timer);
        resolve(m.summary);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`the ${target} fuzzer stopped (exit ${code}) at input #${last}; reproduce: npm run fuzz -- --target ${target} --seed ${o.seed} --show ${last}`));
    });
  });
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`fuzz: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (o.show !== undefined) {
    for (const t of o.targets) show(t, o.seed, o.show);
    return 0;
  }
  if (o.check !== undefined) {
    // one input, as --show printed it (scenario: the file; link: the query string; cli: argv as JSON)
    const t = o.targets.length === 1 ? o.targets[0] : 'scenario';
    await TARGETS[t].prepare?.();
    const text = readFileSync(o.check, 'utf8').replace(/\n$/, '');
    const { verdict, ms } = judge(TARGETS[t], text, DEFAULT_BOUNDS, Infinity, true);
    console.log(`${t}: ${JSON.stringify(verdict)} (${Math.round(ms)} ms)`);
    return verdict.outcome === 'accepted' || verdict.outcome === 'refused' ? 0 : 1;
  }
  if (o.child) {
    // the parent only needs the input in hand when the watchdog fires
    const summary = await runHere(o.targets[0], o, (i) => process.send!({ input: i }));
    await new Promise<void>((r) => process.send!({ summary }, () => r()));
    return 0;
  }
  console.log(`fuzz: seed ${o.seed}, ${o.count} inputs per target (${o.targets.join(', ')}); rerun with --seed ${o.seed}`);
  let bad = false;
  for (const t of o.targets) {
    const started = performance.now();
    let result: TargetSummary | { hang: number };
    try {
      result = o.watchdog ? await runWatched(t, o) : await runHere(t, o);
    } catch (e) {
      console.log(`${t}: FAILED: ${(e as Error).message}`);
      bad = true;
      continue;
    }
    if ('hang' in result) {
      console.log(`${t}: HANG: input #${result.hang} did not finish within ${o.watchdogMs} ms of real time (seed ${o.seed})`);
      console.log(`  print it: npm run fuzz -- --target ${t} --seed ${o.seed} --show ${result.hang}`);
      bad = true;
      continue;
    }
    console.log(formatSummary(result));
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (failed(result)) bad = true;
  }
  if (bad) console.log(`fuzz: FAILED; seed ${o.seed}`);
  return bad ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (e) => {
  console.error(e);
  process.exitCode = 1;
});
