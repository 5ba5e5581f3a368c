import { barrierHandlingOf, eventIdList, partitionerCarriesUnalignedBarriers, stableIdsOf, type SimState, type TraceEvent } from '../engine';

// The event log tells what happens in words, with Flink's names for subtasks; each line carries
// the stable ids (`count/1`, `map/0->count/1`, `cp:3`) of what it mentions, for highlights.

export interface LogLine {
  id: number;
  time: number;
  text: string;
  kind: 'record' | 'state' | 'flow' | 'job' | 'checkpoint';
  /** stable ids of the subtasks, channels and checkpoints the line mentions */
  ids: string[];
}

export function narrate(ev: TraceEvent, state: SimState): Omit<LogLine, 'id'> | null {
  const line = tell(ev, state);
  if (!line) return null;
  const ids = eventIdList(state.plan, ev);
  // a barrier sent on every output channel mentions them all
  if (ev.type === 'barrier-emitted') {
    const channels = stableIdsOf(state.plan).channels;
    for (const o of state.plan.subtasks[ev.subtask].outputs) for (const c of o.channels) ids.push(channels[c]);
  }
  return { ...line, ids };
}

/** The inputs of a subtask whose barrier `checkpointId` has not come, when its first one just did. */
function inputsToGo(state: SimState, subtask: number): number {
  const ps = state.plan.subtasks[subtask];
  const finished = state.subtasks[subtask].finishedInputs;
  return ps.inputChannels.filter((c) => !finished.includes(c)).length - 1;
}

function tell(ev: TraceEvent, state: SimState): Omit<LogLine, 'id' | 'ids'> | null {
  const name = (subtask: number) => state.plan.subtasks[subtask].name;
  switch (ev.type) {
    case 'record-read':
      return { time: ev.time, kind: 'record', text: `${name(ev.subtask)} read ${ev.key} at offset ${ev.offset} of partition ${ev.partition}` };
    case 'state-updated':
      return { time: ev.time, kind: 'state', text: `${name(ev.subtask)}: ${ev.state} of ${ev.key} (key group ${ev.keyGroup}) is now ${ev.value || 'cleared'}` };
    case 'sink-received':
      return { time: ev.time, kind: 'record', text: `${name(ev.subtask)} received ${ev.key} = ${ev.value}` };
    case 'backpressure':
      return { time: ev.time, kind: 'flow', text: ev.on ? `${name(ev.subtask)} is back-pressured: an output channel is full` : `${name(ev.subtask)} has credit again` };
    case 'subtask-finished':
      return { time: ev.time, kind: 'job', text: `${name(ev.subtask)} FINISHED (end of partition on every input)` };
    case 'job-status':
      return { time: ev.time, kind: 'job', text: `Job ${ev.status}${ev.reason ? `: ${ev.reason}` : ''}` };
    case 'checkpoint-triggered':
      return { time: ev.time, kind: 'checkpoint', text: `JobManager triggers ${ev.savepoint ? 'savepoint' : 'checkpoint'} ${ev.checkpointId}: the sources will inject barrier ${ev.checkpointId}` };
    case 'checkpoint-skipped':
      return { time: ev.time, kind: 'checkpoint', text: ev.reason === 'min-pause' ? `Periodic checkpoint skipped: min pause not over (${Math.round(ev.waitMs)} ms to go)` : `Checkpoint not triggered: ${ev.reason}` };
    case 'barrier-emitted': {
      const outputs = state.plan.subtasks[ev.subtask].outputs;
      if (!outputs.length) return null; // a sink has nobody to send it to
      // forward and broadcast channels keep barriers in order even for unaligned checkpoints
      const overtaking = ev.unaligned && outputs.some((o) => partitionerCarriesUnalignedBarriers(state.scenario.edges[o.edge].partitioner));
      const text = overtaking ? `sends unaligned barrier ${ev.checkpointId} on every output channel: it overtakes the records queued there`
        : ev.unaligned ? `sends barrier ${ev.checkpointId} on every output channel, behind the queued records (forward channels stay aligned)`
          : `sends barrier ${ev.checkpointId} on every output channel`;
      return { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)} ${text}` };
    }
    case 'barrier-timed-out':
      return { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)}: barrier ${ev.checkpointId}, still queued behind records, timed out (aligned-checkpoint-timeout) and becomes unaligned: it overtakes them` };
    case 'alignment-started':
      // with one input channel the first barrier is the last one: nothing to align
      if (state.plan.subtasks[ev.subtask].inputChannels.length <= 1) return null;
      if (barrierHandlingOf(state, ev.subtask) === 'at-least-once') {
        // Flink's barrier tracker only counts barriers: no channel waits for the others
        const n = inputsToGo(state, ev.subtask);
        return { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)} is tracking barrier ${ev.checkpointId}: ${n} input${n === 1 ? '' : 's'} to go, nothing blocked (at-least-once: it keeps reading every input, so records behind the barrier may get into the snapshot and count twice after a restore)` };
      }
      return { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)} got its first barrier ${ev.checkpointId}: aligning, that channel is blocked until the others deliver theirs` };
    case 'snapshot-started':
      return { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)} snapshots its state for checkpoint ${ev.checkpointId}${ev.unaligned ? ' (unaligned: in-flight records persisted)' : ''}: sync ${Math.round(ev.syncMs)} ms, then async upload` };
    case 'checkpoint-acknowledged':
      return { time: ev.time, kind: 'checkpoint', text: `JobManager: ${name(ev.subtask)} acknowledged checkpoint ${ev.checkpointId}` };
    case 'checkpoint-completed':
      return { time: ev.time, kind: 'checkpoint', text: `${ev.savepoint ? 'Savepoint' : 'Checkpoint'} ${ev.checkpointId} COMPLETED: every subtask acknowledged` };
    case 'checkpoint-failed':
      return { time: ev.time, kind: 'job', text: `Checkpoint ${ev.checkpointId} FAILED (${ev.reason})` };
    case 'checkpoint-declined':
      return { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)} declines checkpoint ${ev.checkpointId} (${ev.reason}) and sends a cancellation marker downstream` };
    case 'checkpoint-notified':
      return ev.committed > 0 ? { time: ev.time, kind: 'checkpoint', text: `${name(ev.subtask)} commits ${ev.committed} records of checkpoint ${ev.checkpointId}` } : null;
    case 'task-failed':
      return { time: ev.time, kind: 'job', text: `${name(ev.subtask)} FAILED: ${ev.cause}` };
    case 'tasks-canceled':
      return { time: ev.time, kind: 'job', text: `Failover: ${ev.subtasks} subtasks restart (${ev.subtasks - ev.canceled} failed, ${ev.canceled} cancelled); ${ev.recordsLost} records in flight on their channels vanish; pending checkpoints aborted` };
    case 'job-restored':
      return { time: ev.time, kind: 'job', text: ev.checkpointId ? `Restored ${ev.subtasks} subtasks from checkpoint ${ev.checkpointId}: key groups and offsets back to its values${ev.replayed ? `, ${ev.replayed} in-flight records replayed first` : ''}; sources re-read from the restored offsets` : `Restarted ${ev.subtasks} subtasks with empty state (no completed checkpoint): sources read from their start positions` };
    case 'jobmanager-failed':
      return { time: ev.time, kind: 'job', text: ev.checkpointsLost ? `JobManager failed: ${ev.checkpointsLost} checkpoints held in its memory are lost` : 'JobManager failed: the checkpoints in the file system survive' };
    case 'taskmanager-lost':
      return { time: ev.time, kind: 'job', text: `TaskManager ${ev.index} lost: its ${ev.subtasks} subtasks fail with it` };
    case 'storage-outage':
      return { time: ev.time, kind: 'job', text: `Checkpoint storage unreachable until ${(ev.untilMs / 1000).toFixed(1)} s: uploads fail, checkpoints are declined` };
    case 'configuration-changed':
      return { time: ev.time, kind: 'checkpoint', text: `Checkpointing settings changed (${ev.keys}); pending checkpoints aborted, barriers handled the new way from now on` };
    case 'world-stopped':
      return { time: ev.time, kind: 'checkpoint', text: `Stop-the-world: nothing in flight any more, every task snapshots for checkpoint ${ev.checkpointId}` };
    case 'world-resumed':
      return { time: ev.time, kind: 'checkpoint', text: `Stop-the-world: checkpoint ${ev.checkpointId} done, sources resume` };
    default:
      return null;
  }
}
