import fc from 'fast-check';
import { DEFAULT_BOUNDS, FAILURE_KINDS, pollution, type FailureKind, type RunBounds, type Verdict } from './oracle';
import type { FuzzTarget } from './fuzzTarget';

// Runs one target over `count` generated inputs, counts the outcomes, and shrinks a few failures
// (one per distinct kind of failure) to a minimal input with fast-check's shrinker.

export interface Finding { kind: FailureKind; detail: string; input: string; shrunk: boolean; index: number }

export interface TargetSummary {
  target: string;
  inputs: number;
  seed: number;
  counts: Record<FailureKind | 'accepted' | 'refused', number>;
  heavy: number;
  events: { total: number; max: number };
  slowest: { ms: number; input: string };
  findings: Finding[];
}

export interface RunOptions {
  count: number;
  seed: number;
  bounds?: RunBounds;
  /** distinct failures shrunk per target (each re-runs the inputs up to it, then shrinks) */
  shrinkLimit?: number;
  /** an input whose check takes longer than this (real ms) counts as a hang */
  hangWallMs?: number;
  /** told before each input: the watchdog of run.ts uses it */
  onInput?: (index: number) => void;
}

/** One check, with the pollution probe and the wall clock around it. */
export function judge<T>(target: FuzzTarget<T>, input: T | string, bounds: RunBounds, hangWallMs = 15_000, asText = false): { verdict: Verdict; ms: number } {
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = asText ? target.checkText(input as string, bounds) : target.check(input as T, bounds);
  } catch (e) {
    // the checks catch what they expect; this is a bug in the check or an error thrown as a non-Error
    verdict = { outcome: 'crash', detail: `escaped the oracle: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, events: 0 };
  }
  const ms = performance.now() - started;
  let polluted: string | null;
  try {
    polluted = pollution();
  } catch (e) {
    polluted = `the pollution probe itself failed: ${(e as Error).message}`;
  }
  if (polluted) verdict = { outcome: 'pollution', detail: polluted, events: verdict.events };
  else if (ms > hangWallMs && verdict.outcome !== 'crash') verdict = { outcome: 'hang', detail: `took ${Math.round(ms)} ms of real time (more than ${hangWallMs}); ${'detail' in verdict ? verdict.detail : verdict.outcome}`, events: verdict.events };
  return { verdict, ms };
}

/** Failures that are the same bug: same kind, same words once numbers and quoted values are gone. */
export function signature(v: Verdict): string {
  const detail = 'detail' in v ? v.detail : '';
  const words = detail.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/U\+[0-9a-f]{4}/gi, 'U+X').replace(/\d+(\.\d+)?/g, 'N').replace(/\[.*$/, '');
  return `${v.outcome}:${words.slice(0, 70)}`;
}

function safeShow<T>(target: FuzzTarget<T>, input: T, max?: number): string {
  try {
    return target.show(input, max);
  } catch (e) {
    return `(the input could not be shown: ${(e as Error).message}) ${JSON.stringify(input)?.slice(0, max ?? 4000)}`;
  }
}

export function runTarget<T>(target: FuzzTarget<T>, options: RunOptions): TargetSummary {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const summary: TargetSummary = {
    target: target.name, inputs: 0, seed: options.seed,
    counts: { accepted: 0, refused: 0, crash: 0, hang: 0, pollution: 0, nondeterministic: 0, 'bad-message': 0, 'accepted-invalid': 0 },
    heavy: 0, events: { total: 0, max: 0 }, slowest: { ms: 0, input: '' }, findings: [],
  };
  const firstOf = new Map<string, { index: number; verdict: Verdict; input: T }>();
  let index = 0;
  const outcome = fc.check(fc.property(target.arbitrary, (input) => {
    options.onInput?.(index);
    const { verdict, ms } = judge(target, input, bounds, options.hangWallMs);
    if (process.env.FUZZ_TRACE) console.error(`#${index} ${verdict.outcome} ${Math.round(ms)} ms heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
    summary.inputs++;
    summary.counts[verdict.outcome]++;
    summary.events.total += verdict.events;
    summary.events.max = Math.max(summary.events.max, verdict.events);
    if (verdict.outcome === 'accepted' && verdict.note) summary.heavy++;
    if (ms > summary.slowest.ms) summary.slowest = { ms, input: safeShow(target, input, 300) };
    if (FAILURE_KINDS.includes(verdict.outcome as FailureKind)) {
      const sig = signature(verdict);
      if (!firstOf.has(sig)) firstOf.set(sig, { index, verdict, input });
    }
    index++;
    return true;
  }), { numRuns: options.count, seed: options.seed, endOnFailure: true });
  // the property never fails on purpose: a failure here is an error of the fuzzer itself
  if (outcome.failed) throw new Error(`the fuzzer failed at input #${index}: ${outcome.errorInstance instanceof Error ? outcome.errorInstance.stack : String(outcome.errorInstance)}`);

  // shrink the first input of each distinct failure: same seed, fail on that signature only
  let shrunkCount = 0;
  for (const [sig, first] of firstOf) {
    const v = first.verdict as Extract<Verdict, { detail: string }>;
    const finding: Finding = { kind: v.outcome, detail: v.detail, input: safeShow(target, first.input), shrunk: false, index: first.index };
    if (shrunkCount < (options.shrinkLimit ?? 4)) {
      shrunkCount++;
      const result = fc.check(fc.property(target.arbitrary, (input) => signature(judge(target, input, bounds, options.hangWallMs).verdict) !== sig), {
        numRuns: first.index + 1, seed: options.seed, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false,
      });
      if (result.failed && result.counterexample) {
        const input = result.counterexample[0];
        const again = judge(target, input, bounds, options.hangWallMs).verdict as Extract<Verdict, { detail: string }>;
        Object.assign(finding, { input: safeShow(target, input), detail: again.detail ?? finding.detail, shrunk: true });
      }
    }
    summary.findings.push(finding);
  }
  return summary;
}

export function summaryLine(s: TargetSummary): string {
  const c = s.counts;
  return `${s.target}: ${s.inputs} inputs, ${c.crash} crashes, ${c.hang} hangs, ${c.pollution} pollution, ${c.nondeterministic} nondeterministic, ${c['bad-message']} bad messages, ${c['accepted-invalid']} accepted-invalid, ${c.accepted} accepted, ${c.refused} refused`;
}

export function failed(s: TargetSummary): boolean {
  return FAILURE_KINDS.some((k) => s.counts[k] > 0);
}

/** The whole report of a target: the summary line, then each finding with its (shrunk) input. */
export function formatSummary(s: TargetSummary): string {
  const lines = [summaryLine(s), `  events per input: max ${s.events.max}, mean ${s.inputs ? Math.round(s.events.total / s.inputs) : 0}; ${s.heavy} heavy (event budget spent, time still moving); slowest input ${Math.round(s.slowest.ms)} ms`];
  for (const f of s.findings) {
    lines.push(`  ${f.kind.toUpperCase()} (first at input #${f.index}, seed ${s.seed}${f.shrunk ? ', shrunk' : ''}): ${f.detail}`);
    lines.push(`    input: ${f.input}`);
  }
  return lines.join('\n');
}
