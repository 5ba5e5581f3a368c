import { oracleSteps, type SimState } from '../engine';
import type { OracleJob, OracleReply } from './compareOracle';

/** What the oracle's worker answers a job: the verdict of the copy it was sent, drained in place. */
export function judgeJob(job: OracleJob): OracleReply {
  try {
    const steps = oracleSteps(job.state as SimState, { ownState: true });
    let step = steps.next();
    while (!step.done) step = steps.next();
    return { seq: job.seq, result: step.value };
  } catch (err) {
    return { seq: job.seq, error: err instanceof Error ? err.message : String(err) };
  }
}
