import { ConfigError, type Conf } from '../config/conf';
import { formatDuration } from '../config/duration';
import type { BrokerAbortedTransaction, LatencyStats, PlanOperator, Rec, SinkSubtaskState, SinkTransaction } from '../model/types';
import type { TraceEvent } from '../trace/events';

// Sinks write what they receive. How the writes become visible depends on the sink kind:
// plain writes are visible at once; an upsert sink overwrites per key (idempotent); a
// two-phase-commit sink writes into an open transaction, pre-commits it on the barrier and
// commits it when the checkpoint completes.
//
// The two-phase-commit sink writes to a Kafka-like broker. The broker aborts a transaction once it
// has been open longer than the producer's transaction.timeout.ms (counted from its first record,
// as Kafka's coordinator does), whether or not it was pre-committed. Committing it afterwards fails
// (Flink's KafkaCommitter gets ProducerFencedException, logs that data is most likely lost and goes
// on): its records never reach a read_committed reader.

export type SinkKind = 'plain' | 'upsert' | 'two-phase-commit';

export function emptySink(kind: SinkKind, txnPrefix: string): SinkSubtaskState {
  return { kind, received: [], count: 0, committed: [], open: [], precommitted: [], upserts: new Map(), committedTxns: [], txnPrefix, finalValue: new Map(), finalAt: new Map(),
    openSince: -1, brokerAborted: [],
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
      if (!sink.open.length) sink.openSince = at;
      sink.open.push(rec);
      break;
  }
}

/** snapshotState of a two-phase-commit sink: pre-commit the open transaction. */
export function sinkPreCommit(sink: SinkSubtaskState, checkpointId: number): void {
  if (sink.kind !== 'two-phase-commit') return;
  const txn: SinkTransaction = { checkpointId, txn: `${sink.txnPrefix}-${checkpointId}`, records: sink.open };
  // an empty transaction never reached the broker: nothing to time out
  if (sink.open.length) txn.startedAt = sink.openSince;
  sink.precommitted.push(txn);
  sink.open = [];
  sink.openSince = -1;
}

/** Told when the sink finds that the broker aborted a transaction it meant to commit. */
export type OnBrokerAbort = (aborted: BrokerAbortedTransaction) => void;

/** notifyCheckpointComplete(n): commit every pre-committed transaction of a checkpoint <= n. */
export function sinkCommit(sink: SinkSubtaskState, op: PlanOperator, checkpointId: number, at: number, onAbort?: OnBrokerAbort): number {
  if (sink.kind !== 'two-phase-commit') return 0;
  let n = 0;
  while (sink.precommitted.length && sink.precommitted[0].checkpointId <= checkpointId) n += commitTxn(sink, op, sink.precommitted.shift()!, at, onAbort);
  return n;
}

/** brokerAborted keeps the newest ones */
const MAX_BROKER_ABORTED = 100;

/** When the broker aborts `txn` (Kafka: txnStartTimestamp + txnTimeoutMs < now), or undefined if it never does. */
export function brokerAbortTime(op: PlanOperator, startedAt: number | undefined): number | undefined {
  const timeout = op.params.transactionTimeoutMs;
  return timeout === undefined || startedAt === undefined ? undefined : startedAt + timeout;
}

function commitTxn(sink: SinkSubtaskState, op: PlanOperator, txn: SinkTransaction, at: number, onAbort?: OnBrokerAbort): number {
  if (sink.committedTxns.includes(txn.txn)) return 0; // already committed: commit is idempotent
  const abortAt = brokerAbortTime(op, txn.startedAt);
  if (abortAt !== undefined && at > abortAt) {
    const retain = op.params.retain ?? -1;
    const aborted: BrokerAbortedTransaction = {
      txn: txn.txn, checkpointId: txn.checkpointId, records: retain === 0 ? [] : [...txn.records],
      startedAt: txn.startedAt!, abortedAt: abortAt, noticedAt: at,
    };
    if (!sink.brokerAborted.some((a) => a.txn === txn.txn)) {
      sink.brokerAborted.push(aborted);
      if (sink.brokerAborted.length > MAX_BROKER_ABORTED) sink.brokerAborted.shift();
    }
    onAbort?.(aborted);
    return 0;
  }
  sink.committedTxns.push(txn.txn);
  for (const rec of txn.records) visible(sink, rec, op.params.retain ?? -1, at);
  return txn.records.length;
}

/** On restore: commit every restored pre-committed transaction, abort the open one (Flink's TwoPhaseCommitSinkFunction). */
export function sinkRestore(sink: SinkSubtaskState, op: PlanOperator, restored: SinkTransaction[], at: number, onAbort?: OnBrokerAbort): number {
  sink.open = [];
  sink.openSince = -1;
  sink.precommitted = [];
  let n = 0;
  for (const txn of restored) n += commitTxn(sink, op, txn, at, onAbort);
  return n;
}

/** A bounded job's sink commits what is left on its final checkpoint before it finishes. */
export function sinkFinish(sink: SinkSubtaskState, op: PlanOperator, at: number, onAbort?: OnBrokerAbort): void {
  if (sink.kind !== 'two-phase-commit') return;
  sinkCommit(sink, op, Number.MAX_SAFE_INTEGER, at, onAbort);
  // The final transaction belongs to no checkpoint: it is committed as the job ends.
  if (sink.open.length) commitTxn(sink, op, { checkpointId: 0, txn: `${sink.txnPrefix}-final`, records: sink.open, startedAt: sink.openSince }, at, onAbort);
  sink.open = [];
  sink.openSince = -1;
}

/** The trace event of a transaction the broker aborted, told when the sink learns of it. */
export function brokerAbortEvent(subtask: number, a: BrokerAbortedTransaction, op: PlanOperator): TraceEvent {
  return {
    type: 'transaction-aborted-by-broker', time: a.noticedAt, subtask, checkpointId: a.checkpointId, txn: a.txn,
    records: a.records.length, abortedAt: a.abortedAt, timeoutMs: op.params.transactionTimeoutMs ?? 0,
  };
}

/** Kafka's transaction timeouts are int milliseconds. */
export const KAFKA_MAX_TIMEOUT_MS = 2_147_483_647;

/** Kafka's words when InitProducerId is refused (InvalidTxnTimeoutException). */
export const INVALID_TXN_TIMEOUT_MESSAGE = 'The transaction timeout is larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms).';

/**
 * The two-phase-commit sink's transaction timeout, checked as the broker checks it when the
 * producer starts (InitProducerId): larger than the broker's maximum fails the job at start.
 */
export function transactionTimeoutOf(conf: Conf): number {
  const timeout = conf.duration('sim.sink.transaction-timeout')!;
  const max = conf.duration('sim.broker.transaction-max-timeout')!;
  for (const [key, ms, kafka] of [['sim.sink.transaction-timeout', timeout, 'transaction.timeout.ms'], ['sim.broker.transaction-max-timeout', max, 'transaction.max.timeout.ms']] as const) {
    if (ms > KAFKA_MAX_TIMEOUT_MS) throw new ConfigError(key, `${key}: ${formatDuration(ms)} is too large; Kafka's ${kafka} is an int of milliseconds, at most ${KAFKA_MAX_TIMEOUT_MS} ms (about 24.8 days)`);
  }
  if (timeout > max) {
    throw new ConfigError('sim.sink.transaction-timeout', `sim.sink.transaction-timeout (transaction.timeout.ms) ${formatDuration(timeout)} is larger than sim.broker.transaction-max-timeout (transaction.max.timeout.ms) ${formatDuration(max)}: the two-phase-commit sink fails at start, as the broker refuses InitProducerId with InvalidTxnTimeoutException: ${INVALID_TXN_TIMEOUT_MESSAGE} Lower sim.sink.transaction-timeout or raise sim.broker.transaction-max-timeout`);
  }
  return timeout;
}

/** The sink's operator state as a checkpoint stores it. */
export function sinkOperatorState(sink: SinkSubtaskState): { [name: string]: unknown[] } {
  if (sink.kind !== 'two-phase-commit') return {};
  return {
    'pending-commit-transactions': sink.precommitted.map((t) => ({ checkpointId: t.checkpointId, txn: t.txn, records: [...t.records], ...(t.startedAt === undefined ? {} : { startedAt: t.startedAt }) })),
    'pending-transaction': [{ records: sink.open.length }],
  };
}
