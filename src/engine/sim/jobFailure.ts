import { stopCheckpointScheduler } from '../checkpoint/coordinator';
import type { Runtime } from '../runtime/runtime';

/** The job fails as a whole. Without a restart strategy it stays FAILED: every task is cancelled. */
export function failJob(rt: Runtime, reason: string): void {
  const state = rt.state;
  if (state.job.status !== 'RUNNING') return;
  state.job.status = 'FAILED';
  state.job.failure = reason;
  stopCheckpointScheduler(state);
  for (const st of state.subtasks) if (st.status === 'RUNNING') st.status = 'CANCELED';
  rt.emit({ type: 'job-status', time: state.now, status: 'FAILED', reason });
}
