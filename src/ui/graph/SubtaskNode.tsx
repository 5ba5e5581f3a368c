import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/react';
import { subtaskView } from './views';

export type SubtaskNodeType = Node<{ subtask: number; compact: boolean }, 'subtask'>;

/** A node of a job that was just replaced (another scenario, a restore) renders nothing until it goes. */
const GONE = { name: '', opId: '', index: 0, kind: '', range: '', tm: 0, selected: false, slow: 1, gone: true };

function SubtaskNodeImpl({ data }: NodeProps<SubtaskNodeType>) {
  const sid = data.subtask;
  const info = useSim(useShallow((s) => {
    const ps = s.sim.state.plan.subtasks[sid];
    if (!ps) return GONE;
    const op = s.sim.state.plan.operators[ps.operator];
    return { name: ps.name, opId: op.id, index: ps.index, kind: op.kind, range: ps.keyGroupRange ? `${ps.keyGroupRange[0]}–${ps.keyGroupRange[1]}` : '', tm: ps.taskManager, selected: s.selectedSubtask === sid, slow: ps.slowFactor, gone: false };
  }));
  const view = useSim(useShallow((s) => (s.sim.state.plan.subtasks[sid] ? subtaskView(s.sim.state, sid, s.displayTime) : null)));
  const select = useSim((s) => s.select);
  if (info.gone || !view) return null;
  const classes = ['subtask', `status-${view.status.toLowerCase()}`];
  if (info.selected) classes.push('selected');
  if (view.backpressured) classes.push('backpressured');
  if (view.snapshot) classes.push(view.snapshot.startsWith('sync') ? 'snapshot-sync' : 'snapshot-async');
  if (view.aligning) classes.push('aligning');
  if (data.compact) classes.push('compact');
  return (
    <div
      className={classes.join(' ')}
      data-testid={`subtask-${info.opId}-${info.index}`}
      aria-label={info.name}
      aria-pressed={info.selected}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          select(sid);
        }
      }}
      title={`${info.name} — TaskManager ${info.tm} (taskmanager:${info.tm} in fault specs)`}
    >
      {info.kind !== 'source' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="subtask-name">
        <span>{info.name}</span>
        {info.slow > 1 && <span className="slow" title={`this subtask needs ${info.slow}× as long per record as its siblings`}>{info.slow}×</span>}
      </div>
      <div className="subtask-line">
        <span>{view.processed} processed</span>
        {view.queued > 0 && <span className="queue" title="records arrived, waiting to be processed">queue {view.queued}</span>}
      </div>
      {!data.compact && info.range && <div className="subtask-line muted">key groups {info.range} · TM {info.tm}</div>}
      {!data.compact && view.offsets && <div className="subtask-line muted" title="next offset per partition">offsets {view.offsets}</div>}
      {!data.compact && info.kind === 'sink' && <div className="subtask-line muted">received {view.sinkCount}{view.lastReceived && ` · last ${view.lastReceived}`}</div>}
      <div className="badges">
        {view.status !== 'RUNNING' && <span className="badge status">{view.status}</span>}
        {view.backpressured && <span className="badge bp">back-pressured</span>}
        {view.aligning > 0 && (
          <span className="badge align" title={`barrier ${view.aligning} came on inputs ${view.blocked || 'none'} (blocked); still waiting for the barrier from ${view.waitingFor}`}>
            aligning #{view.aligning} · {view.waitingCount} input{view.waitingCount === 1 ? '' : 's'} to go
          </span>
        )}
        {view.snapshot && <span className="badge snap">{view.snapshot}</span>}
      </div>
      {info.kind !== 'sink' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}

export const SubtaskNode = memo(SubtaskNodeImpl);
