import type { PlanOperator, SimState, StateSizeSample } from '../../engine';
import { countOperatorEntries } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useReadableRun } from '../controls/useReadable';
import { formatBytes, formatSimTime } from '../format';
import { useT } from '../../i18n/useT';
import './ttl.css';

// The keyed state size of each keyed operator over time: keys and bytes, summed over its subtasks,
// from the samples the engine takes at every snapshot of a state-TTL run, and the state as it is
// now. The selected operator is drawn strong; compactions of its RocksDB files are marked.

interface Point { t: number; entries: number; bytes: number; expired: number; compaction: boolean }
interface Series { id: string; name: string; points: Point[] }

const COLOURS = ['#64748b', '#2563eb', '#b45309', '#7c3aed', '#059669'];

/** One operator's samples summed over its subtasks, the k-th sample of each together, then now. */
function seriesOf(state: SimState, op: PlanOperator): Series {
  const lists = op.subtasks.map((sid) => state.subtasks[sid].stateSizes ?? []);
  const n = Math.max(0, ...lists.map((l) => l.length));
  const points: Point[] = [];
  for (let k = 0; k < n; k++) {
    const at = lists.map((l) => l[l.length - n + k]).filter((s): s is StateSizeSample => s !== undefined);
    points.push({
      t: Math.max(...at.map((s) => s.t)),
      entries: at.reduce((x, s) => x + s.entries, 0),
      bytes: at.reduce((x, s) => x + s.bytes, 0),
      expired: at.reduce((x, s) => x + s.expired, 0),
      compaction: at.some((s) => s.compaction !== undefined),
    });
  }
  if (points.length && state.now > points[points.length - 1].t) {
    const { entries, expired } = countOperatorEntries(state, op, state.now);
    points.push({ t: state.now, entries, bytes: points[points.length - 1].bytes, expired, compaction: false });
  }
  return { id: op.id, name: op.name, points };
}

function chartOf(state: SimState): Series[] {
  return state.plan.operators.filter((o) => o.keyed).map((o) => seriesOf(state, o)).filter((s) => s.points.length > 0);
}

const W = 230;
const H = 96;
const PAD = { l: 40, r: 6, t: 14, b: 16 };

function Plot({ series, selected, value, label, format, expired = false }: { series: Series[]; selected: string; value: (p: Point) => number; label: string; format: (v: number) => string; expired?: boolean }) {
  const tMax = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.t)));
  const vMax = Math.max(1, ...series.flatMap((s) => s.points.map(value)));
  const x = (t: number) => PAD.l + (t / tMax) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / vMax) * (H - PAD.t - PAD.b);
  const sel = series.find((s) => s.id === selected);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} className="ttl-chart">
      <text x={PAD.l} y={9} className="ttl-title">{label}</text>
      <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} className="ttl-axis" />
      <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} className="ttl-axis" />
      <text x={PAD.l - 4} y={PAD.t + 8} className="ttl-tick" textAnchor="end">{format(vMax)}</text>
      <text x={PAD.l - 4} y={H - PAD.b} className="ttl-tick" textAnchor="end">0</text>
      <text x={W - PAD.r} y={H - 4} className="ttl-tick" textAnchor="end">{formatSimTime(tMax)}</text>
      <text x={PAD.l} y={H - 4} className="ttl-tick">0</text>
      {sel?.points.filter((p) => p.compaction).map((p, i) => (
        <g key={`c${i}`} className="ttl-compaction"><line x1={x(p.t)} y1={PAD.t} x2={x(p.t)} y2={H - PAD.b} /><title>{label}</title></g>
      ))}
      {series.map((s, i) => (
        <polyline key={s.id} fill="none" stroke={COLOURS[i % COLOURS.length]} strokeWidth={s.id === selected ? 2.5 : 1.2} opacity={s.id === selected ? 1 : 0.6}
          points={s.points.map((p) => `${x(p.t).toFixed(1)},${y(value(p)).toFixed(1)}`).join(' ')} data-testid={`ttl-line-${s.id}`} />
      ))}
      {expired && sel && sel.points.some((p) => p.expired > 0) && (
        <polyline fill="none" className="ttl-expired-line" points={sel.points.map((p) => `${x(p.t).toFixed(1)},${y(p.expired).toFixed(1)}`).join(' ')} />
      )}
    </svg>
  );
}

export function StateSizeChart({ selected }: { selected: string }) {
  // its last point is the state now, which moves with every frame: read as often as a reader can follow
  const series = useReadableRun((r) => chartOf(r.sim.state), viewEqual);
  const t = useT();
  if (!series.length) return null;
  const sel = series.find((s) => s.id === selected);
  const last = sel?.points[sel.points.length - 1];
  return (
    <figure className="ttl-figure" data-testid="state-size-chart">
      <figcaption>{t('ttl.chartCaption')}</figcaption>
      <div className="ttl-legend">
        {series.map((s, i) => (
          <span key={s.id} className={s.id === selected ? 'selected' : undefined}><i style={{ background: COLOURS[i % COLOURS.length] }} />{s.name}</span>
        ))}
        {sel?.points.some((p) => p.expired > 0) && <span><i className="ttl-expired-swatch" />{t('ttl.expiredLine')}</span>}
        {sel?.points.some((p) => p.compaction) && <span><i className="ttl-compaction-swatch" />{t('ttl.compactionMark')}</span>}
      </div>
      <div className="ttl-plots">
        <Plot series={series} selected={selected} value={(p) => p.entries} label={t('ttl.keysAxis')} format={(v) => String(v)} expired />
        <Plot series={series} selected={selected} value={(p) => p.bytes} label={t('ttl.bytesAxis')} format={(v) => formatBytes(v)} />
      </div>
      {last && <p className="panel-note" data-testid="state-size-now">{t('ttl.now', { keys: String(last.entries), bytes: formatBytes(last.bytes), expired: String(last.expired) })}</p>}
    </figure>
  );
}
