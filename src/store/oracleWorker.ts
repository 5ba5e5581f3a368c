import type { OracleJob, OracleReply } from './compareOracle';
import { judgeJob } from './oracleJob';

// The live oracle of two compared runs, off the page's main thread (compareOracle.ts, workerOracle):
// a job is a copy of one run, made by postMessage's structured clone, which the oracle drains in
// place and judges whole; the page's frames do none of that work.

const scope = self as unknown as { onmessage: ((e: MessageEvent<OracleJob>) => void) | null; postMessage(reply: OracleReply): void };

scope.onmessage = (e) => scope.postMessage(judgeJob(e.data));
