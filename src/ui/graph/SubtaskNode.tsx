import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { subtaskView, type SubtaskView } from '../../engine';
import { useView, useViewActions } from '../../store/react';
import { useHighlighted, useRunView } from './useRunView';

export type SubtaskNodeType = Node<{ subtask: number; compact: boolean }, 'subtask'>;

function barrierBadge(v: SubtaskView): { text: string; title: string } | null {
  const b = v.barrier;
  if (!b) return null;
  const n = b.waitingFor.length;
  const toGo = `${n} input${n === 1 ? '' : 's'} to go`;
  const from = b.waitingForNames.join(', ');
  if (b.mode === 'tracking') {
    return {
      text: `tracking #${b.checkpointId} · ${toGo}`,
      title: `at-least-once: barrier ${b.checkpointId} is counted, no input is blocked; records keep coming on every input. Still to come: the barrier from ${from}`,
    };
  }
  return {
    text: `aligning #${b.checkpointId} · ${toGo}`,
    title: `barrier ${b.checkpointId} came on ${b.arrived.length} input${b.arrived.length === 1 ? '' : 's'}, blocked until the rest arrive; still waiting for the barrier from ${from}`,
  };
}

const SNAPSHOT_WORDS = { sync: 'sync snapshot', async: 'async upload', 'channel-state': 'persisting channel state' } as const;

function SubtaskNodeImpl({ data }: NodeProps<SubtaskNodeType>) {
  const sid = data.subtask;
  // a node of a job that was just replaced (another scenario, a restore) renders nothing until it goes
  const view = useRunView((state, t) => (state.plan.subtasks[sid] ? subtaskView(state, sid, t) : null));
  const selected = useView((v) => v.selectedSubtask === sid);
  const highlighted = useHighlighted(view?.id ?? '', view ? `op:${view.operatorId}` : '');
  const { select } = useViewActions();
  if (!view) return null;
  const badge = barrierBadge(view);
  const classes = ['subtask', `status-${view.status.toLowerCase()}`];
  if (selected) classes.push('selected');
  if (highlighted) classes.push('highlighted');
  if (view.backpressured) classes.push('backpressured');
  if (view.snapshot) classes.push(view.snapshot.phase === 'sync' ? 'snapshot-sync' : 'snapshot-async');
  if (view.barrier) classes.push(view.barrier.mode);
  if (data.compact) classes.push('compact');
  const range = view.keyGroupRange ? `${view.keyGroupRange[0]}–${view.keyGroupRange[1]}` : '';
  return (
    <div
      className={classes.join(' ')}
      data-testid={`subtask-${view.operatorId}-${view.index}`}
      data-id={view.id}
      aria-label={view.name}
      aria-pressed={selected}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          select(sid);
        }
      }}
      title={`${view.name} — ${view.id} in fault specs, on TaskManager ${view.taskManager} (taskmanager:${view.taskManager})`}
    >
      {view.kind !== 'source' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="subtask-name">
        <span>{view.name}</span>
        {view.slowFactor > 1 && <span className="slow" title={`this subtask needs ${view.slowFactor}× as long per record as its siblings`}>{view.slowFactor}×</span>}
      </div>
      <div className="subtask-line">
        <span>{view.processed} processed</span>
        {view.queued > 0 && <span className="queue" title="records arrived, waiting to be processed">queue {view.queued}</span>}
      </div>
      {!data.compact && range && <div className="subtask-line muted">key groups {range} · TM {view.taskManager}</div>}
      {!data.compact && view.offsets.length > 0 && <div className="subtask-line muted" title="next offset per partition">offsets {view.offsets.map((o) => `p${o.partition}@${o.offset}`).join(' ')}</div>}
      {!data.compact && view.sink && <div className="subtask-line muted">received {view.sink.count}{view.sink.last && ` · last ${view.sink.last.key}=${view.sink.last.value}`}</div>}
      <div className="badges">
        {view.status !== 'RUNNING' && <span className="badge status">{view.status}</span>}
        {view.backpressured && <span className="badge bp">back-pressured</span>}
        {badge && <span className={`badge ${view.barrier!.mode === 'tracking' ? 'track' : 'align'}`} title={badge.title}>{badge.text}</span>}
        {view.barrier?.mode === 'tracking' && <span className="badge track-note" title={badge!.title}>nothing blocked</span>}
        {view.snapshot && <span className="badge snap">{SNAPSHOT_WORDS[view.snapshot.phase]} #{view.snapshot.checkpointId}</span>}
      </div>
      {view.kind !== 'sink' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}

export const SubtaskNode = memo(SubtaskNodeImpl);
