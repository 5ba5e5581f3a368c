import { configKey, quote } from '../engine';
import { decodeJson, encodeJson, LINK_LIMITS, readConf, readSeed } from './urlParams';
import type { RecordedCommand } from '../engine';
import { readBranchesParam } from './branches';

// `b.` parameters open a comparison (CONTRACTS 7): run B is run A's scenario with A's parameters
// overridden by `b.conf.<key>=<value>` and `b.seed=<n>`; `b.run` carries B's own commands.
// `b.conf.<key>=` (empty) says B leaves a key of A unset. Read, bounded and validated with the
// very functions that read A's parameters; a bad one is reported and ignored.

export const COMPARE_PREFIX = 'b.';
const CONF_PREFIX = 'b.conf.';
/** unknown `b.` parameters named one by one before the rest are counted */
const NAMED_UNKNOWN = 3;

export interface CompareParams {
  seed: number | undefined;
  /** B's settings over A's */
  conf: Record<string, string>;
  /** keys of A that B leaves unset */
  unset: string[];
  /** B's commands as decoded JSON, not yet checked against the job (the store does that) */
  run?: unknown;
  /** B's branches (`b.branches`) as decoded JSON, checked by the store as run A's are */
  branches?: unknown;
}

/** The comparison a link asks for, or undefined when it has no `b.` parameter. */
export function readCompareParams(search: string, problems: string[]): CompareParams | undefined {
  const params = new URLSearchParams(search);
  const keys = [...params.keys()].filter((k) => k.startsWith(COMPARE_PREFIX));
  if (!keys.length) return undefined;
  // empty values unset a key: kept apart so readConf validates only real values
  const values = new URLSearchParams();
  const unset = new Set<string>();
  const unknown: string[] = [];
  for (const [k, v] of params) {
    if (!k.startsWith(COMPARE_PREFIX)) continue;
    if (k.startsWith(CONF_PREFIX) && v === '') {
      const key = k.slice(CONF_PREFIX.length);
      if (unset.size >= LINK_LIMITS.confParams) continue;
      if (key.length <= LINK_LIMITS.confKeyChars && configKey(key)) unset.add(key);
      else problems.push(`${quote(k)} is not a configuration key this simulator knows. Ignored.`);
    } else if (k.startsWith(CONF_PREFIX)) values.append(k, v);
    else if (k !== 'b.seed' && k !== 'b.run' && k !== 'b.branches') unknown.push(k);
  }
  if (unknown.length) {
    const named = unknown.slice(0, NAMED_UNKNOWN).map((k) => quote(k)).join(', ');
    const more = unknown.length > NAMED_UNKNOWN ? ` and ${unknown.length - NAMED_UNKNOWN} more` : '';
    problems.push(`${named}${more}: a comparison runs the same scenario; only b.conf.<key>, b.seed, b.run and b.branches are read. Ignored.`);
  }
  const conf = readConf(values, problems, CONF_PREFIX);
  for (const key of Object.keys(conf)) unset.delete(key);
  const out: CompareParams = { seed: readSeed(params, 'b.seed', problems), conf, unset: [...unset] };
  const runText = params.get('b.run');
  if (runText !== null) {
    const decoded = decodeJson(runText, 'commands');
    if ('problem' in decoded) problems.push(`b.run: ${decoded.problem}; run B starts without them.`);
    else out.run = decoded.value;
  }
  const branches = readBranchesParam(search, problems, 'b.branches');
  if (branches !== undefined) out.branches = branches;
  return out;
}

/** Run B's settings: A's, overridden by B's, without the keys B leaves unset. */
export function compareConf(a: Record<string, string>, b: Pick<CompareParams, 'conf' | 'unset'>): Record<string, string> {
  const merged = new Map(Object.entries(a));
  for (const [k, v] of Object.entries(b.conf)) merged.set(k, v);
  for (const k of b.unset) merged.delete(k);
  return Object.fromEntries(merged);
}

export interface CompareSide { seed: number | undefined; conf: Record<string, string>; commands: RecordedCommand[] }

/** The `b.` parameters that bring back run B beside run A: only what differs, and B's commands. */
export function compareSearchParams(a: Omit<CompareSide, 'commands'>, b: CompareSide): [string, string][] {
  const out: [string, string][] = [];
  if (b.seed !== a.seed && b.seed !== undefined) out.push(['b.seed', String(b.seed)]);
  for (const [k, v] of Object.entries(b.conf)) if (!Object.hasOwn(a.conf, k) || a.conf[k] !== v) out.push([`${CONF_PREFIX}${k}`, v]);
  for (const k of Object.keys(a.conf)) if (!Object.hasOwn(b.conf, k)) out.push([`${CONF_PREFIX}${k}`, '']);
  // B the same as A still needs one `b.` parameter to be a comparison
  if (b.commands.length || !out.length) out.push(['b.run', encodeJson(b.commands)]);
  return out;
}

/** `search` (run A's address) with run B's `b.` parameters when two runs are compared. */
export function withComparison(search: string, runs: { a: CompareSide; b?: CompareSide }): string {
  if (!runs.b) return search;
  const params = new URLSearchParams(search);
  for (const [k, v] of compareSearchParams(runs.a, runs.b)) params.append(k, v);
  return `?${params}`;
}
