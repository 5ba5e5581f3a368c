import { useEffect, useState } from 'react';
import type { AppState } from '../../store/appState';
import { compareRuns, type RunDifference, type RunFigures } from '../../store/compareDiff';
import { useAppStore, useStoreApi } from '../../store/react';
import { formatBytes, formatMs, formatSimTime, formatStateValue } from '../format';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

// Under the graphs, updated as the runs move (a few times a second, not every frame: reading every
// key's state of two runs costs more than a frame can spare).

const EVERY_MS = 300;

function differenceOf(s: AppState): RunDifference | null {
  const b = s.runs.b;
  if (!b) return null;
  return compareRuns({ state: s.runs.a.sim.state, oracle: s.runs.a.oracle }, { state: b.sim.state, oracle: b.oracle });
}

/** what changed since the last look: a run moved, or an oracle answered */
const stamp = (s: AppState) => `${s.runs.a.version}/${s.runs.b?.version}/${s.clock.displayTime}`;

function useDifference(): RunDifference | null {
  const store = useStoreApi();
  const [diff, setDiff] = useState(() => differenceOf(store.getState()));
  useEffect(() => {
    let seen = stamp(store.getState());
    let oracles = [store.getState().runs.a.oracle, store.getState().runs.b?.oracle];
    const timer = window.setInterval(() => {
      const s = store.getState();
      const now = stamp(s);
      if (now === seen && oracles[0] === s.runs.a.oracle && oracles[1] === s.runs.b?.oracle) return;
      seen = now;
      oracles = [s.runs.a.oracle, s.runs.b?.oracle];
      setDiff(differenceOf(s));
    }, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [store]);
  return diff;
}

interface Column { id: string; label: MessageId; show: (f: RunFigures) => string }

const COLUMNS: Column[] = [
  { id: 'rps', label: 'compare.rps', show: (f) => f.recordsPerSecond.toFixed(2) },
  { id: 'latency', label: 'compare.latency', show: (f) => formatMs(f.latencyAvgMs) },
  { id: 'visible', label: 'compare.visible', show: (f) => formatMs(f.visibleLatencyAvgMs) },
  { id: 'completed', label: 'compare.completed', show: (f) => String(f.checkpointsCompleted) },
  { id: 'duration', label: 'compare.duration', show: (f) => `${formatMs(f.checkpointAvgMs)} / ${formatMs(f.lastCheckpointMs)}` },
  { id: 'persisted', label: 'compare.persisted', show: (f) => formatBytes(f.persistedBytes) },
];

function OracleCell({ f, at }: { f: RunFigures; at: number | undefined }) {
  const t = useT();
  if (!f.oracle) return <span className="muted">{t('compare.oracleNone')}</span>;
  return (
    <span className={f.oracleStale ? 'muted' : `verdict-${f.oracle.verdict}`}>
      {f.oracle.duplicates} / {f.oracle.missing} <small>{f.oracle.verdict}{f.oracleStale && at !== undefined ? ` · ${t('compare.oracleAt', { t: formatSimTime(at) })}` : ''}</small>
    </span>
  );
}

export function DifferenceStrip() {
  const diff = useDifference();
  const t = useT();
  const oracleAt = useAppStore((s) => [s.runs.a.oracle?.at, s.runs.b?.oracle?.at] as const, (x, y) => x[0] === y[0] && x[1] === y[1]);
  const { checkOracles } = useAppStore((s) => s.compareActions);
  if (!diff) return null;
  const rows = [['a', diff.a], ['b', diff.b]] as const;
  return (
    <section className="difference-strip" data-testid="difference-strip" aria-label={t('compare.strip')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('compare.run')}</th>
            {COLUMNS.map((c) => <th key={c.id} scope="col">{t(c.label)}</th>)}
            <th scope="col">{t('compare.oracle')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, f], i) => (
            <tr key={id} className={`compare-run-${id}`} data-testid={`diff-${id}`}>
              <th scope="row">{t(id === 'a' ? 'compare.runA' : 'compare.runB')}</th>
              {COLUMNS.map((c) => {
                const value = c.show(f);
                const other = c.show(rows[1 - i][1]);
                return <td key={c.id} data-testid={`diff-${id}-${c.id}`} className={value !== other ? 'differs' : ''}>{value}</td>;
              })}
              <td data-testid={`diff-${id}-oracle`}><OracleCell f={f} at={oracleAt[i]} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="difference-state" data-testid="diff-state">
        {diff.keysCompared === 0 ? t('compare.stateNone') : diff.stateDifferences === 0 ? t('compare.stateSame', { n: diff.keysCompared }) : (
          <>
            {t('compare.stateDiffer', { n: diff.stateDifferences, total: diff.keysCompared })}:{' '}
            {diff.shown.map((d) => (
              <span key={`${d.operator}/${d.key}`} className="state-diff">
                {d.operator}[{d.key}] <span className="compare-run-a">A {show(d.a)}</span> <span className="compare-run-b">B {show(d.b)}</span>
              </span>
            ))}
            {diff.stateDifferences > diff.shown.length && ' …'}
          </>
        )}
        <button type="button" onClick={checkOracles} data-testid="check-both">{t('compare.checkBoth')}</button>
      </p>
    </section>
  );
}

/** a value as the strip reads it: the state's own text, '—' where the run has none */
function show(json: string): string {
  if (json === '') return '—';
  return formatStateValue(JSON.parse(json));
}
