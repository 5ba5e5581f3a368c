import { Handle, Position, type Node } from '@xyflow/react';
import { memo } from 'react';
import { coordinatorView, formatCheckpointId, storageView } from '../../engine';
import { useView } from '../../store/react';
import { formatBytes, formatMs } from '../format';
import { useRunView } from './useRunView';

export type JobManagerNodeType = Node<Record<string, never>, 'jobmanager'>;
export type StorageNodeType = Node<Record<string, never>, 'storage'>;

function JobManagerNodeImpl() {
  const v = useRunView((state, t) => {
    const c = coordinatorView(state, t);
    // whole tenths of a second: the countdown re-renders ten times a second, not every frame
    return { ...c, restartIn: c.restartIn === null ? null : Math.round(c.restartIn / 100) / 10, nextTriggerIn: null };
  });
  const lit = useView((view) => v.pending.some((p) => view.highlights.includes(p.id)));
  return (
    <div className={`coordinator jobmanager${lit ? ' highlighted' : ''}`} data-testid="jobmanager" data-id="jobmanager" aria-label="JobManager">
      <div className="subtask-name" title="JobManager: its CheckpointCoordinator triggers checkpoints and collects the acknowledgements">JobManager</div>
      <div className="subtask-line muted">checkpoint coordinator</div>
      <div className="subtask-line">job {v.job} · {v.restartIn !== null ? `restore in ${v.restartIn.toFixed(1)} s` : `interval ${v.interval}`}</div>
      <div className="subtask-line muted">{v.pending.length ? `in progress ${v.pending.map((p) => `#${p.checkpointId} ${p.acks}/${p.subtasks} acks`).join(', ')}` : 'no checkpoint in progress'}</div>
      <div className="subtask-line muted">{v.latestCompleted ? `latest completed #${v.latestCompleted}` : 'no completed checkpoint yet'}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function StorageNodeImpl() {
  const v = useRunView((state) => storageView(state));
  const lit = useView((view) => v.retained.some((id) => view.highlights.includes(formatCheckpointId(id))));
  return (
    <div className={`coordinator storage${lit ? ' highlighted' : ''}`} data-testid="checkpoint-storage" data-id="storage" aria-label="Checkpoint storage">
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
      <div className="subtask-name">Checkpoint storage</div>
      <div className="subtask-line muted">{v.kind === 'jobmanager' ? 'jobmanager (JobManager heap)' : 'filesystem (durable)'}</div>
      <div className="subtask-line">{v.retained.length ? `retained ${v.retained.map((id) => `#${id}`).join(' ')}` : 'empty'}</div>
      <div className="subtask-line muted">{v.retained.length ? `${formatBytes(v.retainedBytes)} · last took ${formatMs(v.lastDurationMs)}` : 'completed checkpoints land here'}</div>
    </div>
  );
}

export const JobManagerNode = memo(JobManagerNodeImpl);
export const StorageNode = memo(StorageNodeImpl);
