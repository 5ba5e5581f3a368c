import { CHECKPOINT_ALGORITHMS } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { OpenBeside } from '../compare/OpenBeside';
import { formatMs, formatSimTime } from '../format';
import { Th } from './ColumnHead';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';

const COLUMNS: MessageId[] = ['cost.algorithm', 'cost.rps', 'cost.latencyAvg', 'cost.latencyMax', 'cost.visibleAvg', 'cost.completed', 'cost.e2eAvg'];

// The cost of checkpointing, side by side: the same scenario, seed and settings replayed to this
// moment with each algorithm. Stop-the-world shows what barriers save: latency, and under
// backpressure throughput. The store replays a piece at a time, the page drawn in between.

export function AlgorithmCost() {
  const enabled = useRun((r) => r.sim.state.config.raw['execution.checkpointing.interval'] !== undefined);
  const result = useRun((r) => r.cost);
  const { compareAlgorithms: measure } = useRunActions();
  const measuring = result !== null && !result.done;
  const t = useT();
  const n = CHECKPOINT_ALGORITHMS.length;
  return (
    <div data-testid="algorithm-cost">
      <p className="panel-note">{t('cost.note')}</p>
      {!enabled && <p className="panel-note">{t('cost.off')}</p>}
      <button type="button" onClick={() => measure()} disabled={measuring} data-testid="cost-compare">{t('cost.compare')}</button>
      {measuring && <span className="muted" role="status"> {t('cost.replaying', { i: result.rows.length + 1, n })}</span>}
      {result && result.done && result.rows.length < n && <span className="muted" role="status"> {t('cost.cancelled', { i: result.rows.length, n })}</span>}
      {result && (
        <div className="table-scroll">
          <table className="history-table">
            <thead>
              <tr>{COLUMNS.map((id) => <Th key={id} id={id} />)}</tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.algorithm} className={r.current ? 'current' : ''} data-testid={`cost-${r.algorithm.replace(/ /g, '-')}`}>
                  <th scope="row">{r.algorithm}{r.current && <span className="tag">{t('cost.current')}</span>}{!r.refused && <OpenBeside algorithm={r.algorithm} />}</th>
                  {r.refused ? <td colSpan={6} className="muted">{t('cost.refused', { why: r.refused })}</td> : (
                    <>
                      <td>{r.recordsPerSecond.toFixed(2)}</td>
                      <td>{formatMs(r.latencyAvgMs)}</td>
                      <td>{formatMs(r.latencyMaxMs)}</td>
                      <td>{formatMs(r.visibleLatencyAvgMs)}</td>
                      <td>{r.checkpointsCompleted}</td>
                      <td>{formatMs(r.checkpointAvgMs)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="panel-note">{t('cost.measured', { t: formatSimTime(result.at) })}</p>
        </div>
      )}
    </div>
  );
}
