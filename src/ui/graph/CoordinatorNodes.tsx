import { Handle, Position, type Node } from '@xyflow/react';
import { memo } from 'react';
import { coordinatorView, formatCheckpointId, storageView } from '../../engine';
import { useView } from '../../store/react';
import { formatBytes, formatMs } from '../format';
import { useRunView } from './useRunView';
import { useT } from '../../i18n/useT';

export type JobManagerNodeType = Node<Record<string, never>, 'jobmanager'>;
export type StorageNodeType = Node<Record<string, never>, 'storage'>;

function JobManagerNodeImpl() {
  const v = useRunView((state, t) => {
    const c = coordinatorView(state, t);
    // whole tenths of a second: the countdown re-renders ten times a second, not every frame
    return { ...c, restartIn: c.restartIn === null ? null : Math.round(c.restartIn / 100) / 10, nextTriggerIn: null };
  });
  const lit = useView((view) => v.pending.some((p) => view.highlights.includes(p.id)));
  const t = useT();
  return (
    <div className={`coordinator jobmanager${lit ? ' highlighted' : ''}`} data-testid="jobmanager" data-id="jobmanager" aria-label="JobManager">
      <div className="subtask-name" title={t('graph.jobManagerTitle')}>JobManager</div>
      <div className="subtask-line muted">{t('graph.coordinator')}</div>
      <div className="subtask-line">{t('graph.job', { status: v.job })} · {v.restartIn !== null ? t('graph.restoreIn', { s: v.restartIn.toFixed(1) }) : t('graph.interval', { interval: v.interval })}</div>
      <div className="subtask-line muted">{v.pending.length ? t('graph.inProgress', { list: v.pending.map((p) => t('graph.inProgressItem', { id: String(p.checkpointId), acks: p.acks, subtasks: p.subtasks })).join(', ') }) : t('graph.noneInProgress')}</div>
      <div className="subtask-line muted">{v.latestCompleted ? t('graph.latestCompleted', { id: String(v.latestCompleted) }) : t('graph.noneCompleted')}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function StorageNodeImpl() {
  const v = useRunView((state) => storageView(state));
  const lit = useView((view) => v.retained.some((id) => view.highlights.includes(formatCheckpointId(id))));
  const t = useT();
  return (
    <div className={`coordinator storage${lit ? ' highlighted' : ''}`} data-testid="checkpoint-storage" data-id="storage" aria-label={t('graph.storage')}>
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
      <div className="subtask-name">{t('graph.storage')}</div>
      <div className="subtask-line muted">{v.kind === 'jobmanager' ? t('graph.storageJm') : t('graph.storageFs')}</div>
      <div className="subtask-line">{v.retained.length ? t('graph.retained', { list: v.retained.map((id) => `#${id}`).join(' ') }) : t('graph.empty')}</div>
      <div className="subtask-line muted">{v.retained.length ? t('graph.storageBytes', { bytes: formatBytes(v.retainedBytes), ms: formatMs(v.lastDurationMs) }) : t('graph.storageHint')}</div>
    </div>
  );
}

export const JobManagerNode = memo(JobManagerNodeImpl);
export const StorageNode = memo(StorageNodeImpl);
