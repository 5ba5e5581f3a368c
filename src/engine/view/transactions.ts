import type { Rec } from '../model/types';
import type { SimState } from '../sim/state';
import type { Simulation } from '../sim/simulation';
import type { RunRecorder } from '../timeline/recorder';
import type { TraceEvent } from '../trace/events';
import { replayWindow } from './replayWindow';

// The transactions of a two-phase-commit sink, one lane each: open while the sink writes into it,
// pre-committed when the sink snapshots for checkpoint n (its barrier), committed once the sink hears
// that n completed (notifyCheckpointComplete), or aborted when a failover drops it: the open one,
// and every pre-committed one the restored checkpoint does not hold (Flink's
// TwoPhaseCommitSinkFunction). The sink's state holds only the live ones; this follows the trace
// and notes every change, comparing the sink's transactions with what it saw last.

export type TransactionStatus = 'open' | 'pre-committed' | 'committed' | 'aborted';

export interface TransactionLane {
  /** the transactional id once pre-committed (`sink-0@job0-3`), null while open */
  txn: string | null;
  /** the checkpoint whose barrier closed it; null while open */
  checkpointId: number | null;
  status: TransactionStatus;
  records: readonly Rec[];
  /** when it reached its status */
  since: number;
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
    let lanes = this.lanes.get(sid);
    if (!lanes) this.lanes.set(sid, (lanes = []));
    const set = (t: Tracked, status: TransactionStatus, txn?: { txn: string; checkpointId: number }) => {
      if (t.lane.status === status && (!txn || txn.txn === t.lane.txn)) return;
      t.lane = { ...t.lane, status, since: at, ...(txn ? { txn: txn.txn, checkpointId: txn.checkpointId } : {}) };
    };
    for (const t of lanes) {
      if (t.lane.status === 'committed' || t.lane.status === 'aborted') continue;
      const pre = sink.precommitted.find((p) => (t.lane.txn ? p.txn === t.lane.txn : p.records === t.list));
      if (t.lane.status === 'open' && t.list === sink.open) continue;
      if (pre) set(t, 'pre-committed', { txn: pre.txn, checkpointId: pre.checkpointId });
      else if (t.lane.txn && sink.committedTxns.includes(t.lane.txn)) set(t, 'committed');
      // a bounded job's sink commits its last transaction as it finishes (sinkFinish)
      else if (this.state.subtasks[sid].status === 'FINISHED') set(t, 'committed');
      else set(t, 'aborted');
    }
    for (const p of sink.precommitted) {
      if (lanes.some((t) => t.lane.txn === p.txn || t.list === p.records)) continue;
      lanes.push({ list: p.records, lane: { txn: p.txn, checkpointId: p.checkpointId, status: 'pre-committed', records: p.records, since: at } });
    }
    if (!lanes.some((t) => t.list === sink.open)) {
      lanes.push({ list: sink.open, lane: { txn: null, checkpointId: null, status: 'open', records: sink.open, since: at } });
    }
    if (lanes.length > MAX_LANES) lanes.splice(0, lanes.length - MAX_LANES);
  }

  /** The lanes of sink subtask `sid`, oldest first; a lane's records as they are now (an open one still grows). */
  lanesOf(sid: number): TransactionLane[] {
    const lanes = this.lanes.get(sid);
    if (!lanes) return [];
    return lanes.map((t) => ({ ...t.lane, records: t.list }));
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
