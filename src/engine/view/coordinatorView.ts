import { recordOf } from '../checkpoint/coordinator';
import { settingsOf } from '../checkpoint/settings';
import { formatDuration } from '../config/duration';
import { formatCheckpointId } from '../ids';
import type { JobStatus } from '../model/types';
import type { SimState } from '../sim/state';

// What the page shows of the JobManager's checkpoint coordinator and of checkpoint storage.

export interface PendingCheckpointView {
  /** stable id: `cp:3` */
  id: string;
  checkpointId: number;
  savepoint: boolean;
  acks: number;
  subtasks: number;
}

export interface CoordinatorView {
  job: JobStatus;
  /** periodic checkpointing is on (an interval above 0) */
  checkpointing: boolean;
  intervalMs: number;
  /** the interval in Flink's syntax, or "off" */
  interval: string;
  pending: PendingCheckpointView[];
  /** the newest retained completed checkpoint's id (what a restore would use), 0 if none */
  latestCompleted: number;
  /** ms from display time to the next periodic trigger, null if none is scheduled */
  nextTriggerIn: number | null;
  /** ms from display time to the pending restart, null if none */
  restartIn: number | null;
}

export interface StorageView {
  kind: 'jobmanager' | 'filesystem';
  /** ids of the retained completed checkpoints, oldest first */
  retained: number[];
  retainedBytes: number;
  /** how long the newest retained checkpoint took from trigger to completion */
  lastDurationMs: number | null;
}

function firstDue(state: SimState, kind: 'restart' | 'cp-periodic'): number | null {
  let at: number | null = null;
  for (const q of state.queue) {
    if (q.event.kind !== kind) continue;
    // a re-phased periodic timer leaves ticks of older generations behind: they trigger nothing
    if (q.event.kind === 'cp-periodic' && q.event.generation !== state.coordinator.timerGeneration) continue;
    if (at === null || q.time < at) at = q.time;
  }
  return at;
}

export function coordinatorView(state: SimState, displayTime: number): CoordinatorView {
  const s = settingsOf(state);
  const c = state.coordinator;
  const restart = firstDue(state, 'restart');
  const tick = s.enabled ? firstDue(state, 'cp-periodic') : null;
  return {
    job: state.job.status,
    checkpointing: s.enabled,
    intervalMs: s.intervalMs,
    interval: s.enabled ? formatDuration(s.intervalMs) : 'off',
    pending: c.pending.map((id) => {
      const r = recordOf(state, id);
      return { id: formatCheckpointId(id), checkpointId: id, savepoint: r?.isSavepoint ?? false, acks: r ? Object.keys(r.acks).length : 0, subtasks: r?.subtasks.length ?? 0 };
    }),
    latestCompleted: c.retained.length ? c.retained[c.retained.length - 1].id : 0,
    nextTriggerIn: tick === null ? null : Math.max(0, tick - displayTime),
    restartIn: restart === null ? null : Math.max(0, restart - displayTime),
  };
}

export function storageView(state: SimState): StorageView {
  const retained = state.coordinator.retained;
  const last = retained[retained.length - 1];
  return {
    kind: settingsOf(state).storage,
    retained: retained.map((r) => r.id),
    retainedBytes: retained.reduce((n, r) => n + r.stateBytes, 0),
    lastDurationMs: last ? last.completedAt - last.triggerTime : null,
  };
}
