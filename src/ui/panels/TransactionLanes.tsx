import { transactionWatchOf, type TransactionStatus } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { keyColour } from '../graph/keyColours';
import { formatMs, formatSimTime } from '../format';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';
import './picture.css';
import './transactionLanes.css';
import { useReadableRun } from '../controls/useReadable';

// A two-phase-commit sink's transactions, one lane per checkpoint, oldest at the top: open while
// the sink writes into it, pre-committed at its barrier, then committed when the checkpoint
// completes or aborted by a failover. The engine's transaction view follows the run's trace.
// Each lane measures its age against transaction.timeout.ms: past it the broker has aborted it.

const LANES_SHOWN = 7;
const RECORDS_SHOWN = 14;

const STATUS_WORDS: Record<TransactionStatus, MessageId> = {
  open: 'picture.laneOpen', 'pre-committed': 'picture.lanePreCommitted', committed: 'picture.laneCommitted', aborted: 'picture.laneAborted',
  'aborted-by-broker': 'txn.abortedByBroker',
};

/** how long it has been open: until now while live, until it ended otherwise */
function ageOf(l: { status: TransactionStatus; startedAt: number | null; since: number }, now: number): number | null {
  if (l.startedAt === null) return null;
  const live = l.status === 'open' || l.status === 'pre-committed';
  return Math.max(0, (live ? now : l.since) - l.startedAt);
}

export function TransactionLanes({ sid }: { sid: number }) {
  // an open transaction's age and records change with every frame: read as often as a reader can follow
  const lanes = useReadableRun((r) => {
    if (r.sim.state.subtasks[sid]?.sink?.kind !== 'two-phase-commit') return [];
    return transactionWatchOf(r.sim, r.recorder).lanesOf(sid, r.sim.now).slice(-LANES_SHOWN).map((l) => ({
      txn: l.txn, checkpointId: l.checkpointId, status: l.status, since: l.since, n: l.records.length,
      age: ageOf(l, r.sim.now), timeoutMs: l.timeoutMs,
      records: l.records.slice(-RECORDS_SHOWN).map((x) => ({ key: x.key, value: x.value })),
    }));
  }, viewEqual, sid);
  const plan = useRun((r) => r.sim.state.plan);
  const timeoutMs = useRun((r) => r.sim.state.plan.operators[r.sim.state.plan.subtasks[sid]?.operator ?? -1]?.params.transactionTimeoutMs ?? null);
  const t = useT();
  return (
    <div className="txn-lanes" data-testid={`txn-lanes-${sid}`}>
      <h3>{t('picture.lanesHeading')}</h3>
      <p className="panel-note">{t('picture.lanesNote')}</p>
      {timeoutMs !== null && <p className="panel-note txn-timeout-note">{t('txn.timeoutNote', { timeout: formatMs(timeoutMs) })}</p>}
      {lanes.length === 0 ? <p className="panel-note">{t('picture.noLanes')}</p> : (
        <ol className="lanes">
          {lanes.map((l, i) => (
            <li key={l.txn ?? `open-${i}`} className={`lane lane-${l.status}`} data-status={l.status} data-checkpoint={l.checkpointId ?? ''}>
              <span className="lane-cp">{l.checkpointId !== null ? t('picture.laneCheckpoint', { id: String(l.checkpointId) }) : t(l.status === 'aborted' ? 'picture.laneAbortedOpen' : 'picture.laneNext')}</span>
              <span className={`lane-status status-${l.status}`}>{t(STATUS_WORDS[l.status])}</span>
              <span className="lane-records" aria-label={t('picture.laneRecords', { n: l.n })}>
                {l.records.map((x, j) => (
                  <span key={j} className="lane-rec" style={{ background: keyColour(x.key, plan) }} title={`${x.key}=${x.value}`} />
                ))}
                {l.n > l.records.length && <span className="lane-more">+{l.n - l.records.length}</span>}
              </span>
              {l.timeoutMs !== null && <TimeoutGauge age={l.age} timeoutMs={l.timeoutMs} />}
              <span className="lane-meta">
                {t('picture.laneRecords', { n: l.n })} · {formatSimTime(l.since)}
                {l.status === 'aborted-by-broker' && <span className="lane-broker">{t('txn.abortedAt', { t: formatSimTime(l.since) })}</span>}
                {l.txn && <code className="lane-txn">{l.txn}</code>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The transaction's age against the broker's timeout: full when the broker aborts it. */
function TimeoutGauge({ age, timeoutMs }: { age: number | null; timeoutMs: number }) {
  const t = useT();
  if (age === null) return <span className="lane-age lane-age-empty">{t('txn.empty')}</span>;
  const share = Math.min(1, age / timeoutMs);
  return (
    <span className="lane-age" data-testid="txn-age" data-age={Math.round(age)} data-timeout={timeoutMs}>
      <span className="lane-age-bar" role="meter" aria-label={t('txn.ageLabel')} aria-valuemin={0} aria-valuemax={timeoutMs} aria-valuenow={Math.min(age, timeoutMs)}>
        <span className={`lane-age-fill${share >= 1 ? ' over' : share >= 0.75 ? ' near' : ''}`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="lane-age-text">{t('txn.age', { age: formatMs(Math.min(age, timeoutMs)), timeout: formatMs(timeoutMs) })}</span>
    </span>
  );
}
