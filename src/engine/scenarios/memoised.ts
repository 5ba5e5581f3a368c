/**
 * `build` runs on the first call only; every call returns what it built. The engine's zod schemas
 * are built this way, when first used rather than when their module is imported: building them
 * was a fifth of a throttled first load's script time, and the first screen checks no file.
 */
export function memoised<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
