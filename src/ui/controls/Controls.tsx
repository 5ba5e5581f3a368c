import { useClock, useClockActions, useRun, useRunActions } from '../../store/react';
import { speedLabel } from '../../store/speed';
import { formatSimTime } from '../format';
import { BusyProgress } from './BusyProgress';
import { useT } from '../../i18n/useT';
import type { Translate } from '../../i18n/translate';
import { useReadable } from './useReadable';

/** The speed in words: "event by event" at position 0, else a factor such as 1.0×. */
export function speedText(position: number, t: Translate): string {
  return position <= 0 ? t('controls.eventByEvent') : speedLabel(position);
}

/** Whether the page plays, said apart from the job's status: a paused page beside a RUNNING job is no contradiction. */
function PlaybackState() {
  const playing = useClock((c) => c.playing);
  const t = useT();
  return (
    <span className={`playback-state ${playing ? 'playing' : 'paused'}`} data-testid="playback-state" role="status" title={playing ? undefined : t('controls.pausedHint')}>
      {playing ? t('controls.playing') : <>{t('controls.paused')}<span className="hint">{t('controls.pausedHint')}</span></>}
    </span>
  );
}

/** The time shown; while the run plays it changes every frame, and is shown anew as often as a reader can follow. */
function SimTime() {
  const displayTime = useReadable((s) => s.clock.displayTime);
  return <span data-testid="sim-time">{formatSimTime(displayTime)}</span>;
}

export function Controls() {
  const playing = useClock((c) => c.playing);
  const speed = useClock((c) => c.speedPosition);
  const atStart = useClock((c) => c.displayTime <= 0);
  const jobStatus = useRun((r) => r.sim.state.job.status);
  const clock = useClockActions();
  const run = useRunActions();
  const t = useT();
  const speedWords = speedText(speed, t);

  // the accessible names are the visible words (CONTRACTS.md section 4: Play, Pause, Step… in English)
  return (
    <div className="controls" role="toolbar" aria-label={t('controls.toolbar')}>
      {playing ? (
        <button type="button" onClick={clock.pause} className="primary" aria-label={t('controls.pause')} aria-keyshortcuts="Space" data-testid="pause">{t('controls.pause')}</button>
      ) : (
        <button type="button" onClick={clock.play} className="primary" aria-label={t('controls.play')} aria-keyshortcuts="Space" data-testid="play">{t('controls.play')}</button>
      )}
      <button type="button" onClick={clock.stepBack} disabled={atStart} aria-label={t('controls.back')} aria-keyshortcuts="ArrowLeft" title={t('controls.backTitle')} data-testid="step-back">{t('controls.backText')}</button>
      <button type="button" onClick={clock.previousMoment} disabled={atStart} aria-label={t('controls.previousMoment')} aria-keyshortcuts="PageUp" title={t('controls.previousMomentTitle')} data-testid="previous-moment">◀◀</button>
      <button type="button" onClick={clock.step} aria-label={t('controls.step')} aria-keyshortcuts="ArrowRight" title={t('controls.stepTitle')} data-testid="step">{t('controls.stepText')}</button>
      <button type="button" onClick={clock.nextMoment} aria-label={t('controls.nextMoment')} aria-keyshortcuts="PageDown" title={t('controls.nextMomentTitle')} data-testid="next-moment">▶▶</button>
      <button type="button" onClick={run.reset} aria-label={t('controls.reset')} title={t('controls.resetTitle')} data-testid="reset">{t('controls.reset')}</button>
      <label className="speed">
        <span>{t('controls.speed')}</span>
        <input type="range" min={0} max={100} value={speed} aria-label={t('controls.speed')} aria-valuetext={speedWords} data-testid="speed" onChange={(e) => clock.setSpeed(Number(e.target.value))} />
        <output className="speed-label">{speedWords}</output>
      </label>
      <span className="sim-time" title={t('controls.simTime')}>
        t = <SimTime />
      </span>
      <PlaybackState />
      <span className="job-status-label" title={t('controls.jobTitle')}>{t('controls.job')} <span className={`job-status job-${jobStatus.toLowerCase()}`} data-testid="job-status">{jobStatus}</span></span>
      <BusyProgress />
      <span className="spacer" />
      <button type="button" onClick={run.triggerCheckpoint} disabled={jobStatus !== 'RUNNING'} aria-label={t('controls.checkpoint')} title={t('controls.checkpointTitle')} data-testid="trigger-checkpoint">{t('controls.checkpoint')}</button>
      <button type="button" onClick={run.triggerSavepoint} disabled={jobStatus !== 'RUNNING'} aria-label={t('controls.savepoint')} title={t('controls.savepointTitle')} data-testid="trigger-savepoint">{t('controls.savepoint')}</button>
      <button type="button" onClick={run.stopWithSavepoint} disabled={jobStatus !== 'RUNNING'} aria-label={t('controls.stopWithSavepoint')} title={t('controls.stopWithSavepointTitle')} data-testid="stop-with-savepoint">{t('controls.stopWithSavepoint')}</button>
    </div>
  );
}
