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
  | { status: 'matched'; operatorId: string; from: SnapshotOperatorInfo; to: JobOperatorInfo }
  | { status: 'orphaned'; operatorId: string; from: SnapshotOperatorInfo }
  | { status: 'new'; operatorId: string; to: JobOperatorInfo };

export interface StateMapping {
  rows: MappingRow[];
  /** orphaned operators that hold state: without allowNonRestoredState the start fails on the first */
  blocking: SnapshotOperatorInfo[];
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
