import { transactionWatchOf, type TransactionStatus } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { keyColour } from '../graph/keyColours';
import { formatSimTime } from '../format';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';
import './picture.css';

// A two-phase-commit sink's transactions, one lane per checkpoint, oldest at the top: open while
// the sink writes into it, pre-committed at its barrier, then committed when the checkpoint
// completes or aborted by a failover. The engine's transaction view follows the run's trace.

const LANES_SHOWN = 7;
const RECORDS_SHOWN = 14;

const STATUS_WORDS: Record<TransactionStatus, MessageId> = {
  open: 'picture.laneOpen', 'pre-committed': 'picture.lanePreCommitted', committed: 'picture.laneCommitted', aborted: 'picture.laneAborted',
};

export function TransactionLanes({ sid }: { sid: number }) {
  const lanes = useRun((r) => {
    if (r.sim.state.subtasks[sid]?.sink?.kind !== 'two-phase-commit') return [];
    return transactionWatchOf(r.sim, r.recorder).lanesOf(sid).slice(-LANES_SHOWN).map((l) => ({
      txn: l.txn, checkpointId: l.checkpointId, status: l.status, since: l.since, n: l.records.length,
      records: l.records.slice(-RECORDS_SHOWN).map((x) => ({ key: x.key, value: x.value })),
    }));
  }, viewEqual);
  const plan = useRun((r) => r.sim.state.plan);
  const t = useT();
  return (
    <div className="txn-lanes" data-testid={`txn-lanes-${sid}`}>
      <h3>{t('picture.lanesHeading')}</h3>
      <p className="panel-note">{t('picture.lanesNote')}</p>
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
              <span className="lane-meta">
                {t('picture.laneRecords', { n: l.n })} · {formatSimTime(l.since)}
                {l.txn && <code className="lane-txn">{l.txn}</code>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
