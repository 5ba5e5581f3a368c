import { importFlinkCheckpoints, RestImportError, type FlinkRestDocuments, type ImportedCheckpoints } from '../engine';

// A real job's checkpoint statistics as the page receives them: files opened with Open file… or text
// pasted, each holding one or more documents of Flink's REST API (GET /jobs/:jobid/checkpoints,
// …/checkpoints/config, …/checkpoints/details/:id, …/details/:id/subtasks/:vertexid, /jobs/:jobid),
// or one document bundling them (the shape of FlinkRestDocuments). Each document is told apart by
// its fields, then the engine's importFlinkCheckpoints checks them against Flink's REST schema.

export const IMPORT_LIMITS = {
  /** files (or pasted documents) at once */
  documents: 2_000,
  /** characters over every file together */
  chars: 16_000_000,
} as const;

const PASTED = 'the pasted text';

/** a refusal stays readable in a notice */
const MAX_PROBLEM_CHARS = 1_500;

export type RestDocumentKind = 'checkpoints' | 'config' | 'details' | 'subtasks' | 'job' | 'bundle';

/** A document that was valid but is not shown, and why. */
export interface SetAside {
  /** details of a checkpoint the history does not list; subtasks whose vertex no details document names */
  kind: 'details' | 'subtasks';
  source: string;
  checkpointId: number;
}

export interface ImportedJob {
  /** the files' names, or '' for pasted text */
  source: string;
  /** the files' names, one each (none for pasted text) */
  files: string[];
  jobName: string | null;
  jobId: string | null;
  imported: ImportedCheckpoints;
  setAside: SetAside[];
}

export type ImportResult = { job: ImportedJob } | { problem: string };

interface Input { name: string; text: string }
interface Doc { source: string; value: unknown }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, k: string) => Object.hasOwn(o, k);
const safeInt = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/** Which REST document this is, by the fields only it has; null when it looks like none of them. */
export function restDocumentKind(value: unknown): RestDocumentKind | null {
  if (!isRecord(value)) return null;
  if (has(value, 'counts') || (has(value, 'history') && has(value, 'latest'))) return 'checkpoints';
  if (has(value, 'checkpoints')) return 'bundle';
  if (has(value, 'subtasks') && (has(value, 'num_subtasks') || has(value, 'id'))) return 'subtasks';
  if (has(value, 'trigger_timestamp') || (has(value, 'tasks') && has(value, 'status'))) return 'details';
  if (has(value, 'vertices') && (has(value, 'jid') || has(value, 'name'))) return 'job';
  if (has(value, 'max_concurrent') || (has(value, 'mode') && has(value, 'interval'))) return 'config';
  return null;
}

/**
 * The JSON values in a text, one after another (what `curl a; curl b` prints): objects and lists
 * only. Throws with the position of what is not JSON.
 */
export function splitJsonDocuments(text: string, max: number = IMPORT_LIMITS.documents): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    if (text[i] !== '{' && text[i] !== '[') {
      // a plain JSON value (or no JSON at all): JSON.parse names what is wrong
      out.push(JSON.parse(text.slice(i)));
      break;
    }
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) { i++; break; }
      }
    }
    out.push(JSON.parse(text.slice(start, i)));
    if (out.length > max) throw new Error(`at most ${max.toLocaleString('en-US')} documents at once`);
  }
  return out;
}

/** Does this file hold Flink REST documents (rather than a scenario or a lesson)? */
export function looksLikeFlinkRest(text: string): boolean {
  if (text.length > IMPORT_LIMITS.chars) return false;
  let values: unknown[];
  try {
    values = splitJsonDocuments(text);
  } catch {
    return false;
  }
  const docs = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  return docs.length > 0 && docs.every((d) => restDocumentKind(d) !== null);
}

/** Figures a subtasks document repeats from its vertex's entry in the details document. */
const MATCHED_FIGURES = ['num_subtasks', 'num_acknowledged_subtasks', 'latest_ack_timestamp', 'checkpointed_size', 'state_size', 'end_to_end_duration'] as const;

/**
 * The vertex a subtasks document was fetched for: Flink's document does not name it. A vertex id
 * in the file's name (as saved from …/subtasks/:vertexid) decides; otherwise the one vertex of the
 * checkpoint's details whose figures are the document's.
 */
function vertexOf(source: string, doc: Record<string, unknown>, details: Record<string, unknown> | undefined): string | null {
  const tasks = details && isRecord(details.tasks) ? details.tasks : null;
  if (!tasks) return null;
  const named = source.match(/[0-9a-f]{32}/gi)?.find((id) => has(tasks, id));
  if (named) return named;
  const candidates = Object.entries(tasks).filter(([, t]) => isRecord(t) && MATCHED_FIGURES.every((k) => !has(t, k) || !has(doc, k) || t[k] === doc[k]));
  return candidates.length === 1 ? candidates[0][0] : null;
}

function assemble(docs: Doc[]): { docs: FlinkRestDocuments; sources: Map<string, string>; setAside: SetAside[]; job: Record<string, unknown> | null } | { problem: string } {
  const byKind = new Map<RestDocumentKind, Doc[]>();
  for (const d of docs) {
    const kind = restDocumentKind(d.value);
    if (kind === null) {
      // a lone document is checked as the checkpoints document it should be: the schema names what is missing
      if (docs.length === 1) return { docs: { checkpoints: d.value }, sources: new Map([['checkpoints', d.source]]), setAside: [], job: null };
      return { problem: `${d.source}: not a document of Flink's REST API about checkpoints (GET /jobs/:jobid/checkpoints, …/checkpoints/config, …/checkpoints/details/:checkpointid, …/subtasks/:vertexid, or /jobs/:jobid)` };
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), d]);
  }
  const bundle = byKind.get('bundle');
  if (bundle) {
    if (docs.length > 1) return { problem: `${bundle[0].source}: a document that bundles checkpoints, config, details and subtasks comes alone` };
    const b = bundle[0].value as Record<string, unknown>;
    const own = (k: string) => (has(b, k) ? b[k] : undefined);
    const job = own('job');
    return {
      docs: { checkpoints: own('checkpoints'), config: own('config'), details: own('details') as unknown[] | undefined, subtasks: own('subtasks') as FlinkRestDocuments['subtasks'], job },
      sources: new Map(['checkpoints', 'config', 'details', 'subtasks', 'job'].map((k) => [k, bundle[0].source])),
      setAside: [],
      job: isRecord(job) ? job : null,
    };
  }
  const one = (kind: RestDocumentKind, what: string): Doc | undefined | { problem: string } => {
    const list = byKind.get(kind) ?? [];
    if (list.length > 1) return { problem: `two ${what} documents (${list.slice(0, 2).map((d) => d.source).join(', ')}): give the documents of one job` };
    return list[0];
  };
  const checkpoints = one('checkpoints', 'GET /jobs/:jobid/checkpoints');
  const config = one('config', 'GET /jobs/:jobid/checkpoints/config');
  const job = one('job', 'GET /jobs/:jobid');
  for (const x of [checkpoints, config, job]) if (x && 'problem' in x) return x;
  if (!checkpoints) return { problem: 'no GET /jobs/:jobid/checkpoints document among them: the history and the counts come from it' };
  const sources = new Map<string, string>([['checkpoints', (checkpoints as Doc).source]]);
  if (config) sources.set('config', (config as Doc).source);
  if (job) sources.set('job', (job as Doc).source);

  const details = byKind.get('details') ?? [];
  details.forEach((d, i) => sources.set(`details.${i}`, d.source));
  const historyIds = new Set<number>();
  const history = (checkpoints as Doc).value as Record<string, unknown>;
  if (Array.isArray(history.history)) for (const h of history.history) if (isRecord(h) && safeInt(h.id) !== null) historyIds.add(h.id as number);
  const setAside: SetAside[] = [];
  const detailsById = new Map<number, Record<string, unknown>>();
  for (const d of details) {
    const id = safeInt((d.value as Record<string, unknown>).id);
    if (id === null) continue; // the schema names it
    detailsById.set(id, d.value as Record<string, unknown>);
    if (!historyIds.has(id)) setAside.push({ kind: 'details', source: d.source, checkpointId: id });
  }
  const subtasks: { checkpointId: number; vertexId: string; document: unknown }[] = [];
  for (const s of byKind.get('subtasks') ?? []) {
    const value = s.value as Record<string, unknown>;
    const id = safeInt(value.id);
    if (id === null) return { problem: `${s.source}: a subtasks document (GET …/checkpoints/details/:checkpointid/subtasks/:vertexid) without the id of its checkpoint` };
    const vertex = vertexOf(s.source, value, detailsById.get(id));
    if (vertex === null) {
      setAside.push({ kind: 'subtasks', source: s.source, checkpointId: id });
      continue;
    }
    sources.set(`subtasks.${subtasks.length}`, s.source);
    subtasks.push({ checkpointId: id, vertexId: vertex, document: value });
  }
  return {
    docs: { checkpoints: history, config: (config as Doc | undefined)?.value, details: details.map((d) => d.value), subtasks, job: (job as Doc | undefined)?.value },
    sources, setAside, job: job ? (job as Doc).value as Record<string, unknown> : null,
  };
}

/** A problem of the engine's names the path; the file it came from leads it. */
function withSource(problem: string, sources: Map<string, string>): string {
  const m = problem.match(/^(details\.\d+|subtasks\.\d+|checkpoints|config|job)(?=[.:])/);
  const source = m ? sources.get(m[1]) : undefined;
  // one pasted document needs no name
  return source && source !== PASTED ? `${source}: ${problem}` : problem;
}

const shortText = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : null);

/** Reads files (or pasted text, with an empty name) of Flink REST documents into an imported job, or says what is wrong. */
export function readFlinkRestDocuments(inputs: readonly Input[]): ImportResult {
  if (inputs.length === 0) return { problem: 'nothing to import' };
  if (inputs.length > IMPORT_LIMITS.documents) return { problem: `at most ${IMPORT_LIMITS.documents.toLocaleString('en-US')} files at once` };
  const chars = inputs.reduce((n, i) => n + i.text.length, 0);
  if (chars > IMPORT_LIMITS.chars) return { problem: `at most ${(IMPORT_LIMITS.chars / 1e6).toLocaleString('en-US')} million characters at once` };
  const docs: Doc[] = [];
  for (const input of inputs) {
    const source = input.name || PASTED;
    let values: unknown[];
    try {
      values = splitJsonDocuments(input.text);
    } catch (e) {
      return { problem: `${source}: it is not JSON (${(e as Error).message.slice(0, 300)})` };
    }
    if (!values.length) return { problem: `${source}: it is empty` };
    values.forEach((v, i) => {
      for (const [j, d] of (Array.isArray(v) ? v : [v]).entries()) {
        const many = values.length > 1 || Array.isArray(v);
        docs.push({ source: many ? `${source} #${Array.isArray(v) ? j + 1 : i + 1}` : source, value: d });
      }
    });
    if (docs.length > IMPORT_LIMITS.documents) return { problem: `at most ${IMPORT_LIMITS.documents.toLocaleString('en-US')} documents at once` };
  }
  const assembled = assemble(docs);
  if ('problem' in assembled) return assembled;
  let imported: ImportedCheckpoints;
  try {
    imported = importFlinkCheckpoints(assembled.docs);
  } catch (e) {
    // anything else the engine throws is still a document it could not read: say so, never crash the page
    if (!(e instanceof RestImportError)) return { problem: `not what Flink's REST API returns: ${String((e as Error)?.message ?? e).slice(0, 300)}` };
    const problems = e.problems.slice(0, 5).map((p) => withSource(p, assembled.sources));
    const more = e.problems.length > 5 ? ` (and ${e.problems.length - 5} more)` : '';
    return { problem: `not what Flink's REST API returns: ${problems.join('; ')}`.slice(0, MAX_PROBLEM_CHARS) + more };
  }
  return {
    job: {
      source: inputs.map((i) => i.name).filter(Boolean).join(', ').slice(0, 300),
      files: inputs.map((i) => i.name).filter(Boolean),
      jobName: shortText(assembled.job?.name),
      jobId: shortText(assembled.job?.jid, 64),
      imported,
      setAside: assembled.setAside,
    },
  };
}
