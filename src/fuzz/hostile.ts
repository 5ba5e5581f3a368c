import fc from 'fast-check';

// Pools of awkward values shared by every generator. Everything here is bounded: the longest
// string is LONG_STRING_CHARS characters, so generating an input stays cheap whatever it holds.

export const LONG_STRING_CHARS = 20_000;

/** Property names that reach Object.prototype or shadow its methods when used as plain keys. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'count'] as const;

/** Characters that must never reach a message raw: C0 controls, DEL, C1 controls, escape sequences. */
export const CONTROL_SAMPLES = ['\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u001b[31m', '\u001b]0;title\u0007', '\u007f', '\u0085', '\u009b2J'];

const markup = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}'];
const oddUnicode = ['\u202eevil', '\ud800', '\udfff', 'é', 'e\u0301', '🐿️', '\ufeff', '\u2028', '\u200b', 'ｉｄ'];

/** Strings that have broken parsers before: hostile names, markup, controls, odd Unicode, numbers as text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<string>(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_SAMPLES) },
  { weight: 1, arbitrary: fc.constantFrom(...markup) },
  { weight: 1, arbitrary: fc.constantFrom(...oddUnicode) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'NaN', 'Infinity', '-1', '0', '1e999', '0x10', '1_000', 'null', 'undefined', 'true', '[]', '{}') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('a', 'x', '\u0001', '<', '🐿️'), fc.integer({ min: 1000, max: LONG_STRING_CHARS })).map(([c, n]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom(...CONTROL_SAMPLES)).map(([k, c]) => `${k}${c}`) },
);

/** Numbers a schema may not expect: zero, negatives, fractions, the extremes, -0. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 53 + 2, 1e9, 1e15, 1e300, Number.MAX_VALUE, Number.MIN_VALUE, -1e300, 32768, 32769, 65536, 1e-9),
  fc.integer({ min: -10, max: 10_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

/** Text that JSON.parse turns into a number or a non-number where a number was: "NaN", "1e999"... */
export const numberAsString: fc.Arbitrary<string> = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x1F', '1_0', '', ' 1 ', '5 s', '10');

/** Any value of the wrong type. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], '', 0),
  hostileString,
  hostileNumber,
);

/** A short list of lowercase words: ids that pass `^[a-z][a-z0-9-]*$` but name nothing. */
export const plausibleId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('source', 'map', 'count', 'sink', 'a', 'x-1', 'constructor', 'prototype', 'tostring', 'hasownproperty'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
);

/** Makes an object whose own property `key` holds `value`, even for `__proto__` (as JSON.parse would). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
