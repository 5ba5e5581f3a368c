import type { LatencyStats, PlanOperator, Rec, SinkSubtaskState, SinkTransaction } from '../model/types';

// Sinks write what they receive. How the writes become visible depends on the sink kind:
// plain writes are visible at once; an upsert sink overwrites per key (idempotent); a
// two-phase-commit sink writes into an open transaction, pre-commits it on the barrier and
// commits it when the checkpoint completes.

export type SinkKind = 'plain' | 'upsert' | 'two-phase-commit';

export function emptySink(kind: SinkKind, txnPrefix: string): SinkSubtaskState {
  return { kind, received: [], count: 0, committed: [], open: [], precommitted: [], upserts: new Map(), committedTxns: [], txnPrefix, finalValue: new Map(), finalAt: new Map(),
    latency: { written: { count: 0, sum: 0, max: 0 }, visible: { count: 0, sum: 0, max: 0 } } };
}

/**
 * Like Flink's transactional-id prefix: the sink subtask and the job it belongs to. A job restored
 * from a savepoint reuses checkpoint ids its predecessor may have used after that savepoint; the
 * generation keeps their transactions apart.
 */
export function transactionPrefix(generation: number, operatorId: string, subtaskIndex: number): string {
  return `${operatorId}-${subtaskIndex}@job${generation}`;
}

function keep(list: Rec[], rec: Rec, retain: number): void {
  if (retain === 0) return;
  list.push(rec);
  if (retain > 0 && list.length > retain) list.shift();
}

function observe(stats: LatencyStats, ms: number): void {
  stats.count++;
  stats.sum += ms;
  if (ms > stats.max) stats.max = ms;
}

/** The record is now visible to a read_committed reader. */
function visible(sink: SinkSubtaskState, rec: Rec, retain: number, at: number): void {
  observe(sink.latency.visible, at - rec.ts);
  if (retain === 0) return; // a sink that keeps nothing (the benchmark's) keeps no final values either
  keep(sink.committed, rec, retain);
  sink.finalValue.set(rec.key, rec.value);
  sink.finalAt.set(rec.key, at);
}

export function sinkWrite(sink: SinkSubtaskState, op: PlanOperator, rec: Rec, at: number): void {
  const retain = op.params.retain ?? -1;
  sink.count++;
  observe(sink.latency.written, at - rec.ts);
  keep(sink.received, rec, retain);
  switch (sink.kind) {
    case 'plain':
      visible(sink, rec, retain, at);
      break;
    case 'upsert':
      visible(sink, rec, retain, at);
      sink.upserts.set(rec.key, rec);
      break;
    case 'two-phase-commit':
      sink.open.push(rec);
      break;
  }
}

/** snapshotState of a two-phase-commit sink: pre-commit the open transaction. */
export function sinkPreCommit(sink: SinkSubtaskState, checkpointId: number): void {
  if (sink.kind !== 'two-phase-commit') return;
  sink.precommitted.push({ checkpointId, txn: `${sink.txnPrefix}-${checkpointId}`, records: sink.open });
  sink.open = [];
}

/** notifyCheckpointComplete(n): commit every pre-committed transaction of a checkpoint <= n. */
export function sinkCommit(sink: SinkSubtaskState, op: PlanOperator, checkpointId: number, at: number): number {
  if (sink.kind !== 'two-phase-commit') return 0;
  let n = 0;
  while (sink.precommitted.length && sink.precommitted[0].checkpointId <= checkpointId) n += commitTxn(sink, op, sink.precommitted.shift()!, at);
  return n;
}

function commitTxn(sink: SinkSubtaskState, op: PlanOperator, txn: SinkTransaction, at: number): number {
  if (sink.committedTxns.includes(txn.txn)) return 0; // already committed: commit is idempotent
  sink.committedTxns.push(txn.txn);
  for (const rec of txn.records) visible(sink, rec, op.params.retain ?? -1, at);
  return txn.records.length;
}

/** On restore: commit every restored pre-committed transaction, abort the open one (Flink's TwoPhaseCommitSinkFunction). */
export function sinkRestore(sink: SinkSubtaskState, op: PlanOperator, restored: SinkTransaction[], at: number): number {
  sink.open = [];
  sink.precommitted = [];
  let n = 0;
  for (const txn of restored) n += commitTxn(sink, op, txn, at);
  return n;
}

/** A bounded job's sink commits what is left on its final checkpoint before it finishes. */
export function sinkFinish(sink: SinkSubtaskState, op: PlanOperator, at: number): void {
  if (sink.kind !== 'two-phase-commit') return;
  sinkCommit(sink, op, Number.MAX_SAFE_INTEGER, at);
  // The final transaction belongs to no checkpoint: it is committed as the job ends.
  for (const rec of sink.open) visible(sink, rec, op.params.retain ?? -1, at);
  sink.open = [];
}

/** The sink's operator state as a checkpoint stores it. */
export function sinkOperatorState(sink: SinkSubtaskState): { [name: string]: unknown[] } {
  if (sink.kind !== 'two-phase-commit') return {};
  return {
    'pending-commit-transactions': sink.precommitted.map((t) => ({ checkpointId: t.checkpointId, txn: t.txn, records: [...t.records] })),
    'pending-transaction': [{ records: sink.open.length }],
  };
}
