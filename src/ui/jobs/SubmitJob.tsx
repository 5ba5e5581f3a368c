import { useState } from 'react';
import { shallow } from 'zustand/shallow';
import { CLAIM_MODE_KEY, OFFSET_RESET_KEY, STARTING_OFFSETS, STARTING_OFFSETS_KEY, type ClaimMode, type StartingOffsets } from '../../engine';
import { useRun, useRunActions } from '../../store/react';
import { useT } from '../../i18n/useT';

// `flink run [-s <snapshot>] [--claim-mode] [-n]` after the job ended, as one command of the run.
// Without a snapshot the sources start where their OffsetsInitializer says; with one, from its offsets.

const BLOCK = { display: 'block', width: '100%' } as const;
const FULL = { display: 'block', width: '100%', maxWidth: '100%' } as const;
const OFFSET_LABEL = { earliest: 'resubmit.earliest', latest: 'resubmit.latest', 'committed-offsets': 'resubmit.committed' } as const;

export function SubmitJob() {
  const status = useRun((r) => r.sim.state.job.status);
  const raw = useRun((r) => r.sim.state.config.raw);
  const snapshots = useRun((r) => [...r.sim.state.coordinator.retained, ...r.sim.state.coordinator.savepoints].sort((x, y) => x.id - y.id), shallow);
  const { submitJob } = useRunActions();
  const t = useT();
  const [snapshot, setSnapshot] = useState<string>('');
  const [starting, setStarting] = useState<StartingOffsets>((raw[STARTING_OFFSETS_KEY] as StartingOffsets | undefined) ?? 'earliest');
  const [claim, setClaim] = useState<ClaimMode>(raw[CLAIM_MODE_KEY] === 'CLAIM' ? 'CLAIM' : 'NO_CLAIM');
  const [allow, setAllow] = useState(false);
  // a snapshot chosen earlier may be gone (a new job, a seek): then none is chosen
  const chosen = snapshots.find((s) => String(s.id) === snapshot);
  const reset = raw[OFFSET_RESET_KEY] === 'latest' ? 'LATEST' : 'EARLIEST';
  return (
    <form className="restore-form submit-job" data-testid="submit-job-form" aria-labelledby="submit-job-heading" onSubmit={(e) => {
      e.preventDefault();
      if (chosen) submitJob({ snapshotId: chosen.id, claimMode: claim, allowNonRestoredState: allow });
      else submitJob({ startingOffsets: starting });
    }}>
      <h4 id="submit-job-heading" style={{ width: '100%', margin: 0 }}>{t('resubmit.heading')}</h4>
      <p className="panel-note" style={{ width: '100%' }}>{t('resubmit.note', { status })}</p>
      <label style={BLOCK}>{t('resubmit.snapshot')}
        <select data-testid="submit-snapshot" style={FULL} value={chosen ? snapshot : ''} onChange={(e) => setSnapshot(e.target.value)}>
          <option value="">{t('resubmit.empty')}</option>
          {snapshots.map((s) => <option key={s.id} value={String(s.id)}>{t(s.isSavepoint ? 'resubmit.savepoint' : 'resubmit.checkpoint', { id: String(s.id) })}</option>)}
        </select>
      </label>
      {chosen ? (
        <>
          <label style={BLOCK}>{t('resubmit.claimMode')}
            <select data-testid="submit-claim-mode" style={FULL} value={claim} onChange={(e) => setClaim(e.target.value === 'CLAIM' ? 'CLAIM' : 'NO_CLAIM')}>
              <option value="NO_CLAIM">{t('resubmit.noClaim')}</option>
              <option value="CLAIM">{t('resubmit.claim')}</option>
            </select>
          </label>
          <label className="checkbox"><input type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} /> {t('resubmit.allow')}</label>
          <p className="panel-note" style={{ width: '100%' }}>{t('resubmit.fromSnapshot', { id: String(chosen.id) })}</p>
        </>
      ) : (
        <label style={BLOCK}>{t('resubmit.starting')}
          <select data-testid="submit-starting-offsets" style={FULL} value={starting} onChange={(e) => setStarting(STARTING_OFFSETS.find((s) => s === e.target.value) ?? 'earliest')}>
            {STARTING_OFFSETS.map((s) => <option key={s} value={s}>{t(OFFSET_LABEL[s], { reset })}</option>)}
          </select>
        </label>
      )}
      <button type="submit" className="primary" data-testid="submit-job">{t('resubmit.submit')}</button>
    </form>
  );
}
