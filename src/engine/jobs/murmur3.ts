// MurmurHash3, x64 128-bit variant, seed 0: the hash Flink's StreamGraphHasherV2 uses (through
// Guava's Hashing.murmur3_128(0)) to turn an operator's uid or graph position into its 16-byte
// OperatorID. Off the hot path: a job's ids are worked out once, so BigInt keeps it plain.

const MASK = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & MASK;
const mul = (a: bigint, b: bigint) => (a * b) & MASK;

function fmix(k: bigint): bigint {
  k ^= k >> 33n;
  k = mul(k, 0xff51afd7ed558ccdn);
  k ^= k >> 33n;
  k = mul(k, 0xc4ceb9fe1a85ec53n);
  k ^= k >> 33n;
  return k;
}

/** The little-endian 64-bit word of `bytes` at `at`, `n` bytes of it (the rest zero). */
function word(bytes: Uint8Array, at: number, n = 8): bigint {
  let w = 0n;
  for (let i = n - 1; i >= 0; i--) w = (w << 8n) | BigInt(bytes[at + i]);
  return w;
}

/** The 16 bytes of the hash: h1 then h2, each little-endian, as Guava's `asBytes()`. */
export function murmur3x64_128(bytes: Uint8Array): Uint8Array {
  let h1 = 0n;
  let h2 = 0n;
  const blocks = Math.floor(bytes.length / 16);
  for (let b = 0; b < blocks; b++) {
    const k1 = word(bytes, b * 16);
    const k2 = word(bytes, b * 16 + 8);
    h1 ^= mul(rotl(mul(k1, C1), 31n), C2);
    h1 = (mul(rotl(h1, 27n) + h2, 5n) + 0x52dce729n) & MASK;
    h2 ^= mul(rotl(mul(k2, C2), 33n), C1);
    h2 = (mul(rotl(h2, 31n) + h1, 5n) + 0x38495ab5n) & MASK;
  }
  const tail = blocks * 16;
  const rest = bytes.length - tail;
  if (rest > 8) h2 ^= mul(rotl(mul(word(bytes, tail + 8, rest - 8), C2), 33n), C1);
  if (rest > 0) h1 ^= mul(rotl(mul(word(bytes, tail, Math.min(rest, 8)), C1), 31n), C2);
  const len = BigInt(bytes.length);
  h1 ^= len;
  h2 ^= len;
  h1 = (h1 + h2) & MASK;
  h2 = (h2 + h1) & MASK;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) & MASK;
  h2 = (h2 + h1) & MASK;
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    out[i] = Number((h1 >> BigInt(8 * i)) & 0xffn);
    out[8 + i] = Number((h2 >> BigInt(8 * i)) & 0xffn);
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
