import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { formatMs } from '../format';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

// The phases of one checkpoint per subtask, from the trigger: waiting for the first barrier
// (start delay), alignment, the synchronous snapshot, the asynchronous upload, then the ack.

const PHASES: { name: MessageId; colour: string }[] = [
  { name: 'phases.startDelay', colour: '#cbd5e1' },
  { name: 'phases.alignment', colour: '#7c3aed' },
  { name: 'phases.sync', colour: '#b58900' },
  { name: 'phases.async', colour: '#2563eb' },
];

interface Row { name: string; phases: { start: number; align: number; sync: number; async: number; ack: number } | null }

export function CheckpointTimeline({ checkpointId }: { checkpointId: number }) {
  const rows = useRun((run) => {
    const state = run.sim.state;
    const r = state.coordinator.history.find((h) => h.id === checkpointId);
    if (!r) return [] as Row[];
    return r.subtasks.map((sid): Row => {
      const a = r.acks[sid];
      const name = state.plan.subtasks[sid].name;
      return a ? { name, phases: { start: a.startDelayMs, align: a.alignmentMs, sync: a.syncMs, async: a.asyncMs, ack: a.ackTime - r.triggerTime } } : { name, phases: null };
    });
  }, viewEqual);
  const t = useT();
  if (!rows.length) return null;
  const total = Math.max(1, ...rows.map((r) => r.phases?.ack ?? 0));
  // drawn in its own units and scaled to the panel's width
  const W = 330;
  const rowH = 16;
  const legendGap = 80;
  return (
    <figure className="timeline">
      <figcaption>{t('phases.caption', { id: String(checkpointId), total: formatMs(total) })}</figcaption>
      <svg viewBox={`0 0 ${W + 170} ${rows.length * rowH + 22}`} width="100%" role="img" aria-label={t('phases.label', { id: String(checkpointId) })}>
        {rows.map(({ name, phases }, i) => {
          const y = i * rowH;
          if (!phases) return <text key={i} x={0} y={y + 11} className="tl-name">{t('phases.pending', { name })}</text>;
          const { start, align, sync, async: asyncMs, ack } = phases;
          // alignment ends where the snapshot starts; the start delay covers the rest before it
          const snapshotAt = Math.max(0, ack - asyncMs - sync);
          const alignFrom = Math.max(start, snapshotAt - align);
          const spans = [[0, start], [alignFrom, snapshotAt], [snapshotAt, snapshotAt + sync], [snapshotAt + sync, ack]];
          return (
            <g key={i}>
              <text x={0} y={y + 11} className="tl-name">{name}</text>
              {spans.map(([a, b], k) => b > a && (
                <rect key={k} x={170 + (a / total) * W} y={y + 2} width={Math.max(1, ((b - a) / total) * W)} height={rowH - 5} fill={PHASES[k].colour}>
                  <title>{`${t(PHASES[k].name)}: ${formatMs(b - a)}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
        {PHASES.map((ph, k) => (
          <g key={ph.name} transform={`translate(${170 + k * legendGap}, ${rows.length * rowH + 8})`}>
            <rect width={10} height={10} fill={ph.colour} /><text x={14} y={9} className="tl-legend">{t(ph.name)}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
