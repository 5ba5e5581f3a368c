import type { TraceEvent } from '../trace/events';
import type { SimState } from '../sim/state';
import type { RunRecorder } from '../timeline/recorder';
import { replayWindow } from './replayWindow';

// Records a task processes after their channel's barrier n but before it snapshots for n. Aligned
// (exactly-once), a channel whose barrier came is blocked until the snapshot, and unaligned, the
// snapshot comes with the first barrier: there are none. At-least-once, Flink's barrier tracker
// keeps reading every channel until the last barrier is in: what it reads meanwhile is already in
// the snapshot although its source offsets are not, so after a restore it is read and counted again.

/**
 * Input channels whose records are read now after their barrier, before the snapshot: channel id
 * -> the checkpoint (the oldest one still tracked). Only a task in the at-least-once mode has any.
 */
export function afterBarrierChannels(state: SimState): Map<number, number> {
  const out = new Map<number, number>();
  for (const ps of state.plan.subtasks) {
    const st = state.subtasks[ps.id];
    if (!st.gate || st.status !== 'RUNNING') continue;
    for (const entry of st.gate.tracked) {
      if (entry.aborted) continue;
      // the tracker counts the gate's own channel indexes
      for (const gi of entry.channels) {
        const c = ps.inputChannels.find((id) => state.plan.channels[id].gateIndex === gi);
        if (c !== undefined && !out.has(c)) out.set(c, entry.id);
      }
    }
  }
  return out;
}

export interface AfterBarrierRecord {
  time: number;
  subtask: number;
  checkpointId: number;
  channel: number;
  seq: number;
  key: string;
}

/** Follows a run's trace: for each subtask, the channels whose barrier came, per checkpoint, until the snapshot. */
export class AfterBarrierLog {
  /** subtask -> checkpoint -> channels whose barrier came before the subtask's snapshot */
  private readonly open = new Map<number, Map<number, Set<number>>>();
  readonly records: AfterBarrierRecord[] = [];

  constructor(private readonly limit = 10_000) {}

  onEvent(ev: TraceEvent): void {
    switch (ev.type) {
      case 'barrier-received': {
        let perCheckpoint = this.open.get(ev.subtask);
        if (!perCheckpoint) this.open.set(ev.subtask, (perCheckpoint = new Map()));
        let channels = perCheckpoint.get(ev.checkpointId);
        if (!channels) perCheckpoint.set(ev.checkpointId, (channels = new Set()));
        channels.add(ev.channel);
        return;
      }
      case 'record-processed': {
        const perCheckpoint = this.open.get(ev.subtask);
        if (!perCheckpoint || this.records.length >= this.limit) return;
        for (const [checkpointId, channels] of perCheckpoint) {
          if (!channels.has(ev.channel)) continue;
          this.records.push({ time: ev.time, subtask: ev.subtask, checkpointId, channel: ev.channel, seq: ev.seq, key: ev.key });
          return; // counted once, for the oldest checkpoint it slipped into
        }
        return;
      }
      case 'snapshot-started':
      case 'checkpoint-declined':
        // the snapshot for n also ends every older checkpoint the tracker dropped
        this.close(ev.subtask, ev.checkpointId);
        return;
      case 'task-failed':
        this.open.delete(ev.subtask);
        return;
      case 'tasks-canceled':
      case 'configuration-changed':
        this.open.clear();
        return;
      default:
    }
  }

  private close(subtask: number, checkpointId: number): void {
    const perCheckpoint = this.open.get(subtask);
    if (!perCheckpoint) return;
    for (const id of [...perCheckpoint.keys()]) if (id <= checkpointId) perCheckpoint.delete(id);
  }

  /** What went into checkpoint `id` after its barrier: per subtask, per key, how many records. */
  ofCheckpoint(id: number): Map<number, Map<string, number>> {
    const out = new Map<number, Map<string, number>>();
    for (const r of this.records) {
      if (r.checkpointId !== id) continue;
      let keys = out.get(r.subtask);
      if (!keys) out.set(r.subtask, (keys = new Map()));
      keys.set(r.key, (keys.get(r.key) ?? 0) + 1);
    }
    return out;
  }
}

export interface CheckpointAfterBarrier {
  checkpointId: number;
  /** per subtask, per key: records read after their channel's barrier that are in the snapshot */
  subtasks: Map<number, Map<string, number>>;
  total: number;
  /** false if the replay ran out of events: what is shown may be short */
  complete: boolean;
}

const replayed = new WeakMap<object, Map<string, CheckpointAfterBarrier>>();

/**
 * Checkpoint `checkpointId` of the run at `state`: which records slipped into each subtask's
 * snapshot after their barrier. Replays the checkpoint's stretch of the run (trigger to last
 * acknowledgement); null if the run's history no longer names the checkpoint.
 */
export function afterBarrierInCheckpoint(recorder: Pick<RunRecorder, 'keyframes' | 'commands'>, state: SimState, checkpointId: number): CheckpointAfterBarrier | null {
  const record = state.coordinator.history.find((h) => h.id === checkpointId);
  if (!record) return null;
  const to = Math.min(state.now, record.latestAckTime ?? record.failureTime ?? state.now);
  const memoKey = `${checkpointId}@${record.triggerTime}-${to}/${recorder.commands.length}`;
  let memo = replayed.get(recorder.commands);
  if (!memo) replayed.set(recorder.commands, (memo = new Map()));
  const known = memo.get(memoKey);
  if (known) return known;
  const log = new AfterBarrierLog();
  let first = true;
  const stretch = replayWindow(recorder, record.triggerTime, to, () => {
    // a restore replacing the job ends this checkpoint's story
    if (!first) return () => {};
    first = false;
    return (ev) => log.onEvent(ev);
  });
  const subtasks = log.ofCheckpoint(checkpointId);
  let total = 0;
  for (const keys of subtasks.values()) for (const n of keys.values()) total += n;
  const result = { checkpointId, subtasks, total, complete: stretch.complete };
  if (memo.size > 64) memo.clear();
  memo.set(memoKey, result);
  return result;
}
