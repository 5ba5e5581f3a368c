import type { Rec } from '../model/types';
import type { SimState } from '../sim/state';
import type { Simulation } from '../sim/simulation';
import type { RunRecorder } from '../timeline/recorder';
import type { TraceEvent } from '../trace/events';
import { replayWindow } from './replayWindow';
import { brokerAbortTime } from '../runtime/sink';

// The transactions of a two-phase-commit sink, one lane each: open while the sink writes into it,
// pre-committed when the sink snapshots for checkpoint n (its barrier), committed once the sink hears
// that n completed (notifyCheckpointComplete), or aborted when a failover drops it: the open one,
// and every pre-committed one the restored checkpoint does not hold (Flink's
// TwoPhaseCommitSinkFunction). The sink's state holds only the live ones; this follows the trace
// and notes every change, comparing the sink's transactions with what it saw last.
// The broker aborts a transaction older than transaction.timeout.ms (from its first record): a lane
// past that moment is `aborted-by-broker` from then on, before the sink learns of it (a job down
// that long finds out when it restores and tries to commit).

export type TransactionStatus = 'open' | 'pre-committed' | 'committed' | 'aborted' | 'aborted-by-broker';

export interface TransactionLane {
  /** the transactional id once pre-committed (`sink-0@job0-3`), null while open */
  txn: string | null;
  /** the checkpoint whose barrier closed it; null while open */
  checkpointId: number | null;
  status: TransactionStatus;
  records: readonly Rec[];
  /** when it reached its status */
  since: number;
  /** when its first record was written (the broker's timer starts), null while empty */
  startedAt: number | null;
  /** the producer's transaction.timeout.ms, null for a sink without one */
  timeoutMs: number | null;
}

/** lanes kept per sink subtask: the newest ones */
export const MAX_LANES = 12;

interface Tracked { lane: TransactionLane; list: Rec[] }

export class TransactionWatch {
  private readonly lanes = new Map<number, Tracked[]>();

  constructor(private state: SimState) {
    this.reconcileAll(state.now);
  }

  /** the job was replaced (a restore into a new job): its sinks and subtasks are new, so are the lanes */
  follow(state: SimState): void {
    this.state = state;
    this.lanes.clear();
    this.reconcileAll(state.now);
  }

  /** Goes on watching `state`, a copy of the one watched so far at the same moment (the live run after a replay). */
  rebind(state: SimState): void {
    this.state = state;
    for (const [sid, lanes] of this.lanes) {
      const sink = state.subtasks[sid]?.sink;
      if (!sink) continue;
      for (const t of lanes) {
        if (t.lane.status === 'open') t.list = sink.open;
        const pre = t.lane.txn ? sink.precommitted.find((p) => p.txn === t.lane.txn) : undefined;
        if (pre) t.list = pre.records;
      }
    }
  }

  onEvent(ev: TraceEvent): void {
    switch (ev.type) {
      case 'sink-received':
      case 'snapshot-started':
      case 'checkpoint-notified':
        if (this.state.subtasks[ev.subtask]?.sink) this.reconcile(ev.subtask, ev.time);
        return;
      case 'job-restored':
      case 'tasks-canceled':
      case 'subtask-finished':
        this.reconcileAll(ev.time);
        return;
      default:
    }
  }

  private reconcileAll(at: number): void {
    for (const ps of this.state.plan.subtasks) if (this.state.subtasks[ps.id]?.sink?.kind === 'two-phase-commit') this.reconcile(ps.id, at);
  }

  private reconcile(sid: number, at: number): void {
    const sink = this.state.subtasks[sid].sink!;
    if (sink.kind !== 'two-phase-commit') return;
    const timeoutMs = this.state.plan.operators[this.state.plan.subtasks[sid].operator].params.transactionTimeoutMs ?? null;
    let lanes = this.lanes.get(sid);
    if (!lanes) this.lanes.set(sid, (lanes = []));
    const set = (t: Tracked, status: TransactionStatus, txn?: { txn: string; checkpointId: number }) => {
      if (t.lane.status === status && (!txn || txn.txn === t.lane.txn)) return;
      t.lane = { ...t.lane, status, since: at, ...(txn ? { txn: txn.txn, checkpointId: txn.checkpointId } : {}) };
    };
    for (const t of lanes) {
      if (t.lane.status === 'committed' || t.lane.status === 'aborted' || t.lane.status === 'aborted-by-broker') continue;
      const pre = sink.precommitted.find((p) => (t.lane.txn ? p.txn === t.lane.txn : p.records === t.list));
      if (t.lane.status === 'open' && t.list === sink.open) continue;
      if (pre) {
        set(t, 'pre-committed', { txn: pre.txn, checkpointId: pre.checkpointId });
        if (pre.startedAt !== undefined) t.lane = { ...t.lane, startedAt: pre.startedAt };
        continue;
      }
      const byBroker = t.lane.txn ? sink.brokerAborted.find((a) => a.txn === t.lane.txn) : undefined;
      if (byBroker) t.lane = { ...t.lane, status: 'aborted-by-broker', since: byBroker.abortedAt, startedAt: byBroker.startedAt };
      else if (t.lane.txn && sink.committedTxns.includes(t.lane.txn)) set(t, 'committed');
      // a bounded job's sink commits its last transaction as it finishes (sinkFinish)
      else if (this.state.subtasks[sid].status === 'FINISHED') set(t, 'committed');
      else set(t, 'aborted');
    }
    for (const p of sink.precommitted) {
      if (lanes.some((t) => t.lane.txn === p.txn || t.list === p.records)) continue;
      lanes.push({ list: p.records, lane: { txn: p.txn, checkpointId: p.checkpointId, status: 'pre-committed', records: p.records, since: at, startedAt: p.startedAt ?? null, timeoutMs } });
    }
    if (!lanes.some((t) => t.list === sink.open)) {
      lanes.push({ list: sink.open, lane: { txn: null, checkpointId: null, status: 'open', records: sink.open, since: at, startedAt: null, timeoutMs } });
    }
    if (lanes.length > MAX_LANES) lanes.splice(0, lanes.length - MAX_LANES);
  }

  /**
   * The lanes of sink subtask `sid`, oldest first; a lane's records as they are now (an open one
   * still grows). At `now`, an open or pre-committed lane older than the timeout is one the broker
   * has aborted, whether or not the sink knows yet.
   */
  lanesOf(sid: number, now = this.state.now): TransactionLane[] {
    const lanes = this.lanes.get(sid);
    if (!lanes) return [];
    const sink = this.state.subtasks[sid]?.sink;
    const op = this.state.plan.operators[this.state.plan.subtasks[sid]?.operator ?? -1];
    return lanes.map((t) => {
      const lane = { ...t.lane, records: t.list };
      if (lane.status === 'open') lane.startedAt = sink && t.list === sink.open && sink.openSince >= 0 ? sink.openSince : null;
      if ((lane.status === 'open' || lane.status === 'pre-committed') && op) {
        const abortAt = brokerAbortTime(op, lane.startedAt ?? undefined);
        if (abortAt !== undefined && now > abortAt) return { ...lane, status: 'aborted-by-broker' as const, since: abortAt };
      }
      return lane;
    });
  }
}

/** how far back a watch replays when it starts: a few checkpoints' worth at the usual intervals */
export const TRANSACTION_HISTORY_MS = 20_000;

const watches = new WeakMap<Simulation, TransactionWatch>();

/**
 * The transaction watch of a live run: made on first use by replaying the last
 * TRANSACTION_HISTORY_MS of the run, then kept up to date by the run's own trace.
 */
export function transactionWatchOf(sim: Simulation, recorder: Pick<RunRecorder, 'keyframes' | 'commands'>): TransactionWatch {
  const known = watches.get(sim);
  if (known) return known;
  let watch: TransactionWatch | null = null;
  const replayed = replayWindow(recorder, Math.max(0, sim.now - TRANSACTION_HISTORY_MS), sim.now, (state) => {
    if (!watch) watch = new TransactionWatch(state);
    else watch.follow(state);
    const w = watch;
    return (ev) => w.onEvent(ev);
  });
  // the replay is the run up to now: go on from the live run's state
  const live: TransactionWatch = watch ?? new TransactionWatch(replayed.state);
  live.rebind(sim.state);
  sim.subscribe((ev) => live.onEvent(ev));
  watches.set(sim, live);
  return live;
}
