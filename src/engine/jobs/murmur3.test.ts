import { describe, expect, it } from 'vitest';
import { murmur3x64_128, toHex } from './murmur3';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('murmur3x64_128 (seed 0)', () => {
  it('matches the reference vectors', () => {
    expect(toHex(murmur3x64_128(utf8('')))).toBe('00000000000000000000000000000000');
    expect(toHex(murmur3x64_128(utf8('The quick brown fox jumps over the lazy dog')))).toBe('6c1b07bc7bbc4be347939ac4a93c437a');
  });

  it('differs for every tail length and is stable', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 33; n++) seen.add(toHex(murmur3x64_128(utf8('x'.repeat(n)))));
    expect(seen.size).toBe(34);
    expect(toHex(murmur3x64_128(utf8('count')))).toBe(toHex(murmur3x64_128(utf8('count'))));
  });
});
