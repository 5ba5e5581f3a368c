// Which state of a snapshot goes where in a new job: Flink matches them by OperatorID alone. An
// operator of the snapshot that the new job lacks is orphaned (its state needs
// allowNonRestoredState, or it holds none and is skipped); one of the new job that the snapshot
// lacks is new and starts empty. Pure: the page's mapping table and the restore both use it.

export interface SnapshotOperatorInfo {
  operatorId: string;
  vertex: string;
  name: string;
  uid: string | null;
  parallelism: number;
  /** whether any subtask holds state */
  hasState: boolean;
}

export interface JobOperatorInfo {
  operatorId: string;
  vertex: string;
  name: string;
  uid: string | null;
  parallelism: number;
}

export type MappingRow =
  /** `refusal`: why the new operator cannot take the state (state migration is not possible), when it cannot */
  | { status: 'matched'; operatorId: string; from: SnapshotOperatorInfo; to: JobOperatorInfo; refusal?: string }
  | { status: 'orphaned'; operatorId: string; from: SnapshotOperatorInfo }
  | { status: 'new'; operatorId: string; to: JobOperatorInfo };

export interface StateMapping {
  rows: MappingRow[];
  /** orphaned operators that hold state: without allowNonRestoredState the start fails on the first */
  blocking: SnapshotOperatorInfo[];
  /** the first matched operator's refusal: the start fails with it, whatever allowNonRestoredState says */
  refusal?: string;
}

/** The mapping with each matched row's refusal (`refusalOf` gives it, or undefined), and the first one as the mapping's. */
export function withRefusals(mapping: StateMapping, refusalOf: (row: Extract<MappingRow, { status: 'matched' }>) => string | undefined): StateMapping {
  let first: string | undefined;
  const rows = mapping.rows.map((r): MappingRow => {
    if (r.status !== 'matched') return r;
    const refusal = refusalOf(r);
    if (refusal === undefined) return r;
    first ??= refusal;
    return { ...r, refusal };
  });
  return first === undefined ? mapping : { ...mapping, rows, refusal: first };
}

/** Rows in the snapshot's order (matched and orphaned), then the new job's new operators. */
export function mapSnapshotToJob(snapshot: readonly SnapshotOperatorInfo[], job: readonly JobOperatorInfo[]): StateMapping {
  const byId = new Map(job.map((o) => [o.operatorId, o]));
  const rows: MappingRow[] = [];
  const matched = new Set<string>();
  for (const from of snapshot) {
    const to = byId.get(from.operatorId);
    if (to) {
      rows.push({ status: 'matched', operatorId: from.operatorId, from, to });
      matched.add(from.operatorId);
    } else rows.push({ status: 'orphaned', operatorId: from.operatorId, from });
  }
  for (const to of job) if (!matched.has(to.operatorId)) rows.push({ status: 'new', operatorId: to.operatorId, to });
  return { rows, blocking: snapshot.filter((o) => o.hasState && !byId.has(o.operatorId)) };
}

/**
 * The operators (by their id in the scenario) present in both jobs under different operator IDs:
 * the savepoint's ID is orphaned and the new job's is new. That happens when an operator without a
 * uid moves in the graph, or when its uid changes.
 */
export function idChanges(mapping: StateMapping): Set<string> {
  const orphaned = new Set(mapping.rows.flatMap((r) => (r.status === 'orphaned' ? [r.from.vertex] : [])));
  return new Set(mapping.rows.flatMap((r) => (r.status === 'new' && orphaned.has(r.to.vertex) ? [r.to.vertex] : [])));
}
