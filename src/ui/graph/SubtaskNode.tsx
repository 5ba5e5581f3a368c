import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { subtaskView, type SimState, type SubtaskView } from '../../engine';
import { viewEqual } from '../../store/equality';
import { runOf, useRunId, useView, useViewActions } from '../../store/react';
import { useReadable } from '../controls/useReadable';
import { useHighlighted, useRunView } from './useRunView';
import { DuplicateBadge } from './DuplicateBadge';
import { useT } from '../../i18n/useT';
import type { MessageId, Translate } from '../../i18n/translate';

export type SubtaskNodeType = Node<{ subtask: number; compact: boolean }, 'subtask'>;

function barrierBadge(v: Pick<SubtaskView, 'barrier'>, t: Translate): { text: string; title: string } | null {
  const b = v.barrier;
  if (!b) return null;
  const toGo = t('subtask.toGo', { n: b.waitingFor.length });
  const from = b.waitingForNames.join(', ');
  const id = String(b.checkpointId);
  if (b.mode === 'tracking') {
    return { text: t('subtask.tracking', { id, toGo }), title: t('subtask.trackingTitle', { id, from }) };
  }
  return { text: t('subtask.aligning', { id, toGo }), title: t('subtask.aligningTitle', { id, n: b.arrived.length, from }) };
}

/** the subtask's counters, which change with every record it takes (SubtaskFigures shows them) */
type Figures = Pick<SubtaskView, 'processed' | 'queued' | 'offsets' | 'sink'>;
/** what the node draws besides its counters: it renders again only when this changes */
type DrawnSubtask = Omit<SubtaskView, keyof Figures>;

function drawnSubtask(state: SimState, sid: number, displayTime: number): DrawnSubtask | null {
  if (!state.plan.subtasks[sid]) return null;
  const { processed: _processed, queued: _queued, offsets: _offsets, sink: _sink, ...drawn } = subtaskView(state, sid, displayTime);
  return drawn;
}

function figuresOf(state: SimState, sid: number, displayTime: number): Figures | null {
  if (!state.plan.subtasks[sid]) return null;
  const { processed, queued, offsets, sink } = subtaskView(state, sid, displayTime);
  return { processed, queued, offsets, sink };
}

/**
 * The node's counters (processed, queued, a source's offsets, a sink's writes), read at most every
 * READABLE_MS while the run plays, as the other figures that change every frame are: 32 nodes
 * setting new text every frame made the graph's style, layout, paint and raster run every frame.
 */
function SubtaskFigures({ sid, compact, range, taskManager }: { sid: number; compact: boolean; range: string; taskManager: number }) {
  const runId = useRunId();
  const f = useReadable((s) => figuresOf(runOf(s, runId).sim.state, sid, s.clock.displayTime), viewEqual, `${runId}/${sid}`);
  const t = useT();
  if (!f) return null;
  return (
    <>
      <div className="subtask-line">
        <span>{t('subtask.processed', { n: f.processed })}</span>
        {f.queued > 0 && <span className="queue" title={t('subtask.queueTitle')}>{t('subtask.queue', { n: f.queued })}</span>}
      </div>
      {!compact && range && <div className="subtask-line muted">{t('subtask.keyGroups', { range, tm: String(taskManager) })}</div>}
      {!compact && f.offsets.length > 0 && <div className="subtask-line muted" title={t('subtask.offsetsTitle')}>{t('subtask.offsets', { list: f.offsets.map((o) => `p${o.partition}@${o.offset}`).join(' ') })}</div>}
      {!compact && f.sink && <div className="subtask-line muted">{t('subtask.received', { n: f.sink.count })}{f.sink.last && t('subtask.last', { kv: `${f.sink.last.key}=${f.sink.last.value}` })}</div>}
    </>
  );
}

const SNAPSHOT_WORDS: Record<'sync' | 'async' | 'channel-state', MessageId> = { sync: 'subtask.sync', async: 'subtask.async', 'channel-state': 'subtask.channelState' };

function SubtaskNodeImpl({ data }: NodeProps<SubtaskNodeType>) {
  const sid = data.subtask;
  // a node of a job that was just replaced (another scenario, a restore) renders nothing until it goes
  const view = useRunView((state, t) => drawnSubtask(state, sid, t));
  const selected = useView((v) => v.selectedSubtask === sid);
  const highlighted = useHighlighted(view?.id ?? '', view ? `op:${view.operatorId}` : '');
  const { select } = useViewActions();
  const t = useT();
  if (!view) return null;
  const badge = barrierBadge(view, t);
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
      title={t('subtask.title', { name: view.name, id: view.id, tm: String(view.taskManager) })}
    >
      {view.kind !== 'source' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="subtask-name">
        <span>{view.name}</span>
        {view.slowFactor > 1 && <span className="slow" title={t('subtask.slowTitle', { factor: view.slowFactor })}>{view.slowFactor}×</span>}
      </div>
      <SubtaskFigures sid={sid} compact={data.compact} range={range} taskManager={view.taskManager} />
      <div className="badges">
        {view.status !== 'RUNNING' && <span className="badge status">{view.status}</span>}
        {view.backpressured && <span className="badge bp">{t('subtask.backpressured')}</span>}
        {badge && <span className={`badge ${view.barrier!.mode === 'tracking' ? 'track' : 'align'}`} title={badge.title}>{badge.text}</span>}
        {view.barrier?.mode === 'tracking' && <span className="badge track-note" title={badge!.title}>{t('subtask.nothingBlocked')}</span>}
        {view.snapshot && <span className="badge snap">{t(SNAPSHOT_WORDS[view.snapshot.phase])} #{view.snapshot.checkpointId}</span>}
        {view.kind === 'sink' && <DuplicateBadge sid={sid} />}
      </div>
      {view.kind !== 'sink' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}

export const SubtaskNode = memo(SubtaskNodeImpl);
