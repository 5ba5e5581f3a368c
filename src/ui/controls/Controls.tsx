import { useSim } from '../../store/react';
import { speedLabel } from '../../store/speed';
import { formatSimTime } from '../format';

export function Controls() {
  const playing = useSim((s) => s.playing);
  const displayTime = useSim((s) => s.displayTime);
  const speed = useSim((s) => s.speedPosition);
  const jobStatus = useSim((s) => s.sim.state.job.status);
  const play = useSim((s) => s.play);
  const pause = useSim((s) => s.pause);
  const step = useSim((s) => s.step);
  const stepBack = useSim((s) => s.stepBack);
  const atStart = useSim((s) => s.displayTime <= 0);
  const reset = useSim((s) => s.reset);
  const setSpeed = useSim((s) => s.setSpeed);
  const triggerCheckpoint = useSim((s) => s.triggerCheckpoint);
  const triggerSavepoint = useSim((s) => s.triggerSavepoint);
  const stopWithSavepoint = useSim((s) => s.stopWithSavepoint);

  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      {playing ? (
        <button type="button" onClick={pause} className="primary" aria-label="Pause" aria-keyshortcuts="Space">Pause</button>
      ) : (
        <button type="button" onClick={play} className="primary" aria-label="Play" aria-keyshortcuts="Space">Play</button>
      )}
      <button type="button" onClick={stepBack} disabled={atStart} aria-label="Back one event" aria-keyshortcuts="ArrowLeft" title="Back to the previous event (←)">◀ Back</button>
      <button type="button" onClick={step} aria-label="Step" aria-keyshortcuts="ArrowRight" title="Advance to the next event (→)">Step ▶</button>
      <button type="button" onClick={reset} aria-label="Reset" title="Start the run again from the beginning">Reset</button>
      <label className="speed">
        <span>Speed</span>
        <input type="range" min={0} max={100} value={speed} aria-label="Speed" aria-valuetext={speedLabel(speed)} onChange={(e) => setSpeed(Number(e.target.value))} />
        <output className="speed-label">{speedLabel(speed)}</output>
      </label>
      <span className="sim-time" title="simulated time">
        t = <span data-testid="sim-time">{formatSimTime(displayTime)}</span>
      </span>
      <span className={`job-status job-${jobStatus.toLowerCase()}`} data-testid="job-status">{jobStatus}</span>
      <span className="spacer" />
      <button type="button" onClick={triggerCheckpoint} disabled={jobStatus !== 'RUNNING'} aria-label="Trigger checkpoint" title="Ask the JobManager for a checkpoint now">Trigger checkpoint</button>
      <button type="button" onClick={triggerSavepoint} disabled={jobStatus !== 'RUNNING'} aria-label="Trigger savepoint" title="A savepoint: always aligned, owned by you, commits nothing">Trigger savepoint</button>
      <button type="button" onClick={stopWithSavepoint} disabled={jobStatus !== 'RUNNING'} aria-label="Stop with savepoint" title="A synchronous savepoint; sinks commit, sources stop, the job finishes">Stop with savepoint</button>
    </div>
  );
}
