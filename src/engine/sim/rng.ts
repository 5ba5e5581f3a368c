// Seeded randomness. The PRNG state is a single uint32 kept inside SimState, so a cloned state
// continues with exactly the same numbers.

/** mulberry32: advances the state and returns [nextState, value in [0, 1)]. */
export function nextRandom(state: { rng: number }): number {
  let t = (state.rng = (state.rng + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Integer in [min, max], inclusive. */
export function nextInt(state: { rng: number }, min: number, max: number): number {
  return min + Math.floor(nextRandom(state) * (max - min + 1));
}

/** A stateless hash of three integers to [0, 1): the content of the source log is a pure
 *  function of (seed, partition, offset), which is what makes a replayable source replay. */
export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ Math.imul(c, 0x27d4eb2f), 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

export function seedToState(seed: number): number {
  return (Math.imul(seed32(seed), 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
}

/**
 * A seed as 32 bits: itself within the 32-bit range (so every run seeded so far keeps its trace),
 * its high bits folded in beyond it, so seeds that differ only above 32 bits give different runs.
 */
export function seed32(seed: number): number {
  if (seed === (seed | 0)) return seed;
  const high = Math.floor(seed / 0x1_0000_0000);
  return ((seed | 0) ^ Math.imul(high | 0, 0x85ebca6b)) | 0;
}
