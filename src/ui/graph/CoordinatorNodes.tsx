import { Handle, Position, type Node } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/react';
import { formatBytes, formatMs } from '../format';

export type JobManagerNodeType = Node<Record<string, never>, 'jobmanager'>;
export type StorageNodeType = Node<Record<string, never>, 'storage'>;

function JobManagerNodeImpl() {
  const v = useSim(useShallow((s) => {
    const state = s.sim.state;
    const c = state.coordinator;
    const raw = state.config.raw;
    const pending = c.pending.map((id) => {
      const r = c.history.find((h) => h.id === id)!;
      return `#${id} ${Object.keys(r.acks).length}/${r.subtasks.length} acks`;
    }).join(', ');
    const restart = state.queue.find((q) => q.event.kind === 'restart');
    return {
      restoreIn: restart ? Math.max(0, Math.round(restart.time - s.displayTime)) : -1,
      job: state.job.status,
      interval: raw['execution.checkpointing.interval'] ?? 'off',
      pending,
      last: c.retained.length ? c.retained[c.retained.length - 1].id : 0,
    };
  }));
  return (
    <div className="coordinator jobmanager" data-testid="jobmanager" aria-label="JobManager">
      <div className="subtask-name" title="JobManager: its CheckpointCoordinator triggers checkpoints and collects the acknowledgements">JobManager</div>
      <div className="subtask-line muted">checkpoint coordinator</div>
      <div className="subtask-line">job {v.job} · {v.restoreIn >= 0 ? `restore in ${(v.restoreIn / 1000).toFixed(1)} s` : `interval ${v.interval}`}</div>
      <div className="subtask-line muted">{v.pending ? `in progress ${v.pending}` : 'no checkpoint in progress'}</div>
      <div className="subtask-line muted">{v.last ? `latest completed #${v.last}` : 'no completed checkpoint yet'}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function StorageNodeImpl() {
  const v = useSim(useShallow((s) => {
    const state = s.sim.state;
    const c = state.coordinator;
    return {
      kind: state.config.raw['execution.checkpointing.storage'] ?? 'jobmanager',
      retained: c.retained.map((r) => `#${r.id}`).join(' '),
      size: formatBytes(c.retained.reduce((n, r) => n + r.stateBytes, 0)),
      lastDuration: formatMs(c.retained.length ? c.retained[c.retained.length - 1].completedAt - c.retained[c.retained.length - 1].triggerTime : null),
    };
  }));
  return (
    <div className="coordinator storage" data-testid="checkpoint-storage" aria-label="Checkpoint storage">
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
      <div className="subtask-name">Checkpoint storage</div>
      <div className="subtask-line muted">{v.kind === 'jobmanager' ? 'jobmanager (JobManager heap)' : 'filesystem (durable)'}</div>
      <div className="subtask-line">{v.retained ? `retained ${v.retained}` : 'empty'}</div>
      <div className="subtask-line muted">{v.retained ? `${v.size} · last took ${v.lastDuration}` : 'completed checkpoints land here'}</div>
    </div>
  );
}

export const JobManagerNode = memo(JobManagerNodeImpl);
export const StorageNode = memo(StorageNodeImpl);
