import { RETENTION_KEY } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { useT } from '../../i18n/useT';
import { SubmitJob } from './SubmitJob';

// `flink cancel`, and once the job has ended, `flink run` again (SubmitJob). What happens to the
// retained checkpoints follows execution.checkpointing.externalized-checkpoint-retention.

export function CancelJob() {
  const status = useRun((r) => r.sim.state.job.status);
  const retention = useRun((r) => r.sim.state.config.raw[RETENTION_KEY]);
  const { cancelJob } = useRunActions();
  const t = useT();
  const kept = retention === 'RETAIN_ON_CANCELLATION';
  const value = retention ?? 'NO_EXTERNALIZED_CHECKPOINTS';
  if (status === 'CANCELED' || status === 'FINISHED' || status === 'FAILED') {
    return (
      <>
        {status === 'CANCELED' && <p className="panel-note" data-testid="job-cancelled">{t('resubmit.cancelled', { fate: t(kept ? 'resubmit.fateKept' : 'resubmit.fateDeleted'), key: RETENTION_KEY, value })}</p>}
        <SubmitJob />
      </>
    );
  }
  return (
    <div className="restore-form">
      <p className="panel-note">{kept ? t('jobs.cancel.kept', { key: RETENTION_KEY }) : t('jobs.cancel.deleted', { key: RETENTION_KEY, value })}</p>
      <button type="button" data-testid="cancel-job" disabled={status !== 'RUNNING' && status !== 'RESTARTING'} onClick={cancelJob}>{t('jobs.cancel.button')}</button>
    </div>
  );
}
