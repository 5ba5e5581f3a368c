import { CHECKPOINT_ALGORITHMS } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { formatMs, formatSimTime } from '../format';

// The cost of checkpointing, side by side: the same scenario, seed and settings replayed to this
// moment with each algorithm. Stop-the-world shows what barriers save: latency, and under
// backpressure throughput. The store replays a piece at a time, the page drawn in between.

export function AlgorithmCost() {
  const enabled = useRun((r) => r.sim.state.config.raw['execution.checkpointing.interval'] !== undefined);
  const result = useRun((r) => r.cost);
  const { compareAlgorithms: measure } = useRunActions();
  const measuring = result !== null && !result.done;
  return (
    <div data-testid="algorithm-cost">
      <p className="panel-note">
        The same scenario, seed and settings (without the commands you gave on the page) replayed to this moment with each
        way of checkpointing. Latency runs from a record&apos;s append to the log until the sink writes it, and until a
        read_committed reader can see it.
      </p>
      {!enabled && <p className="panel-note">Checkpointing is off (no interval): every row would be the same.</p>}
      <button type="button" onClick={() => measure()} disabled={measuring}>Compare at this moment</button>
      {measuring && <span className="muted" role="status"> replaying {result.rows.length + 1} of {CHECKPOINT_ALGORITHMS.length}…</span>}
      {result && result.done && result.rows.length < CHECKPOINT_ALGORITHMS.length && <span className="muted" role="status"> cancelled after {result.rows.length} of {CHECKPOINT_ALGORITHMS.length}</span>}
      {result && (
        <div className="table-scroll">
          <table className="history-table">
            <thead>
              <tr><th>Algorithm</th><th>Records / s at the sinks</th><th>Latency avg</th><th>Latency max</th><th>Visible (read_&shy;committed) avg</th><th>Check&shy;points completed</th><th>End to End Duration avg</th></tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.algorithm} className={r.current ? 'current' : ''} data-testid={`cost-${r.algorithm.replace(/ /g, '-')}`}>
                  <th scope="row">{r.algorithm}{r.current && <span className="tag">these settings</span>}</th>
                  {r.refused ? <td colSpan={6} className="muted">refused with these settings: {r.refused}</td> : (
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
          <p className="panel-note">
            Measured at t = {formatSimTime(result.at)}. Stop-the-world&apos;s own checkpoints are the quickest (nothing to
            align): what they cost is that the whole job stands still meanwhile, as its latency shows.
          </p>
        </div>
      )}
    </div>
  );
}
