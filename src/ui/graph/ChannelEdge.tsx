import type { Edge, EdgeProps } from '@xyflow/react';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { channelMessages, channelShape, formatCheckpointId, type ChannelMessage, type ChannelShape, type SimState } from '../../engine';
import { runOf, useRunId, useView } from '../../store/react';
import { useReadable } from '../controls/useReadable';
import { channelPath, pointOnChannel, progress } from './geometry';
import { checkpointColour } from './keyColours';
import { barrierPoints } from '../presenter/Glyphs';
import { useRunView } from './useRunView';
import { useT } from '../../i18n/useT';
import { fillLevel, type FillLevel } from './fillLevel';

export type ChannelEdgeType = Edge<{ channel: number }, 'channel'>;

type Marker = Extract<ChannelMessage, { kind: 'barrier' | 'cancel-marker' }>;

/**
 * what the edge draws: not the counts of records, which change with every record (ChannelCounts
 * shows those, so the edge's paths and markers are not rendered again every frame)
 */
type DrawnChannel = Omit<ChannelShape, 'records' | 'fill'> & { level: FillLevel };

type DrawnMarker = { kind: Marker['kind']; checkpointId: number; lane: string; at: number; id: string };

/** Where a marker sits on its edge at display time: travelling, or queued at the consumer's end. */
function markerAt(m: Marker, displayTime: number): number {
  if (m.waitingAhead < 0) return progress(m.sentAt, m.deliverAt, displayTime);
  return Math.max(0.55, 0.97 - m.waitingAhead * 0.05);
}

/** The channel as its edge draws it; null for an edge of a job that was just replaced (another scenario, a restore). */
function drawnChannel(state: SimState, channel: number): DrawnChannel | null {
  if (!state.plan.channels[channel] || !state.channels[channel]) return null;
  const { records, fill: _fill, ...drawn } = channelShape(state, channel);
  return { ...drawn, level: fillLevel(records, drawn.capacity) };
}

/** The barriers and cancellation markers on the channel, each where it is at display time. */
function drawnMarkers(state: SimState, channel: number, displayTime: number): DrawnMarker[] {
  const markers: DrawnMarker[] = [];
  if (!state.plan.channels[channel] || !state.channels[channel]) return markers;
  // records are the canvas's (RecordsLayer): left out here, not built and thrown away every frame
  for (const m of channelMessages(state, channel, displayTime, false)) {
    if (m.kind === 'record') continue;
    markers.push({ kind: m.kind, checkpointId: m.checkpointId, lane: m.kind === 'barrier' ? m.lane : 'aligned', at: Number(markerAt(m, displayTime).toFixed(3)), id: m.id });
  }
  return markers;
}

/**
 * The markers travelling on an edge, in a component of their own: they move every frame while a
 * barrier is under way, and only they are rendered again for it.
 */
function ChannelMarkers({ channel, s, t }: { channel: number; s: { x: number; y: number }; t: { x: number; y: number } }) {
  const markers = useRunView((state, time) => drawnMarkers(state, channel, time));
  const highlights = useView((v) => v.highlights);
  return markers.map((m) => {
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
  });
}

interface CountsProps {
  channel: number;
  ch: DrawnChannel;
  /** the title (also the edge group's accessible name), the label on a filling channel, or the focus tip */
  part: 'title' | 'label' | 'tip';
  /** where the label or the tip goes */
  at: { x: number; y: number };
}

/**
 * What an edge says in numbers (`records/capacity`), in components of their own: only these
 * re-render as records come and go, not the edge's paths and markers; and while the run plays at
 * most every READABLE_MS, as the page's other counters (the text of 88 edges set every frame made
 * the graph's style, layout, paint and raster run every frame).
 */
function ChannelCounts({ channel, ch, part, at }: CountsProps) {
  const runId = useRunId();
  const records = useReadable((s) => runOf(s, runId).sim.state.channels[channel]?.records ?? 0, Object.is, `${runId}/${channel}`);
  const tr = useT();
  const title = part === 'title' ? tr('graph.channelTitle', { from: ch.fromName, to: ch.toName, records, capacity: ch.capacity, id: ch.id }) : '';
  const own = useRef<HTMLTitleElement>(null);
  // the title is also the edge's accessible name: set on its group here, before the browser paints
  useLayoutEffect(() => {
    own.current?.closest('g.channel')?.setAttribute('aria-label', title);
  }, [title]);
  if (part === 'title') return <title ref={own}>{title}</title>;
  if (part === 'label') return <text x={at.x} y={at.y - 6} className="channel-fill-label" textAnchor="middle">{records}/{ch.capacity}</text>;
  const tip = tr('presenter.channelFocus', { from: ch.fromName, to: ch.toName, records, capacity: ch.capacity });
  return (
    <g className="channel-tip" transform={`translate(${at.x}, ${at.y + 16})`} data-testid="channel-tip" aria-hidden="true">
      <rect x={-4} y={-14} width={tip.length * 7.2 + 8} height={20} rx={4} />
      <text y={0}>{tip}</text>
    </g>
  );
}

function ChannelEdgeImpl({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<ChannelEdgeType>) {
  const channel = data!.channel;
  const ch = useRunView((state) => drawnChannel(state, channel));
  const highlights = useView((v) => v.highlights);
  const tr = useT();
  // what hovering shows (the title) is drawn beside the channel while it has the keyboard's focus
  const [focused, setFocused] = useState(false);
  if (!ch) return null;
  const s = { x: sourceX, y: sourceY };
  const t = { x: targetX, y: targetY };
  const path = channelPath(s, t);
  const highlighted = highlights.includes(ch.id);
  const classes = ['channel', `channel-${ch.level}`];
  if (ch.blocked) classes.push('channel-blocked');
  if (highlighted) classes.push('highlighted');
  return (
    <g data-testid={`channel-${channel}`} data-id={ch.id} data-blocked={ch.blocked ? 'true' : 'false'} className={classes.join(' ')}
      tabIndex={0} role="img" onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}>
      <path id={id} d={path} className="channel-path" fill="none" />
      <path d={path} className="channel-hit" fill="none">
        <ChannelCounts channel={channel} ch={ch} part="title" at={s} />
      </path>
      {ch.level !== 'ok' && <ChannelCounts channel={channel} ch={ch} part="label" at={pointOnChannel(s, t, 0.6)} />}
      {ch.blocked && (
        <g transform={`translate(${t.x - 22}, ${t.y - 9})`} className="channel-lock" aria-label={tr('graph.blocked')}>
          <title>{tr('graph.blockedTitle')}</title>
          <rect x={0} y={6} width={12} height={9} rx={1.5} />
          <path d="M2.5 6 V3.5 a3.5 3.5 0 0 1 7 0 V6" fill="none" />
        </g>
      )}
      {focused && <ChannelCounts channel={channel} ch={ch} part="tip" at={pointOnChannel(s, t, 0.5)} />}
      <ChannelMarkers channel={channel} s={s} t={t} />
    </g>
  );
}

export const ChannelEdge = memo(ChannelEdgeImpl);
