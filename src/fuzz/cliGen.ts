import fc from 'fast-check';
import { CONTROL_SAMPLES, HOSTILE_KEYS, hostileNumber, hostileString } from './hostile';
import { BUILTIN_IDS, confEntry, durationText, faultSpec } from './values';

// Argument lists for `sim` (src/cli/args.ts parseArgs): known flags with good and bad values,
// `--flag=value`, flags missing their value, unknown flags, hostile `--conf` keys, absurd
// durations, odd fault specs and terminal escape sequences. Each argument is a small record so a
// failing list shrinks to the one argument that matters.

export type CliArg =
  | { kind: 'flag'; flag: string; value: string | null; inline: boolean }
  | { kind: 'bare'; text: string };

export type CliInput = CliArg[];

const FLAGS = ['--scenario', '--seed', '--until', '--conf', '--fault', '--json', '--help', '-h', '--savepoint-at', '--stop-with-savepoint-at', '--savepoint-out', '--checkpoint-out', '--from-savepoint', '--allow-non-restored-state', '-n', '--claim-mode', '--export', '--out'];

const scenarioRef = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BUILTIN_IDS) },
  // paths that do not exist or are not scenario files: refused without reading much
  { weight: 1, arbitrary: fc.constantFrom('no/such/file.json', './missing.json', '/dev/null', '/proc/self/status', '.', '..', '/', 'package.json', '__proto__', 'constructor.json') },
  { weight: 1, arbitrary: hostileString },
);

const seed = fc.oneof(fc.constantFrom('1', '0', '-1', '9007199254740991', '9007199254740993', '1e3', '0x10', '', ' 1', '+1', '01'), hostileNumber.map(String));

const confAssignment = fc.oneof(
  { weight: 4, arbitrary: confEntry.map(([k, v]) => `${k}=${v}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom<string>(...HOSTILE_KEYS), fc.constantFrom('1', '{}', 'polluted', '')).map(([k, v]) => `${k}=${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('=', '=1', 'key', 'a==b', ' = ', 'sim.channel.capacity', 'sim.channel.capacity=', '__proto__.count=1', 'constructor.prototype.count=1') },
);

const valueFor = (flag: string): fc.Arbitrary<string> => {
  switch (flag) {
    case '--scenario': return scenarioRef;
    case '--seed': return seed;
    case '--until': case '--savepoint-at': case '--stop-with-savepoint-at': return durationText;
    case '--conf': return confAssignment;
    case '--fault': return faultSpec;
    case '--claim-mode': return fc.constantFrom('NO_CLAIM', 'CLAIM', 'claim', 'LEGACY', '__proto__');
    default: return fc.oneof(fc.constantFrom('x', '', '--json', '-'), hostileString);
  }
};

const flagArg: fc.Arbitrary<CliArg> = fc.constantFrom(...FLAGS).chain((flag) =>
  fc.record({
    kind: fc.constant('flag' as const),
    flag: fc.constant(flag),
    value: fc.oneof({ weight: 6, arbitrary: valueFor(flag) }, { weight: 1, arbitrary: fc.constant(null) }),
    inline: fc.boolean(),
  }),
);

const bareArg: fc.Arbitrary<CliArg> = fc.oneof(
  fc.constantFrom('--', '-', '---json', '--JSON', '--seed=', '--=', '--conf=', '--until=0', '--no-json', '-x', '--scenario=default=1', ...CONTROL_SAMPLES, '--\u001b[31mjson'),
  hostileString,
).map((text) => ({ kind: 'bare' as const, text }));

export const cliInput: fc.Arbitrary<CliInput> = fc.array(fc.oneof({ weight: 5, arbitrary: flagArg }, { weight: 1, arbitrary: bareArg }), { minLength: 0, maxLength: 6 });

/** The argv the input stands for (what follows `npm run --silent sim --`). */
export function cliArgv(input: CliInput): string[] {
  const out: string[] = [];
  for (const a of input) {
    if (a.kind === 'bare') out.push(a.text);
    else if (a.value === null) out.push(a.flag);
    else if (a.inline) out.push(`${a.flag}=${a.value}`);
    else out.push(a.flag, a.value);
  }
  return out;
}
