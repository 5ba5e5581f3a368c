import type fc from 'fast-check';
import type { RunBounds, Verdict } from './oracle';

/** One kind of outside input: how to generate it, show it and judge it. */
export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** the input as someone would reproduce it: file text, query string, argv (cut at `max` characters) */
  show(input: T, max?: number): string;
  check(input: T, bounds: RunBounds): Verdict;
  /** the same check on what `show` printed: a file's text, a query string, argv as a JSON array */
  checkText(text: string, bounds: RunBounds): Verdict;
  /** loads what the checks need (the store module) */
  prepare?(): Promise<void>;
}
