import { BUILTIN_SCENARIOS, formatTraceHash, type Simulation } from '../engine';

// What every input must end in: accepted and deterministic, or refused with a usable message.
// Anything else is a finding of one of the kinds below.

export type FailureKind = 'crash' | 'hang' | 'pollution' | 'nondeterministic' | 'bad-message' | 'accepted-invalid';
/** `bad-message`: refused, but the message is empty, too long, holds control characters or names no path;
 *  `accepted-invalid`: accepted although the value cannot mean anything (a NaN duration, a dropped key) */
export const FAILURE_KINDS: FailureKind[] = ['crash', 'hang', 'pollution', 'nondeterministic', 'bad-message', 'accepted-invalid'];

export type Verdict =
  | { outcome: 'accepted'; events: number; hash: string; note?: string }
  | { outcome: 'refused'; message: string; events: number }
  | { outcome: FailureKind; detail: string; events: number };

/** Errors the project documents as "your input is wrong": anything else escaping is a crash. */
export const DOCUMENTED_ERRORS = new Set(['ScenarioError', 'ConfigError', 'FaultSpecError', 'CommandsError', 'UsageError', 'RestoreError', 'ReplayError', 'LimitError', 'LessonError', 'ImportError', 'RestImportError']);

export function isDocumentedError(e: unknown): e is Error {
  return e instanceof Error && DOCUMENTED_ERRORS.has(e.name) && e.constructor !== Error && DOCUMENTED_ERRORS.has(e.constructor.name);
}

export const MAX_MESSAGE_CHARS = 2000;
// Unicode Cc: C0 controls (tab and newline included: a message is one line), DEL, C1 controls
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with a refusal's message, or null when it is fine. */
export function messageProblem(message: unknown): string | null {
  if (typeof message !== 'string') return `the message is a ${typeof message}, not text`;
  if (message.trim() === '') return 'the message is empty';
  if (message.length > MAX_MESSAGE_CHARS) return `the message is ${message.length} characters long (at most ${MAX_MESSAGE_CHARS})`;
  const m = CONTROL.exec(message);
  if (m) return `the message holds the raw control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(message.slice(Math.max(0, m.index - 40), m.index + 20))}`;
  return null;
}

/** A scenario problem names where it is: `operators.0.id: …`, `edges.2: …`, `(scenario): …`, `config.<key>`. */
const PATH_AT_START = /^(\(scenario\)|[A-Za-z_$][\w$-]*(\.[^\s:]+)*):/;
const PATH_INSIDE = /\b(operators|edges|slowSubtasks|faults|config)(\.[\w$.-]+)?\b/;

export function scenarioMessageProblem(e: Error): string | null {
  const general = messageProblem(e.message);
  if (general) return general;
  const problems = (e as { problems?: unknown }).problems;
  const list = Array.isArray(problems) ? problems.map(String) : [e.message];
  if (e.name === 'ConfigError') {
    const key = (e as { key?: unknown }).key;
    return typeof key === 'string' && key !== '' && !e.message.includes(key) ? `the message does not name the key "${key}"` : null;
  }
  if (e.name === 'FaultSpecError') return /fault/i.test(e.message) ? null : 'the message does not say which fault';
  for (const p of list) {
    // a file that is not JSON at all has no path inside it: the parser's words (often a position) do
    if (/\bJSON\b/.test(p)) continue;
    // a file over the size bound is refused whole, before any path inside it is read
    if (/^the file has [\d,]+ characters\b/.test(p)) continue;
    // the tail of a shortened list ("and 3 more") stands for problems named in full elsewhere
    if (/^and \d[\d,]* more\b/.test(p)) continue;
    if (!PATH_AT_START.test(p) && !PATH_INSIDE.test(p)) return `a problem names no path: ${JSON.stringify(p.slice(0, 200))}`;
  }
  return null;
}

// --- prototype pollution ---

const WATCHED: [string, object][] = [['Object.prototype', Object.prototype], ['Array.prototype', Array.prototype], ['Function.prototype', Function.prototype], ['String.prototype', String.prototype]];

type Snapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, proto] of WATCHED) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const k of Reflect.ownKeys(proto)) props.set(k, Object.getOwnPropertyDescriptor(proto, k)!);
    out.set(name, props);
  }
  return out;
}

const baseline = snapshot();
/** the built-in scenarios are shared by every run: an input must not change them either */
const builtinText = BUILTIN_SCENARIOS.map((b) => JSON.stringify(b));
const builtinCopies = BUILTIN_SCENARIOS.map((b) => structuredClone(b));
const baselineNames = Object.getOwnPropertyNames(Object.prototype).join(',');

/**
 * What changed on the shared prototypes since the fuzzer loaded, or null. Whatever changed is put
 * back, so one polluting input does not spoil the verdicts of the inputs after it.
 */
export function pollution(): string | null {
  const found: string[] = [];
  if (Object.getOwnPropertyNames(Object.prototype).join(',') !== baselineNames) found.push('Object.getOwnPropertyNames(Object.prototype) changed');
  const probe = {} as Record<string, unknown>;
  for (const k of ['count', 'polluted', 'isAdmin', '1']) if (probe[k] !== undefined) found.push(`({}).${k} is ${String(probe[k])}`);
  for (const [name, proto] of WATCHED) {
    const before = baseline.get(name)!;
    for (const k of Reflect.ownKeys(proto)) {
      const was = before.get(k);
      const now = Object.getOwnPropertyDescriptor(proto, k)!;
      if (!was) {
        found.push(`${name}.${String(k)} was added`);
        delete (proto as Record<PropertyKey, unknown>)[k];
      } else if (was.value !== now.value || was.get !== now.get || was.set !== now.set) {
        found.push(`${name}.${String(k)} was replaced`);
        Object.defineProperty(proto, k, was);
      }
    }
    for (const [k, was] of before) {
      if (!Object.prototype.hasOwnProperty.call(proto, k)) {
        found.push(`${name}.${String(k)} was deleted`);
        Object.defineProperty(proto, k, was);
      }
    }
  }
  BUILTIN_SCENARIOS.forEach((b, i) => {
    if (JSON.stringify(b) === builtinText[i]) return;
    found.push(`the built-in scenario "${builtinCopies[i].id}" was changed in place`);
    // put it back, key by key, for the inputs after this one
    for (const k of Object.keys(b)) delete (b as Record<string, unknown>)[k];
    Object.assign(b, structuredClone(builtinCopies[i]));
  });
  return found.length ? found.join('; ') : null;
}

// --- bounded runs ---

export interface RunBounds {
  /** simulated ms to run */
  untilMs: number;
  /** engine events one run may take */
  maxEvents: number;
  /**
   * a run that spends its whole event budget while simulated time moves less than this is a hang
   * (a livelock, or a load no page could show); one that moves further is only heavy
   */
  minProgressMs: number;
}

export const DEFAULT_BOUNDS: RunBounds = { untilMs: 6000, maxEvents: 10_000, minProgressMs: 1 };

export interface BoundedRun { events: number; hash: string; now: number; finished: boolean; progressMs: number }

/** Runs `sim` toward `untilMs` within the event budget; says where it got. */
export function runBounded(sim: Simulation, bounds: RunBounds): BoundedRun {
  const start = sim.now;
  const events = sim.runUntil(bounds.untilMs, bounds.maxEvents);
  const next = sim.nextEventTime();
  const finished = events < bounds.maxEvents || next === undefined || next > bounds.untilMs;
  return { events, hash: formatTraceHash(sim.state.traceHash), now: sim.now, finished, progressMs: sim.now - start };
}

/** Two runs of the same input: the same trace, or a finding. */
export function compareRuns(a: BoundedRun, b: BoundedRun, bounds: RunBounds): Verdict {
  if (a.hash !== b.hash || a.events !== b.events || a.now !== b.now) {
    return { outcome: 'nondeterministic', detail: `two runs differ: hash ${a.hash} vs ${b.hash}, ${a.events} vs ${b.events} events, t ${a.now} vs ${b.now}`, events: a.events };
  }
  if (!a.finished && a.progressMs < bounds.minProgressMs) {
    return { outcome: 'hang', detail: `${a.events} events moved simulated time by ${a.progressMs} ms only (t = ${a.now} ms)`, events: a.events };
  }
  return { outcome: 'accepted', events: a.events, hash: a.hash, ...(a.finished ? {} : { note: `heavy: ${a.events} events reached t = ${a.now.toFixed(1)} ms` }) };
}

/** An error that escaped: documented ones are refusals (their message checked), the rest crashes. */
export function verdictOfError(e: unknown, checkMessage: (e: Error) => string | null = (x) => messageProblem(x.message)): Verdict {
  if (isDocumentedError(e)) {
    const bad = checkMessage(e);
    return bad ? { outcome: 'bad-message', detail: `${e.name}: ${bad}`, events: 0 } : { outcome: 'refused', message: e.message, events: 0 };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const where = (err.stack ?? '').split('\n').slice(1, 4).map((l) => l.trim()).join(' | ');
  return { outcome: 'crash', detail: `${err.name}: ${err.message.slice(0, 500)} [${where}]`, events: 0 };
}
