import { DURATION_SYNTAX, parseConfAssignment, parseDuration } from '../engine';

// Argument parsing for `sim`, kept apart from running so it can be tested on its own.

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
  conf: Record<string, string>;
  faults: string[];
  json: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run --silent sim -- [--scenario <builtin-id | path/to/scenario.json>] [--seed <n>]
                            [--until <duration>] [--conf <key>=<value>]... [--fault <spec>]... [--json]`;

export function parseArgs(argv: string[]): SimArgs {
  const args: SimArgs = { scenario: undefined, seed: undefined, untilMs: 10_000, conf: {}, faults: [], json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--conf=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--scenario': args.scenario = value(); break;
      case '--seed': {
        const v = value();
        if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(`--seed takes an integer, got "${v}"`);
        args.seed = Number(v);
        break;
      }
      case '--until': {
        const v = value();
        const ms = parseDuration(v);
        if (ms === null || ms <= 0) throw new UsageError(`--until takes ${DURATION_SYNTAX} (greater than 0), got "${v}"`);
        args.untilMs = ms;
        break;
      }
      case '--conf': case '--conf=': {
        const v = arg.startsWith('--conf=') ? arg.slice('--conf='.length) : value();
        const [k, val] = parseConfAssignment(v);
        args.conf[k] = val;
        break;
      }
      case '--fault':
        // checked against the job's plan when the simulation is built (FaultSpecError)
        args.faults.push(value());
        break;
      case '--json': args.json = true; break;
      case '--help': case '-h': args.help = true; break;
      default: throw new UsageError(`unknown argument "${arg}"; ${USAGE.replace(/\s+/g, ' ')}`);
    }
  }
  return args;
}
