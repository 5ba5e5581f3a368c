import { ConfigError, formatDuration, parseDuration, quote, SCENARIO_LIMITS, validateConf } from '../engine';

// Argument parsing for `sim`, kept apart from running so it can be tested on its own. Every flag
// and value is checked as strictly as a scenario file; a message names the argument, repeats the
// user's text only through `quote` (cut short, control characters escaped) and says what is accepted.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface SimArgs {
  scenario: string | undefined;
  seed: number | undefined;
  untilMs: number;
  /** `--conf` keys and values as given, each key once, known keys with valid values only; no prototype */
  conf: Readonly<Record<string, string>>;
  faults: string[];
  json: boolean;
  help: boolean;
  /** `--export flink --out <dir>`: write the scenario as a Maven project instead of running it */
  export: { format: 'flink'; out: string } | undefined;
  /** `--savepoint-at`: times a savepoint is triggered, ascending */
  savepointAt: number[];
  /** `--stop-with-savepoint-at` */
  stopWithSavepointAt: number | undefined;
  /** files the latest completed savepoint / checkpoint is written to after the run */
  savepointOut: string | undefined;
  checkpointOut: string | undefined;
  /** `--from-savepoint <file>`: the job starts from this snapshot (Flink's `run -s`) */
  fromSavepoint: string | undefined;
  /** `--allow-non-restored-state`, `-n` */
  allowNonRestoredState: boolean;
  /** `--claim-mode` */
  claimMode: 'NO_CLAIM' | 'CLAIM' | undefined;
}

/** Savepoints one run takes with --savepoint-at. */
export const MAX_SAVEPOINTS_AT = 16;
export const CLAIM_MODE_VALUES = ['NO_CLAIM', 'CLAIM'] as const;

/** Simulated time a run takes when `--until` is not given. */
export const DEFAULT_UNTIL_MS = 10_000;
/** The most simulated time one `sim` run takes: 24 h. */
export const MAX_UNTIL_MS = 24 * 3_600_000;

export const USAGE = `usage: npm run --silent sim -- [--scenario <builtin-id | path/to/scenario.json>] [--seed <n>]
                            [--until <duration>] [--conf <key>=<value>]... [--fault <spec>]... [--json]
                            [--savepoint-at <time>]... [--stop-with-savepoint-at <time>]
                            [--savepoint-out <file>] [--checkpoint-out <file>]
                            [--from-savepoint <file> [--allow-non-restored-state | -n] [--claim-mode <NO_CLAIM|CLAIM>]]
       npm run --silent sim -- --export flink --out <dir> [--scenario <id | file>] [--seed <n>] [--conf <key>=<value>]...`;

const USAGE_LINE = USAGE.replace(/\s+/g, ' ');

type FlagName = '--scenario' | '--seed' | '--until' | '--conf' | '--fault' | '--json' | '--help' | '--export' | '--out'
  | '--savepoint-at' | '--stop-with-savepoint-at' | '--savepoint-out' | '--checkpoint-out' | '--from-savepoint' | '--allow-non-restored-state' | '--claim-mode';

/** What `--export` writes. */
export const EXPORT_FORMATS = ['flink'] as const;

interface Flag {
  takesValue: boolean;
  repeatable: boolean;
  /** what the flag accepts, in words */
  accepts: string;
}

const UNTIL_ACCEPTS = `a duration such as "500 ms", "10 s", "2 min" or plain milliseconds, greater than 0 and at most ${formatDuration(MAX_UNTIL_MS)} of simulated time`;

const FLAGS: ReadonlyMap<string, Flag> = new Map<FlagName, Flag>([
  ['--scenario', { takesValue: true, repeatable: false, accepts: 'a built-in scenario id or a path to a .json file' }],
  ['--seed', { takesValue: true, repeatable: false, accepts: `an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}` }],
  ['--until', { takesValue: true, repeatable: false, accepts: UNTIL_ACCEPTS }],
  ['--conf', { takesValue: true, repeatable: true, accepts: '<key>=<value>, e.g. execution.checkpointing.interval=5s' }],
  ['--fault', { takesValue: true, repeatable: true, accepts: 'a fault spec such as task:count/1@5s' }],
  ['--json', { takesValue: false, repeatable: false, accepts: 'no value' }],
  ['--help', { takesValue: false, repeatable: false, accepts: 'no value' }],
  ['--export', { takesValue: true, repeatable: false, accepts: `${EXPORT_FORMATS.join(', ')} (a Maven project for Flink 2.x, with --out <dir>)` }],
  ['--out', { takesValue: true, repeatable: false, accepts: 'a directory for --export: new, empty, or a previous export' }],
  ['--savepoint-at', { takesValue: true, repeatable: true, accepts: `a time within the run (duration syntax, as --until), at most ${MAX_SAVEPOINTS_AT} times` }],
  ['--stop-with-savepoint-at', { takesValue: true, repeatable: false, accepts: 'a time within the run (duration syntax, as --until)' }],
  ['--savepoint-out', { takesValue: true, repeatable: false, accepts: 'a file to write the latest completed savepoint to, as JSON' }],
  ['--checkpoint-out', { takesValue: true, repeatable: false, accepts: 'a file to write the latest completed checkpoint to, as JSON' }],
  ['--from-savepoint', { takesValue: true, repeatable: false, accepts: 'a snapshot file written by --savepoint-out or --checkpoint-out' }],
  ['--allow-non-restored-state', { takesValue: false, repeatable: false, accepts: 'no value' }],
  ['--claim-mode', { takesValue: true, repeatable: false, accepts: CLAIM_MODE_VALUES.join(' or ') }],
]);

function parseSeed(v: string): number {
  const n = /^-?\d{1,16}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--seed takes ${FLAGS.get('--seed')!.accepts}, got ${quote(v)}`);
  return n === 0 ? 0 : n; // "-0" is seed 0
}

function parseUntil(v: string): number {
  const ms = parseDuration(v);
  if (ms !== null && ms > MAX_UNTIL_MS) {
    throw new UsageError(`--until ${quote(v)} is longer than ${formatDuration(MAX_UNTIL_MS)}, the most simulated time one run takes; give a shorter duration`);
  }
  if (ms === null || ms <= 0) throw new UsageError(`--until takes ${UNTIL_ACCEPTS}, got ${quote(v)}`);
  return ms;
}

/** A time within the run for a savepoint flag: duration syntax, 0 allowed (the start). */
function parseWhen(flag: string, v: string): number {
  const ms = parseDuration(v);
  if (ms === null || ms < 0) throw new UsageError(`${flag} takes ${FLAGS.get(flag)!.accepts}, got ${quote(v)}`);
  return ms;
}

function addConf(conf: Record<string, string>, v: string): void {
  const i = v.indexOf('=');
  const key = i > 0 ? v.slice(0, i).trim() : '';
  if (!key) throw new UsageError(`--conf takes ${FLAGS.get('--conf')!.accepts}, got ${quote(v)}`);
  if (Object.hasOwn(conf, key)) throw new UsageError(`--conf ${quote(key)} is given twice; give each key once`);
  conf[key] = v.slice(i + 1).trim();
}

export function parseArgs(argv: readonly string[]): SimArgs {
  // without a prototype, "__proto__" is a key like any other, so validation sees it and refuses it
  const conf = Object.create(null) as Record<string, string>;
  const args: SimArgs = {
    scenario: undefined, seed: undefined, untilMs: DEFAULT_UNTIL_MS, conf, faults: [], json: false, help: false, export: undefined,
    savepointAt: [], stopWithSavepointAt: undefined, savepointOut: undefined, checkpointOut: undefined, fromSavepoint: undefined, allowNonRestoredState: false, claimMode: undefined,
  };
  let exportFormat: string | undefined;
  let out: string | undefined;
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = arg === '-h' ? '--help' : arg === '-n' ? '--allow-non-restored-state' : eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const flag = FLAGS.get(name);
    if (!flag) throw new UsageError(`unknown argument ${quote(arg)}; ${USAGE_LINE}`);
    if (!flag.repeatable && seen.has(name)) throw new UsageError(`${name} is given twice; give it once`);
    seen.add(name);
    if (!flag.takesValue) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value, got ${quote(arg)}; give ${name} alone, or leave it out`);
      if (name === '--json') args.json = true;
      else if (name === '--allow-non-restored-state') args.allowNonRestoredState = true;
      else args.help = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) value = argv[++i];
    }
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value: ${flag.accepts}`);
    switch (name as FlagName) {
      case '--scenario': args.scenario = value; break;
      case '--seed': args.seed = parseSeed(value); break;
      case '--until': args.untilMs = parseUntil(value); break;
      case '--conf': addConf(conf, value); break;
      case '--fault':
        if (args.faults.length >= SCENARIO_LIMITS.faults) throw new UsageError(`--fault is given more than ${SCENARIO_LIMITS.faults} times; a run takes at most ${SCENARIO_LIMITS.faults} faults`);
        // checked against the job's plan when the simulation is built (FaultSpecError)
        args.faults.push(value);
        break;
      case '--export':
        if (!(EXPORT_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--export takes ${FLAGS.get('--export')!.accepts}, got ${quote(value)}`);
        exportFormat = value;
        break;
      case '--out': out = value; break;
      case '--savepoint-at':
        if (args.savepointAt.length >= MAX_SAVEPOINTS_AT) throw new UsageError(`--savepoint-at is given more than ${MAX_SAVEPOINTS_AT} times; a run takes at most ${MAX_SAVEPOINTS_AT} savepoints this way`);
        args.savepointAt.push(parseWhen('--savepoint-at', value));
        break;
      case '--stop-with-savepoint-at': args.stopWithSavepointAt = parseWhen('--stop-with-savepoint-at', value); break;
      case '--savepoint-out': args.savepointOut = value; break;
      case '--checkpoint-out': args.checkpointOut = value; break;
      case '--from-savepoint': args.fromSavepoint = value; break;
      case '--claim-mode':
        if (!(CLAIM_MODE_VALUES as readonly string[]).includes(value)) throw new UsageError(`--claim-mode takes ${FLAGS.get('--claim-mode')!.accepts}, got ${quote(value)}`);
        args.claimMode = value as SimArgs['claimMode'];
        break;
    }
  }
  args.savepointAt.sort((a, b) => a - b);
  for (const [flag, at] of [...args.savepointAt.map((t) => ['--savepoint-at', t] as const), ['--stop-with-savepoint-at', args.stopWithSavepointAt] as const]) {
    if (at !== undefined && at >= args.untilMs) throw new UsageError(`${flag} ${formatDuration(at)} is not within the run: it ends at --until ${formatDuration(args.untilMs)}`);
  }
  if (args.savepointOut !== undefined && args.savepointOut === args.checkpointOut) throw new UsageError('--savepoint-out and --checkpoint-out name the same file; give two files');
  if (args.fromSavepoint === undefined) {
    for (const flag of ['--allow-non-restored-state', '--claim-mode'] as const) {
      if (seen.has(flag)) throw new UsageError(`${flag} is about a restore: give it with --from-savepoint <file>`);
    }
  }
  if (exportFormat !== undefined && out === undefined) throw new UsageError(`--export ${exportFormat} needs --out <dir>: the directory to write the project into`);
  if (out !== undefined && exportFormat === undefined) throw new UsageError('--out is for --export: give --export flink --out <dir>');
  if (exportFormat !== undefined && out !== undefined) {
    // an export writes files and runs nothing: flags about a run would be silently ignored
    for (const flag of ['--until', '--fault', '--json', '--savepoint-at', '--stop-with-savepoint-at', '--savepoint-out', '--checkpoint-out', '--from-savepoint', '--allow-non-restored-state', '--claim-mode'] as const) {
      if (seen.has(flag)) throw new UsageError(`${flag} is about a run; --export writes a project and runs nothing: leave ${flag} out`);
    }
    args.export = { format: 'flink', out };
  }
  try {
    validateConf(conf);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`--conf: ${e.message}`);
    throw e;
  }
  return args;
}
