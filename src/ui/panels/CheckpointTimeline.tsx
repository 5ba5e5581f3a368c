import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/react';
import { formatMs } from '../format';

// The phases of one checkpoint per subtask, from the trigger: waiting for the first barrier
// (start delay), alignment, the synchronous snapshot, the asynchronous upload, then the ack.

const PHASES = [
  { name: 'start delay', colour: '#cbd5e1' },
  { name: 'alignment', colour: '#7c3aed' },
  { name: 'sync', colour: '#b58900' },
  { name: 'async', colour: '#2563eb' },
] as const;

export function CheckpointTimeline({ checkpointId }: { checkpointId: number }) {
  const rows = useSim(useShallow((s) => {
    const state = s.sim.state;
    const r = state.coordinator.history.find((h) => h.id === checkpointId);
    if (!r) return [] as string[];
    return r.subtasks.map((sid) => {
      const a = r.acks[sid];
      const name = state.plan.subtasks[sid].name;
      if (!a) return `${name}|pending`;
      return `${name}|${a.startDelayMs}|${a.alignmentMs}|${a.syncMs}|${a.asyncMs}|${a.ackTime - r.triggerTime}`;
    });
  }));
  if (!rows.length) return null;
  const parsed = rows.map((r) => r.split('|'));
  const total = Math.max(1, ...parsed.filter((p) => p[1] !== 'pending').map((p) => Number(p[5])));
  // drawn in its own units and scaled to the panel's width
  const W = 330;
  const rowH = 16;
  const legendGap = 80;
  return (
    <figure className="timeline">
      <figcaption>Checkpoint {checkpointId} phases per subtask (0 – {formatMs(total)})</figcaption>
      <svg viewBox={`0 0 ${W + 170} ${parsed.length * rowH + 22}`} width="100%" role="img" aria-label={`Phases of checkpoint ${checkpointId} per subtask`}>
        {parsed.map((p, i) => {
          const y = i * rowH;
          if (p[1] === 'pending') return <text key={i} x={0} y={y + 11} className="tl-name">{p[0]} — pending</text>;
          const [start, align, sync, asyncMs] = p.slice(1, 5).map(Number);
          // alignment ends where the snapshot starts; the start delay covers the rest before it
          const snapshotAt = Math.max(0, Number(p[5]) - asyncMs - sync);
          const alignFrom = Math.max(start, snapshotAt - align);
          const spans = [[0, start], [alignFrom, snapshotAt], [snapshotAt, snapshotAt + sync], [snapshotAt + sync, Number(p[5])]];
          return (
            <g key={i}>
              <text x={0} y={y + 11} className="tl-name">{p[0]}</text>
              {spans.map(([a, b], k) => b > a && (
                <rect key={k} x={170 + (a / total) * W} y={y + 2} width={Math.max(1, ((b - a) / total) * W)} height={rowH - 5} fill={PHASES[k].colour}>
                  <title>{`${PHASES[k].name}: ${formatMs(b - a)}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
        {PHASES.map((ph, k) => (
          <g key={ph.name} transform={`translate(${170 + k * legendGap}, ${parsed.length * rowH + 8})`}>
            <rect width={10} height={10} fill={ph.colour} /><text x={14} y={9} className="tl-legend">{ph.name}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
