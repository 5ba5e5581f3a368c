import type { OracleJob } from '../src/store/compareOracle';
import { judgeJob } from '../src/store/oracleJob';

// The page's oracle worker (src/store/oracleWorker.ts) as a child process of the bench, for
// bench/compareOracle.ts: Node 20's worker threads cannot load the TypeScript sources through tsx.
process.on('message', (job: OracleJob) => process.send!(judgeJob(job)));
