import {
  assignKeyToParallelOperator, assignToKeyGroup, computeOracle, findChannel, insertKeepsState,
  type OracleResult, type SimState, type SubtaskAck, type TraceEvent,
} from '../engine';
import { LESSON_LIMITS } from './limits';
import { resubmitFacts } from './factsResubmit';
import { ttlFacts } from './factsTtl';

// Facts: what the engine says about a run, by name. A lesson's question names the fact that decides
// its right answer, and a goal may compare a fact with a value, so no answer is ever written into a
// lesson by hand. Each fact is a function of the run as it stands.

export type { FactValue, RunView, FactArgs, FactArg, FactDef } from './factTypes';
import type { FactArgs, FactDef, RunView } from './factTypes';

function last<T extends TraceEvent['type']>(run: RunView, type: T): Extract<TraceEvent, { type: T }> | undefined {
  for (let i = run.milestones.length - 1; i >= 0; i--) {
    const ev = run.milestones[i];
    if (ev.type === type) return ev as Extract<TraceEvent, { type: T }>;
  }
  return undefined;
}

function count(run: RunView, type: TraceEvent['type']): number {
  let n = 0;
  for (const ev of run.milestones) if (ev.type === type) n++;
  return n;
}

function operatorOf(state: SimState, id: string | undefined) {
  const op = state.plan.operators.find((o) => o.id === id);
  if (!op) throw new RangeError(`the job has no operator ${JSON.stringify(id)}`);
  return op;
}

function channelOf(run: RunView, id: string | undefined): number {
  const ch = findChannel(run.state.plan, id ?? '');
  if (ch === undefined) throw new RangeError(`the job has no channel ${JSON.stringify(id)}`);
  return ch;
}

/** The history record of a checkpoint (or savepoint) of the job as it runs now; undefined before it is triggered. */
function recordOf(run: RunView, id: number | undefined) {
  return run.state.coordinator.history.find((h) => h.id === id);
}

/** The acknowledgements of a checkpoint, from the subtasks of one operator when `operator` is given. */
function acksOf(run: RunView, args: FactArgs): SubtaskAck[] {
  const rec = recordOf(run, args.checkpoint);
  if (!rec) return [];
  const acks = Object.values(rec.acks);
  if (args.operator === undefined) return acks;
  const op = run.state.plan.operators.indexOf(operatorOf(run.state, args.operator));
  return acks.filter((a) => run.state.plan.subtasks[a.subtask]?.operator === op);
}

function sinkRecords(run: RunView, which: 'written' | 'visible'): number {
  let n = 0;
  for (const st of run.state.subtasks) if (st.sink) n += st.sink.latency[which].count;
  return n;
}

function checkpointDurations(run: RunView): number[] {
  const triggered = new Map<number, number>();
  const out: number[] = [];
  for (const ev of run.milestones) {
    if (ev.type === 'checkpoint-triggered') triggered.set(ev.checkpointId, ev.time);
    if (ev.type === 'checkpoint-completed' && triggered.has(ev.checkpointId)) out.push(ev.time - triggered.get(ev.checkpointId)!);
  }
  return out;
}

const entries: [string, FactDef][] = [
  ...resubmitFacts,
  ...ttlFacts,
  ['oracle-verdict', {
    args: [], cost: 'oracle', doc: "the exactly-once oracle's verdict: exactly-once, duplicates, loss, duplicates-and-loss, wrong-result, job-failed or inconclusive",
    compute: (run) => run.oracle().verdict,
  }],
  ['duplicates', {
    args: [], cost: 'oracle', doc: 'records the sinks hold more often than a run without faults (oracle)',
    compute: (run) => run.oracle().duplicates,
  }],
  ['has-duplicates', {
    args: [], cost: 'oracle', doc: 'whether the sinks hold any record more often than a run without faults (oracle)',
    compute: (run) => run.oracle().duplicates > 0,
  }],
  ['missing', {
    args: [], cost: 'oracle', doc: 'records a run without faults wrote that this run never will (oracle)',
    compute: (run) => run.oracle().missing,
  }],
  ['restored-from', {
    args: [], cost: 'cheap', doc: 'the id of the checkpoint the latest restore used; 0 before any restore',
    compute: (run) => last(run, 'job-restored')?.checkpointId ?? 0,
  }],
  ['restored-snapshot', {
    args: [], cost: 'cheap', doc: "the id of the checkpoint or savepoint the job as it runs now was last restored from, by a failover or by a restore from the Snapshots panel (Flink's latest restored); 0 before any",
    compute: (run) => run.state.restores[run.state.restores.length - 1]?.id ?? 0,
  }],
  ['last-notified-checkpoint', {
    args: [], cost: 'cheap', doc: 'the highest id whose completion was notified to the tasks (notifyCheckpointComplete: two-phase-commit sinks commit up to it); 0 before any',
    compute: (run) => Math.max(0, ...run.milestones.flatMap((ev) => (ev.type === 'checkpoint-notified' && !ev.aborted ? [ev.checkpointId] : []))),
  }],
  ['last-completed-checkpoint', {
    args: [], cost: 'cheap', doc: 'the id of the newest completed checkpoint or savepoint; 0 before any',
    compute: (run) => last(run, 'checkpoint-completed')?.checkpointId ?? 0,
  }],
  ['completed-checkpoints', {
    args: [], cost: 'cheap', doc: 'how many checkpoints and savepoints completed',
    compute: (run) => count(run, 'checkpoint-completed'),
  }],
  ['failed-checkpoints', {
    args: [], cost: 'cheap', doc: 'how many checkpoints failed or were aborted',
    compute: (run) => count(run, 'checkpoint-failed'),
  }],
  ['task-failures', {
    args: [], cost: 'cheap', doc: 'how many tasks failed',
    compute: (run) => count(run, 'task-failed'),
  }],
  ['restarts', {
    args: [], cost: 'cheap', doc: 'how many times the job restarted after a failure',
    compute: (run) => run.state.job.restarts,
  }],
  ['job-status', {
    args: [], cost: 'cheap', doc: "the job's status, Flink's names: RUNNING, RESTARTING, FAILED, FINISHED …",
    compute: (run) => run.state.job.status,
  }],
  ['world-stops', {
    args: [], cost: 'cheap', doc: 'how many times the naive algorithm stopped the whole job for a checkpoint',
    compute: (run) => count(run, 'world-stopped'),
  }],
  ['longest-checkpoint-ms', {
    args: [], cost: 'cheap', doc: 'the longest time from trigger to completion of a completed checkpoint, in ms; 0 before any',
    compute: (run) => Math.max(0, ...checkpointDurations(run)),
  }],
  ['channel-was-blocked', {
    args: ['channel'], cost: 'cheap', doc: 'whether barrier alignment ever blocked the channel (its consumer stopped reading it)',
    compute: (run, args) => {
      return run.everBlocked.has(channelOf(run, args.channel));
    },
  }],
  ['channel-blocked-for-checkpoint', {
    args: ['channel', 'checkpoint'], cost: 'cheap', doc: "whether the channel was blocked while its consumer aligned the barriers of this checkpoint",
    compute: (run, args) => run.everBlocked.get(channelOf(run, args.channel))?.has(args.checkpoint ?? 0) ?? false,
  }],
  ['acknowledged-subtasks', {
    args: ['checkpoint'], cost: 'cheap', doc: 'how many subtasks acknowledged the checkpoint to the JobManager so far',
    compute: (run, args) => acksOf(run, args).length,
  }],
  ['checkpoint-type', {
    args: ['checkpoint'], cost: 'cheap', doc: "the checkpoint's type in Flink's words (CHECKPOINT, UNALIGNED_CHECKPOINT, SAVEPOINT, SYNC_SAVEPOINT); NONE before it is triggered",
    compute: (run, args) => recordOf(run, args.checkpoint)?.type ?? 'NONE',
  }],
  ['checkpoint-status', {
    args: ['checkpoint'], cost: 'cheap', doc: "the checkpoint's status: IN_PROGRESS, COMPLETED, FAILED; NONE before it is triggered",
    compute: (run, args) => recordOf(run, args.checkpoint)?.status ?? 'NONE',
  }],
  ['last-completed-type', {
    args: [], cost: 'cheap', doc: 'the type of the newest completed checkpoint or savepoint; NONE before any',
    compute: (run) => {
      const id = last(run, 'checkpoint-completed')?.checkpointId;
      return id === undefined ? 'NONE' : recordOf(run, id)?.type ?? 'NONE';
    },
  }],
  ['last-completed-switched', {
    args: [], cost: 'cheap', doc: 'whether the newest completed checkpoint started aligned and completed unaligned (execution.checkpointing.aligned-checkpoint-timeout passed)',
    compute: (run) => {
      const id = last(run, 'checkpoint-completed')?.checkpointId;
      if (id === undefined) return false;
      const triggered = run.milestones.find((ev) => ev.type === 'checkpoint-triggered' && ev.checkpointId === id);
      return triggered?.type === 'checkpoint-triggered' && triggered.kind === 'CHECKPOINT' && recordOf(run, id)?.type === 'UNALIGNED_CHECKPOINT';
    },
  }],
  ['persisted-in-flight', {
    args: ['checkpoint'], cost: 'cheap', doc: 'whether the checkpoint persisted in-flight records (channel state of an unaligned checkpoint)',
    compute: (run, args) => acksOf(run, args).some((a) => a.persistedBytes > 0),
  }],
  ['operator-unaligned', {
    args: ['operator', 'checkpoint'], cost: 'cheap', doc: "whether some subtask of the operator took its snapshot of the checkpoint unaligned",
    compute: (run, args) => acksOf(run, args).some((a) => a.unaligned),
  }],
  ['longer-wait', {
    args: ['operator', 'checkpoint'], cost: 'cheap', doc: "at the operator's subtasks, which was longer for the checkpoint: the start delay (trigger to first barrier) or the alignment (first to last barrier); start-delay, alignment, or none before an acknowledgement",
    compute: (run, args) => {
      const acks = acksOf(run, args);
      if (!acks.length) return 'none';
      const delay = Math.max(...acks.map((a) => a.startDelayMs));
      const alignment = Math.max(...acks.map((a) => a.alignmentMs));
      return delay >= alignment ? 'start-delay' : 'alignment';
    },
  }],
  ['longer-snapshot-phase', {
    args: ['operator', 'checkpoint'], cost: 'cheap', doc: "at the operator's subtasks, which phase of their snapshot for the checkpoint was longer: sync (the task stops processing) or async (the upload, while the task goes on); none before an acknowledgement",
    compute: (run, args) => {
      const acks = acksOf(run, args);
      if (!acks.length) return 'none';
      return Math.max(...acks.map((a) => a.syncMs)) > Math.max(...acks.map((a) => a.asyncMs)) ? 'sync' : 'async';
    },
  }],
  ['smaller-size', {
    args: ['checkpoint'], cost: 'cheap', doc: "for a completed checkpoint or savepoint, which is smaller: checkpointed (the bytes written for it, the delta when incremental) or full (its whole state size); same when they are equal; none before it completes",
    compute: (run, args) => {
      const rec = recordOf(run, args.checkpoint);
      if (!rec || rec.status !== 'COMPLETED') return 'none';
      return rec.checkpointedBytes < rec.stateBytes ? 'checkpointed' : rec.checkpointedBytes > rec.stateBytes ? 'full' : 'same';
    },
  }],
  ['expired-checkpoints', {
    args: [], cost: 'cheap', doc: 'how many checkpoints expired (execution.checkpointing.timeout)',
    compute: (run) => run.milestones.filter((ev) => ev.type === 'checkpoint-failed' && ev.reason === 'expired').length,
  }],
  ['restarted-subtasks', {
    args: [], cost: 'cheap', doc: 'how many subtasks the latest failover restarted (the failed ones and those it canceled); 0 before any',
    compute: (run) => last(run, 'tasks-canceled')?.subtasks ?? 0,
  }],
  ['written-records', {
    args: [], cost: 'cheap', doc: 'records the sinks have written, visible or not (what a read_uncommitted reader sees)',
    compute: (run) => sinkRecords(run, 'written'),
  }],
  ['visible-records', {
    args: [], cost: 'cheap', doc: 'records of the sinks a read_committed reader can see',
    compute: (run) => sinkRecords(run, 'visible'),
  }],
  ['output-visible', {
    args: [], cost: 'cheap', doc: 'whether a read_committed reader sees any output of the sinks yet',
    compute: (run) => sinkRecords(run, 'visible') > 0,
  }],
  ['transaction-aborted-by-broker', {
    args: [], cost: 'cheap', doc: 'whether a two-phase-commit sink went to commit a transaction the broker had already aborted for outliving transaction.timeout.ms (its records are lost)',
    compute: (run) => run.state.subtasks.some((st) => (st.sink?.brokerAborted.length ?? 0) > 0),
  }],
  ['transaction-timeout', {
    args: [], cost: 'cheap', doc: "the two-phase-commit sinks' transaction.timeout.ms in milliseconds (sim.sink.transaction-timeout); 0 when no sink is transactional",
    compute: (run) => run.state.plan.operators.find((o) => o.params.transactionTimeoutMs !== undefined)?.params.transactionTimeoutMs ?? 0,
  }],
  ['parallelism', {
    args: ['operator'], cost: 'cheap', doc: "the operator's parallelism in the job as it runs now (a restore may have changed it)",
    compute: (run, args) => operatorOf(run.state, args.operator).parallelism,
  }],
  ['max-parallelism', {
    args: ['operator'], cost: 'cheap', doc: "the operator's max parallelism: its number of key groups, the highest parallelism it may be given",
    compute: (run, args) => operatorOf(run.state, args.operator).maxParallelism,
  }],
  ['state-maps-after-insert', {
    args: ['operator'], cost: 'cheap', doc: 'whether an upgrade to the job with a map (without uid) inserted after the operator would restore every stateful operator without allowNonRestoredState: each keeps its operator ID (jobs/upgradeJob.ts)',
    compute: (run, args) => insertKeepsState(run.state, operatorOf(run.state, args.operator).id),
  }],
  ['keyed-state-keys', {
    args: ['operator'], cost: 'cheap', doc: 'how many keys the operator holds keyed state for, over all its subtasks (0 for a new operator that started empty)',
    compute: (run, args) => operatorOf(run.state, args.operator).subtasks.reduce((n, sid) => n + [...run.state.subtasks[sid].keyed.values()].reduce((k, group) => k + group.size, 0), 0),
  }],
  ['operators-with-uid', {
    args: [], cost: 'cheap', doc: 'how many operators of the job as it runs now carry a uid',
    compute: (run) => run.state.scenario.operators.filter((o) => o.uid !== undefined).length,
  }],
  ['key-group', {
    args: ['operator', 'key'], cost: 'cheap', doc: "the key group of a key at an operator (Flink's KeyGroupRangeAssignment)",
    compute: (run, args) => assignToKeyGroup(args.key ?? '', operatorOf(run.state, args.operator).maxParallelism),
  }],
  ['key-subtask', {
    args: ['operator', 'key'], cost: 'cheap', doc: "the index of the operator's subtask that owns the key",
    compute: (run, args) => {
      const op = operatorOf(run.state, args.operator);
      return assignKeyToParallelOperator(args.key ?? '', op.maxParallelism, op.parallelism);
    },
  }],
];

/** Every fact by name. A Map: a name read from a file never reaches an object's prototype. */
export const FACTS: ReadonlyMap<string, FactDef> = new Map(entries);

/** A RunView's oracle: worked out at most once per moment of the run, within the lesson's oracle budget. */
export function memoOracle(stateOf: () => SimState): () => OracleResult {
  let at: { state: SimState; events: number; now: number; result: OracleResult } | null = null;
  return () => {
    const state = stateOf();
    if (at && at.state === state && at.events === state.stats.events && at.now === state.now) return at.result;
    const result = computeOracle(state, { eventBudget: LESSON_LIMITS.oracleEvents });
    at = { state, events: state.stats.events, now: state.now, result };
    return result;
  };
}
