import type { CheckpointStats } from '../../engine';
import { formatMs } from '../format';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

// The phases of one checkpoint per subtask, from the trigger: waiting for the first barrier
// (start delay), alignment, the synchronous snapshot, the asynchronous upload, then the ack. It
// reads the REST-shaped statistics of one checkpoint, so a simulated run and an imported job alike.

const PHASES: { name: MessageId; colour: string }[] = [
  { name: 'phases.startDelay', colour: '#cbd5e1' },
  { name: 'phases.alignment', colour: '#7c3aed' },
  { name: 'phases.sync', colour: '#b58900' },
  { name: 'phases.async', colour: '#2563eb' },
];

interface Row { name: string; label: string; phases: { start: number; align: number; sync: number; async: number; ack: number } | null }

/** A real job's vertex names can be long (chained operators): the name column keeps its width. */
const clip = (name: string) => (name.length > 20 ? `${name.slice(0, 19)}…` : name);

/** Flink's subtask names: `Keyed Count (2/2)`. */
function rowsOf(cp: CheckpointStats): Row[] {
  return Object.values(cp.tasks).flatMap((task) => task.subtasks.map((s): Row => {
    const of = ` (${s.index + 1}/${task.num_subtasks})`;
    const [name, label] = [`${task.name}${of}`, `${clip(task.name)}${of}`];
    return s.status === 'completed' && s.end_to_end_duration !== null
      ? { name, label, phases: { start: s.start_delay, align: s.alignment.duration, sync: s.checkpoint.sync, async: s.checkpoint.async, ack: s.end_to_end_duration } }
      : { name, label, phases: null };
  }));
}

export function CheckpointTimeline({ cp }: { cp: CheckpointStats }) {
  const rows = rowsOf(cp);
  const checkpointId = cp.id;
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
        {rows.map(({ name, label, phases }, i) => {
          const y = i * rowH;
          if (!phases) return <text key={i} x={0} y={y + 11} className="tl-name">{t('phases.pending', { name: label })}<title>{name}</title></text>;
          const { start, align, sync, async: asyncMs, ack } = phases;
          // alignment ends where the snapshot starts; the start delay covers the rest before it
          const snapshotAt = Math.max(0, ack - asyncMs - sync);
          const alignFrom = Math.max(start, snapshotAt - align);
          const spans = [[0, start], [alignFrom, snapshotAt], [snapshotAt, snapshotAt + sync], [snapshotAt + sync, ack]];
          return (
            <g key={i}>
              <text x={0} y={y + 11} className="tl-name">{label}<title>{name}</title></text>
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
