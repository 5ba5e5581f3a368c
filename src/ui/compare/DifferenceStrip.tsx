import { useEffect, useState } from 'react';
import type { AppState, RunId, RunState } from '../../store/appState';
import { compareRuns, type RunDifference, type RunFigures } from '../../store/compareDiff';
import { liveOracle, workerOracle, type LiveOracle, type LiveVerdict, type OraclePort } from '../../store/compareOracle';
import { useStoreApi } from '../../store/react';
import { formatBytes, formatMs, formatSimTime, formatStateValue } from '../format';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';
import { useRunName } from './useRunName';

// Under the graphs, updated as the runs move: the figures a few times a second (reading every
// key's state of two runs costs more than a frame can spare), the oracle's duplicates and missing
// records by a background loop that spends a few milliseconds a frame (compareOracle.ts).

const EVERY_MS = 300;

type Verdicts = ReadonlyMap<RunId, LiveVerdict>;

function differenceOf(s: AppState, verdicts: Verdicts): RunDifference | null {
  const b = s.runs.b;
  if (!b) return null;
  return compareRuns({ state: s.runs.a.sim.state, oracle: verdicts.get('a') ?? null }, { state: b.sim.state, oracle: verdicts.get('b') ?? null });
}

/** what changed since the last look: a run moved */
const stamp = (s: AppState) => `${s.runs.a.version}/${s.runs.b?.version}/${s.clock.displayTime}`;

/** a new run (a recorder of its own) is judged anew even where its version counts as an old one's did */
const serials = new WeakMap<RunState['recorder'], number>();
let serial = 0;
function runStamp(r: RunState): string {
  let n = serials.get(r.recorder);
  if (n === undefined) serials.set(r.recorder, (n = serial++));
  return `${n}/${r.version}/${r.sim.now}`;
}

/** The oracle in a worker of its own, where the browser has workers; else in the frames' spare time. */
function startOracle(): LiveOracle & { dispose?: () => void } {
  if (typeof Worker !== 'function') return liveOracle();
  try {
    const worker = new Worker(new URL('../../store/oracleWorker.ts', import.meta.url), { type: 'module', name: 'exactly-once oracle' });
    return workerOracle(worker as unknown as OraclePort, () => liveOracle());
  } catch {
    return liveOracle();
  }
}

/** Both runs' oracle, judged again whenever a run moved, off the main thread; paused while the page does long work. */
function useLiveVerdicts(): Verdicts {
  const store = useStoreApi();
  const [verdicts, setVerdicts] = useState<Verdicts>(() => new Map());
  useEffect(() => {
    const oracle = startOracle();
    let frame = 0;
    const tick = () => {
      const s = store.getState();
      if (s.busy === null) {
        const runs = (['a', 'b'] as const).flatMap((id) => {
          const r = s.runs[id];
          return r ? [{ id, state: r.sim.state, stamp: runStamp(r) }] : [];
        });
        const reached = oracle.frame(runs);
        if (reached.size) setVerdicts((old) => new Map([...old, ...reached]));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      oracle.dispose?.();
    };
  }, [store]);
  return verdicts;
}

function useDifference(verdicts: Verdicts): RunDifference | null {
  const store = useStoreApi();
  const [diff, setDiff] = useState(() => differenceOf(store.getState(), verdicts));
  useEffect(() => {
    setDiff(differenceOf(store.getState(), verdicts));
    let seen = stamp(store.getState());
    const timer = window.setInterval(() => {
      const s = store.getState();
      const now = stamp(s);
      if (now === seen) return;
      seen = now;
      setDiff(differenceOf(s, verdicts));
    }, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [store, verdicts]);
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
    <span className={`verdict-${f.oracle.verdict}${f.oracleStale ? ' trailing' : ''}`}>
      <span data-testid="oracle-counts">{f.oracle.duplicates} / {f.oracle.missing}</span> <small>{f.oracle.verdict}{f.oracleStale && at !== undefined ? ` · ${t('compare.oracleAt', { t: formatSimTime(at) })}` : ''}</small>
    </span>
  );
}

function RunName({ id }: { id: RunId }) {
  return <>{useRunName(id)}</>;
}

export function DifferenceStrip() {
  const verdicts = useLiveVerdicts();
  const diff = useDifference(verdicts);
  const t = useT();
  const oracleAt = [verdicts.get('a')?.at, verdicts.get('b')?.at] as const;
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
              <th scope="row"><RunName id={id} /></th>
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
      </p>
    </section>
  );
}

/** a value as the strip reads it: the state's own text, '—' where the run has none */
function show(json: string): string {
  if (json === '') return '—';
  return formatStateValue(JSON.parse(json));
}
