import fc from 'fast-check';
import lzString from 'lz-string';
import { HOSTILE_KEYS, hostileNumber, hostileString } from './hostile';
import { scenarioInput, scenarioText, type ScenarioInput } from './scenarioGen';
import { BUILTIN_IDS, commandList, confEntry } from './values';

// Page links: the query string of `/?…`. Parameters the page reads today (scenario, seed, conf.*,
// run, spec, t) and ones it will read (lesson, step, lang, b.*, present, embed), with values that
// are right, wrong, hostile or cut short. `spec` and `run` carry lz-string compressed JSON, as
// urlParams.ts writes them.

export type LinkParam =
  | { kind: 'plain'; key: string; value: string }
  | { kind: 'run'; commands: unknown; cut: number }
  | { kind: 'spec'; scenario: ScenarioInput; cut: number }
  | { kind: 'raw'; text: string };

export interface LinkInput { params: LinkParam[]; encode: boolean }

const seedValue = fc.oneof(fc.constantFrom('1', '7', '0', '-1', '42'), hostileNumber.map(String), hostileString);
const timeValue = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6_000 }).map(String) }, { weight: 2, arbitrary: fc.constantFrom('0', '-1', '1e999', 'NaN', '', ' ', '0x10', '3600000', '3600001', '86400000', '1e308', '5 s', '12345.678') }, { weight: 1, arbitrary: hostileString });
const scenarioValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BUILTIN_IDS) }, { weight: 1, arbitrary: fc.constantFrom<string>(...HOSTILE_KEYS) }, { weight: 1, arbitrary: hostileString });
const unknownParam: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constant('lesson'), fc.oneof(fc.constantFrom('intro', 'barriers', '../../etc/passwd', '__proto__'), hostileString)),
  fc.tuple(fc.constant('step'), fc.oneof(fc.constantFrom('1', '0', '-1', '99999999999', '1.5'), hostileString)),
  fc.tuple(fc.constant('lang'), fc.oneof(fc.constantFrom('en', 'ko', 'EN', 'xx', 'constructor', 'toString'), hostileString)),
  fc.tuple(fc.constantFrom('present', 'embed'), fc.constantFrom('1', '0', 'true', '', 'yes', '__proto__')),
  fc.tuple(fc.constantFrom('b.seed', 'b.t', 'b.scenario', 'b.run', 'b.__proto__', 'b.constructor'), fc.oneof(seedValue, timeValue)),
  confEntry.map(([k, v]): [string, string] => [`b.conf.${k}`, v]),
  fc.tuple(fc.constantFrom<string>(...HOSTILE_KEYS, '', '=', '&', 'conf.', 'conf', 'b.', 'b.b.seed'), hostileString),
);

const param: fc.Arbitrary<LinkParam> = fc.oneof(
  { weight: 3, arbitrary: scenarioValue.map((value) => ({ kind: 'plain' as const, key: 'scenario', value })) },
  { weight: 3, arbitrary: seedValue.map((value) => ({ kind: 'plain' as const, key: 'seed', value })) },
  { weight: 4, arbitrary: confEntry.map(([k, value]) => ({ kind: 'plain' as const, key: `conf.${k}`, value })) },
  { weight: 3, arbitrary: timeValue.map((value) => ({ kind: 'plain' as const, key: 't', value })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('run' as const), commands: commandList, cut: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 50 }) }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('spec' as const), scenario: scenarioInput, cut: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 50 }) }) }) },
  { weight: 3, arbitrary: unknownParam.map(([key, value]) => ({ kind: 'plain' as const, key, value })) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '&&&', '==', '?', '#t=5', 'spec=%%%', 'run=', 'spec=', 'run=N4Ig', 'spec=N4IgdghgtgpiBcIDCB7ANgFwJ', '+', 'conf.=1', 'conf.sim.channel.capacity', '\u0000=\u0000').map((text) => ({ kind: 'raw' as const, text })) },
);

export const linkInput: fc.Arbitrary<LinkInput> = fc.record({
  params: fc.array(param, { minLength: 0, maxLength: 6 }),
  encode: fc.boolean(),
});

/** The link's query string, starting with `?`. */
export function linkSearch(input: LinkInput): string {
  const enc = (s: string) => {
    if (!input.encode) return s;
    try {
      return encodeURIComponent(s);
    } catch {
      return s; // a lone surrogate cannot be encoded: it goes into the link as it is
    }
  };
  const parts = input.params.map((p) => {
    switch (p.kind) {
      case 'plain': return `${enc(p.key)}=${enc(p.value)}`;
      case 'raw': return p.text;
      case 'run': {
        const s = lzString.compressToEncodedURIComponent(JSON.stringify(p.commands) ?? 'null');
        return `run=${p.cut ? s.slice(0, Math.max(0, s.length - p.cut)) : s}`;
      }
      case 'spec': {
        const s = lzString.compressToEncodedURIComponent(scenarioText(p.scenario));
        return `spec=${p.cut ? s.slice(0, Math.max(0, s.length - p.cut)) : s}`;
      }
    }
  });
  return `?${parts.join('&')}`;
}
