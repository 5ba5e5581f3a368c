import { useClock, useClockActions, useRun, useRunActions } from '../../store/react';
import { speedLabel } from '../../store/speed';
import { formatSimTime } from '../format';
import { BusyProgress } from './BusyProgress';

/** Whether the page plays, said apart from the job's status: a paused page beside a RUNNING job is no contradiction. */
function PlaybackState() {
  const playing = useClock((c) => c.playing);
  return (
    <span className={`playback-state ${playing ? 'playing' : 'paused'}`} data-testid="playback-state" role="status">
      {playing ? 'Playing' : 'Paused — press Play or Space'}
    </span>
  );
}

export function Controls() {
  const playing = useClock((c) => c.playing);
  const displayTime = useClock((c) => c.displayTime);
  const speed = useClock((c) => c.speedPosition);
  const atStart = useClock((c) => c.displayTime <= 0);
  const jobStatus = useRun((r) => r.sim.state.job.status);
  const clock = useClockActions();
  const run = useRunActions();

  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      {playing ? (
        <button type="button" onClick={clock.pause} className="primary" aria-label="Pause" aria-keyshortcuts="Space">Pause</button>
      ) : (
        <button type="button" onClick={clock.play} className="primary" aria-label="Play" aria-keyshortcuts="Space">Play</button>
      )}
      <button type="button" onClick={clock.stepBack} disabled={atStart} aria-label="Back one event" aria-keyshortcuts="ArrowLeft" title="Back to the previous event (←)">◀ Back</button>
      <button type="button" onClick={clock.step} aria-label="Step" aria-keyshortcuts="ArrowRight" title="Advance to the next event (→)">Step ▶</button>
      <button type="button" onClick={run.reset} aria-label="Reset" title="Start the run again from the beginning">Reset</button>
      <label className="speed">
        <span>Speed</span>
        <input type="range" min={0} max={100} value={speed} aria-label="Speed" aria-valuetext={speedLabel(speed)} onChange={(e) => clock.setSpeed(Number(e.target.value))} />
        <output className="speed-label">{speedLabel(speed)}</output>
      </label>
      <span className="sim-time" title="simulated time">
        t = <span data-testid="sim-time">{formatSimTime(displayTime)}</span>
      </span>
      <PlaybackState />
      <span className="job-status-label" title="the job's status in Flink, apart from whether the page plays">Job <span className={`job-status job-${jobStatus.toLowerCase()}`} data-testid="job-status">{jobStatus}</span></span>
      <BusyProgress />
      <span className="spacer" />
      <button type="button" onClick={run.triggerCheckpoint} disabled={jobStatus !== 'RUNNING'} aria-label="Trigger checkpoint" title="Ask the JobManager for a checkpoint now">Trigger checkpoint</button>
      <button type="button" onClick={run.triggerSavepoint} disabled={jobStatus !== 'RUNNING'} aria-label="Trigger savepoint" title="A savepoint: always aligned, owned by you, commits nothing">Trigger savepoint</button>
      <button type="button" onClick={run.stopWithSavepoint} disabled={jobStatus !== 'RUNNING'} aria-label="Stop with savepoint" title="A synchronous savepoint; sinks commit, sources stop, the job finishes">Stop with savepoint</button>
    </div>
  );
}
