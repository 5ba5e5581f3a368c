import type { Edge, EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { channelMessages, channelView, formatCheckpointId, type ChannelMessage, type ChannelView } from '../../engine';
import { useView } from '../../store/react';
import { channelPath, pointOnChannel, progress } from './geometry';
import { checkpointColour } from './keyColours';
import { barrierPoints } from '../presenter/Glyphs';
import { useRunView } from './useRunView';
import { useT } from '../../i18n/useT';

export type ChannelEdgeType = Edge<{ channel: number }, 'channel'>;

type Marker = Extract<ChannelMessage, { kind: 'barrier' | 'cancel-marker' }>;

/** what the edge draws: not the counts of items under way, which change with every record */
type DrawnChannel = Omit<ChannelView, 'inFlight' | 'arrived'>;

interface EdgeView { channel: DrawnChannel; markers: { kind: Marker['kind']; checkpointId: number; lane: string; at: number; id: string }[] }

/** Where a marker sits on its edge at display time: travelling, or queued at the consumer's end. */
function markerAt(m: Marker, displayTime: number): number {
  if (m.waitingAhead < 0) return progress(m.sentAt, m.deliverAt, displayTime);
  return Math.max(0.55, 0.97 - m.waitingAhead * 0.05);
}

function edgeView(state: Parameters<typeof channelView>[0], channel: number, displayTime: number): EdgeView | null {
  // an edge of a job that was just replaced (another scenario, a restore) renders nothing until it goes
  if (!state.plan.channels[channel] || !state.channels[channel]) return null;
  const markers: EdgeView['markers'] = [];
  // records are the canvas's (RecordsLayer): left out here, not built and thrown away every frame
  for (const m of channelMessages(state, channel, displayTime, false)) {
    if (m.kind === 'record') continue;
    markers.push({ kind: m.kind, checkpointId: m.checkpointId, lane: m.kind === 'barrier' ? m.lane : 'aligned', at: Number(markerAt(m, displayTime).toFixed(3)), id: m.id });
  }
  const { inFlight: _inFlight, arrived: _arrived, ...drawn } = channelView(state, channel, displayTime);
  return { channel: drawn, markers };
}

function ChannelEdgeImpl({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<ChannelEdgeType>) {
  const channel = data!.channel;
  const view = useRunView((state, t) => edgeView(state, channel, t));
  const highlights = useView((v) => v.highlights);
  const tr = useT();
  // what hovering shows (the title) is drawn beside the channel while it has the keyboard's focus
  const [focused, setFocused] = useState(false);
  if (!view) return null;
  const ch = view.channel;
  const s = { x: sourceX, y: sourceY };
  const t = { x: targetX, y: targetY };
  const path = channelPath(s, t);
  const level = ch.fill >= 1 ? 'full' : ch.fill >= 0.5 ? 'filling' : 'ok';
  const labelAt = pointOnChannel(s, t, 0.6);
  const highlighted = highlights.includes(ch.id);
  const classes = ['channel', `channel-${level}`];
  if (ch.blocked) classes.push('channel-blocked');
  if (highlighted) classes.push('highlighted');
  const title = tr('graph.channelTitle', { from: ch.fromName, to: ch.toName, records: ch.records, capacity: ch.capacity, id: ch.id });
  const tipAt = pointOnChannel(s, t, 0.5);
  return (
    <g data-testid={`channel-${channel}`} data-id={ch.id} data-blocked={ch.blocked ? 'true' : 'false'} className={classes.join(' ')}
      tabIndex={0} role="img" aria-label={title} onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}>
      <path id={id} d={path} className="channel-path" fill="none" />
      <path d={path} className="channel-hit" fill="none">
        <title>{title}</title>
      </path>
      {ch.fill >= 0.5 && (
        <text x={labelAt.x} y={labelAt.y - 6} className="channel-fill-label" textAnchor="middle">{ch.records}/{ch.capacity}</text>
      )}
      {ch.blocked && (
        <g transform={`translate(${t.x - 22}, ${t.y - 9})`} className="channel-lock" aria-label={tr('graph.blocked')}>
          <title>{tr('graph.blockedTitle')}</title>
          <rect x={0} y={6} width={12} height={9} rx={1.5} />
          <path d="M2.5 6 V3.5 a3.5 3.5 0 0 1 7 0 V6" fill="none" />
        </g>
      )}
      {focused && (
        <g className="channel-tip" transform={`translate(${tipAt.x}, ${tipAt.y + 16})`} data-testid="channel-tip" aria-hidden="true">
          <rect x={-4} y={-14} width={tr('presenter.channelFocus', { from: ch.fromName, to: ch.toName, records: ch.records, capacity: ch.capacity }).length * 7.2 + 8} height={20} rx={4} />
          <text y={0}>{tr('presenter.channelFocus', { from: ch.fromName, to: ch.toName, records: ch.records, capacity: ch.capacity })}</text>
        </g>
      )}
      {view.markers.map((m) => {
        const p = pointOnChannel(s, t, m.at);
        const colour = checkpointColour(m.checkpointId);
        const lit = highlights.includes(formatCheckpointId(m.checkpointId)) ? ' highlighted' : '';
        return m.kind === 'barrier' ? (
          <g key={m.id} transform={`translate(${p.x}, ${p.y})`} data-testid={`barrier-${m.checkpointId}-${channel}`} className={`barrier barrier-${m.lane}${lit}`}>
            {/* an aligned barrier is a bar, an unaligned one a chevron: the kinds differ in shape, not colour alone */}
            <g className="barrier-glyph">
              <polygon points={barrierPoints(m.lane === 'priority')} fill={colour} className="barrier-shape" />
              <text y={-16} textAnchor="middle" fill={colour} className="barrier-label">{m.lane === 'priority' ? `⚡${m.checkpointId}` : m.checkpointId}</text>
            </g>
          </g>
        ) : (
          <g key={m.id} transform={`translate(${p.x}, ${p.y})`} data-testid={`cancel-${m.checkpointId}-${channel}`} className={`cancel-marker${lit}`}>
            <text textAnchor="middle" y={4} fill={colour}>✕{m.checkpointId}</text>
          </g>
        );
      })}
    </g>
  );
}

export const ChannelEdge = memo(ChannelEdgeImpl);
