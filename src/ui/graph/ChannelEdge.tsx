import type { Edge, EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimState } from '../../engine';
import { useSim } from '../../store/react';
import { channelPath, pointOnChannel, progress } from './geometry';
import { checkpointColour } from './keyColours';

export type ChannelEdgeType = Edge<{ channel: number }, 'channel'>;

/** Barriers and cancellation markers on a channel at display time, as "kind:id:fraction:lane" strings. */
function markersOf(state: SimState, channel: number, displayTime: number): string[] {
  const ch = state.channels[channel];
  const out: string[] = [];
  const add = (kind: string, id: number, sentAt: number, deliverAt: number, lane: string, waiting: number) => {
    if (displayTime < sentAt) return;
    const f = progress(sentAt, deliverAt, displayTime);
    out.push(`${kind}:${id}:${(f >= 1 ? Math.max(0.55, 0.97 - waiting * 0.05) : f).toFixed(3)}:${lane}`);
  };
  let waiting = 0;
  for (let i = ch.head; i < ch.items.length; i++) {
    const it = ch.items[i];
    if (it.deliverAt <= displayTime) waiting++;
    if (it.kind === 'barrier') add('barrier', it.checkpointId, it.sentAt, it.deliverAt, 'aligned', waiting);
    else if (it.kind === 'cancel') add('cancel', it.checkpointId, it.sentAt, it.deliverAt, 'aligned', waiting);
  }
  for (const it of ch.priority) if (it.kind === 'barrier') add('barrier', it.checkpointId, it.sentAt, it.deliverAt, 'priority', 0);
  return out;
}

/** What a hover over the channel says: its ends, its fill, and how to break it from the command line. */
function channelTitle(state: SimState, channel: number): string {
  const c = state.plan.channels[channel];
  const ref = (sid: number) => {
    const ps = state.plan.subtasks[sid];
    return `${state.plan.operators[ps.operator].id}/${ps.index}`;
  };
  const ch = state.channels[channel];
  return `channel ${channel}: ${state.plan.subtasks[c.from].name} → ${state.plan.subtasks[c.to].name}, ${ch.records}/${ch.capacity} records (sim --fault channel:${ref(c.from)}->${ref(c.to)}@<when>)`;
}

/** An edge of a job that was just replaced (another scenario, a restore) renders nothing until it goes. */
const GONE = { fill: 0, label: '', blocked: false, markers: '', title: '', gone: true } as const;

function ChannelEdgeImpl({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<ChannelEdgeType>) {
  const channel = data!.channel;
  const view = useSim(useShallow((s) => {
    const state = s.sim.state;
    const ch = state.channels[channel];
    const pc = state.plan.channels[channel];
    if (!ch || !pc) return GONE;
    const to = pc.to;
    return {
      gone: false,
      fill: ch.records / ch.capacity,
      label: `${ch.records}/${ch.capacity}`,
      blocked: state.subtasks[to].blockedInputs.includes(channel),
      markers: markersOf(state, channel, s.displayTime).join('|'),
      title: channelTitle(state, channel),
    };
  }));
  if (view.gone) return null;
  const s = { x: sourceX, y: sourceY };
  const t = { x: targetX, y: targetY };
  const path = channelPath(s, t);
  const level = view.fill >= 1 ? 'full' : view.fill >= 0.5 ? 'filling' : 'ok';
  const labelAt = pointOnChannel(s, t, 0.6);
  return (
    <g data-testid={`channel-${channel}`} data-blocked={view.blocked ? 'true' : 'false'} className={`channel channel-${level}${view.blocked ? ' channel-blocked' : ''}`}>
      <path id={id} d={path} className="channel-path" fill="none" />
      <path d={path} className="channel-hit" fill="none"><title>{view.title}</title></path>
      {view.fill >= 0.5 && (
        <text x={labelAt.x} y={labelAt.y - 6} className="channel-fill-label" textAnchor="middle">{view.label}</text>
      )}
      {view.blocked && (
        <g transform={`translate(${t.x - 22}, ${t.y - 9})`} className="channel-lock" aria-label="blocked for alignment">
          <title>Blocked: this channel delivered its barrier; the task does not read it until the other barriers arrive</title>
          <rect x={0} y={6} width={12} height={9} rx={1.5} />
          <path d="M2.5 6 V3.5 a3.5 3.5 0 0 1 7 0 V6" fill="none" />
        </g>
      )}
      {view.markers && view.markers.split('|').map((m, i) => {
        const [kind, cp, f, lane] = m.split(':');
        const p = pointOnChannel(s, t, Number(f));
        const colour = checkpointColour(Number(cp));
        return kind === 'barrier' ? (
          <g key={i} transform={`translate(${p.x}, ${p.y})`} data-testid={`barrier-${cp}-${channel}`} className={`barrier barrier-${lane}`}>
            <rect x={-3} y={-13} width={6} height={26} rx={1.5} fill={colour} />
            <text y={-16} textAnchor="middle" fill={colour} className="barrier-label">{lane === 'priority' ? `⚡${cp}` : cp}</text>
          </g>
        ) : (
          <g key={i} transform={`translate(${p.x}, ${p.y})`} data-testid={`cancel-${cp}-${channel}`} className="cancel-marker">
            <text textAnchor="middle" y={4} fill={colour}>✕{cp}</text>
          </g>
        );
      })}
    </g>
  );
}

export const ChannelEdge = memo(ChannelEdgeImpl);
