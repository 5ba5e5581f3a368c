// Flink's KeyGroupRangeAssignment and MathUtils.murmurHash, with Java's 32-bit arithmetic.

export type FlinkKey = string | number | bigint;

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
export const UPPER_BOUND_MAX_PARALLELISM = 32768;
export const DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;

function longHash(v: bigint): number {
  if (v < -(1n << 63n) || v >= 1n << 63n) {
    throw new TypeError(`key ${v}n does not fit in a Java long (64 bits)`);
  }
  const u = BigInt.asUintN(64, v);
  return Number(BigInt.asIntN(32, u ^ (u >> 32n)));
}

/** Java's hashCode: String (UTF-16 code units), Integer, Long. */
export function javaHashCode(key: FlinkKey): number {
  if (typeof key === 'string') {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    return h;
  }
  if (typeof key === 'number') {
    if (!Number.isInteger(key)) throw new TypeError(`key ${key} is not an integer; number keys must be integers (hashed as java.lang.Integer or java.lang.Long)`);
    if (key >= INT_MIN && key <= INT_MAX) return key | 0;
    if (!Number.isSafeInteger(key)) throw new TypeError(`key ${key} is not a safe integer; use a bigint for Java longs beyond 2^53`);
    return longHash(BigInt(key));
  }
  if (typeof key === 'bigint') return longHash(key);
  throw new TypeError(`key ${String(key)} of type ${key === null ? 'null' : typeof key} cannot be hashed; keys must be strings, integers or bigints (null keys are rejected as in Flink)`);
}

/** Flink's MathUtils.murmurHash(int): one round of Murmur3 plus fmix32, made non-negative. */
export function murmurHash(code: number): number {
  code = Math.imul(code, 0xcc9e2d51);
  code = (code << 15) | (code >>> 17);
  code = Math.imul(code, 0x1b873593);
  code = (code << 13) | (code >>> 19);
  code = (Math.imul(code, 5) + 0xe6546b64) | 0;
  code ^= 4;
  code ^= code >>> 16;
  code = Math.imul(code, 0x85ebca6b);
  code ^= code >>> 13;
  code = Math.imul(code, 0xc2b2ae35);
  code ^= code >>> 16;
  if (code >= 0) return code;
  return code === INT_MIN ? 0 : -code;
}

function checkMaxParallelism(maxParallelism: number): void {
  if (!Number.isInteger(maxParallelism) || maxParallelism <= 0) throw new RangeError(`maxParallelism must be a positive integer, got ${maxParallelism}`);
  if (maxParallelism > UPPER_BOUND_MAX_PARALLELISM) throw new RangeError(`maxParallelism ${maxParallelism} exceeds the upper bound ${UPPER_BOUND_MAX_PARALLELISM}`);
}

function checkParallelism(maxParallelism: number, parallelism: number): void {
  checkMaxParallelism(maxParallelism);
  if (!Number.isInteger(parallelism) || parallelism <= 0) throw new RangeError(`parallelism must be a positive integer, got ${parallelism}`);
  if (parallelism > maxParallelism) throw new RangeError(`parallelism ${parallelism} exceeds maxParallelism ${maxParallelism}`);
}

// Strings are hashed once per record on the hot path; remember recent long ones. A short key
// hashes in fewer steps than a lookup in a table of many keys takes (its memory is rarely cached).
const SHORT_KEY = 12;
const stringGroupCache = new Map<string, number>();

export function assignToKeyGroup(key: FlinkKey, maxParallelism: number): number {
  if (typeof key === 'string') {
    if (key.length <= SHORT_KEY) {
      checkMaxParallelism(maxParallelism);
      return murmurHash(javaHashCode(key)) % maxParallelism;
    }
    const cached = stringGroupCache.get(key);
    const hash = cached ?? murmurHash(javaHashCode(key));
    if (cached === undefined) {
      if (stringGroupCache.size > 100_000) stringGroupCache.clear();
      stringGroupCache.set(key, hash);
    }
    checkMaxParallelism(maxParallelism);
    return hash % maxParallelism;
  }
  checkMaxParallelism(maxParallelism);
  return murmurHash(javaHashCode(key)) % maxParallelism;
}

export function computeOperatorIndexForKeyGroup(maxParallelism: number, parallelism: number, keyGroup: number): number {
  checkParallelism(maxParallelism, parallelism);
  if (!Number.isInteger(keyGroup) || keyGroup < 0 || keyGroup >= maxParallelism) throw new RangeError(`keyGroup ${keyGroup} is outside 0..${maxParallelism - 1}`);
  return Math.floor((keyGroup * parallelism) / maxParallelism);
}

export function assignKeyToParallelOperator(key: FlinkKey, maxParallelism: number, parallelism: number): number {
  return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
}

export function computeKeyGroupRangeForOperatorIndex(maxParallelism: number, parallelism: number, operatorIndex: number): { start: number; end: number } {
  checkParallelism(maxParallelism, parallelism);
  if (!Number.isInteger(operatorIndex) || operatorIndex < 0 || operatorIndex >= parallelism) throw new RangeError(`operatorIndex ${operatorIndex} is outside 0..${parallelism - 1}`);
  return {
    start: Math.floor((operatorIndex * maxParallelism + parallelism - 1) / parallelism),
    end: Math.floor(((operatorIndex + 1) * maxParallelism - 1) / parallelism),
  };
}

function roundUpToPowerOfTwo(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}

export function computeDefaultMaxParallelism(parallelism: number): number {
  if (!Number.isInteger(parallelism) || parallelism <= 0) throw new RangeError(`parallelism must be a positive integer, got ${parallelism}`);
  if (parallelism > UPPER_BOUND_MAX_PARALLELISM) throw new RangeError(`parallelism ${parallelism} exceeds the upper bound ${UPPER_BOUND_MAX_PARALLELISM}`);
  return Math.min(Math.max(roundUpToPowerOfTwo(parallelism + Math.floor(parallelism / 2)), DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
}
