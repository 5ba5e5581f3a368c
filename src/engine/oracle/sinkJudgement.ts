import type { PhysicalPlan, PlanOperator } from '../model/types';
import { streamFacts, whyNoFinalValue, type StreamFacts } from './keyLocality';
import { recordBound } from './recordBounds';

// What the oracle can judge at one sink, from what the job defines about the stream the sink
// receives and from how the sink writes.

/**
 * From most to least: `per-key` each key's final value (and, for a sink that writes each record
 * once and keeps them all, its record ids); `multiset` the record ids written, how often; `keys`
 * which keys have a row (an upsert sink whose keys are spread); `upper-bound` no record written more
 * often than the job can write it (loss cannot be told from timing); `nothing`.
 */
export type Judged = 'per-key' | 'multiset' | 'keys' | 'upper-bound' | 'nothing';
export const JUDGED_ORDER: readonly Judged[] = ['per-key', 'multiset', 'keys', 'upper-bound', 'nothing'];

export type SinkKind = 'plain' | 'upsert' | 'two-phase-commit';

export interface SinkJudgement {
  sink: number;
  judged: Judged;
  /** compare record ids with the reference run's (`exact`) or with the most the job can write (`bound`) */
  records: 'exact' | 'bound' | 'none';
  bound: ReturnType<typeof recordBound>;
  finals: boolean;
  keys: boolean;
  reason: string;
}

export function judgeSink(plan: PhysicalPlan, sink: PlanOperator, kind: SinkKind, facts: StreamFacts): SinkJudgement {
  const at = `at "${sink.name}"`;
  const noFinal = whyNoFinalValue(sink, facts);
  const retain = sink.params.retain ?? -1;
  const none = { sink: sink.index, records: 'none', bound: null, finals: false, keys: false } as const;
  if (retain === 0) return { ...none, judged: 'nothing', reason: `${at}: the sink keeps no output to judge` };
  if (kind === 'upsert') {
    if (!noFinal) return { ...none, judged: 'per-key', finals: true, reason: `${at}: each key's final value (an upsert sink rewrites rows; every path keeps a key's last value defined)` };
    if (facts.ids === 'exact') return { ...none, judged: 'keys', keys: true, reason: `${at}: which keys have a row, not their values: ${noFinal}` };
    return { ...none, judged: 'nothing', reason: `${at}: neither rows nor keys are defined: ${facts.idsWhy ?? noFinal}` };
  }
  if (retain > 0) {
    if (!noFinal) return { ...none, judged: 'per-key', finals: true, reason: `${at}: each key's final value; the sink keeps only its last ${retain} records, so records are not compared` };
    return { ...none, judged: 'nothing', reason: `${at}: the sink keeps only its last ${retain} records and ${noFinal}` };
  }
  if (facts.ids === 'at-most') {
    const bound = recordBound(plan, sink);
    if (!bound) return { ...none, judged: 'nothing', reason: `${at}: ${facts.idsWhy}, and the job has too many paths to bound what it writes` };
    return { ...none, judged: 'upper-bound', records: 'bound', bound, reason: `${at}: only records written more often than the job can write them, not loss: ${facts.idsWhy}` };
  }
  if (!noFinal) return { ...none, judged: 'per-key', records: 'exact', finals: true, reason: `${at}: record ids and final value per key: every path to the sink keeps a key on one subtask` };
  return { ...none, judged: 'multiset', records: 'exact', reason: `${at}: the multiset of records, not a final value per key: ${noFinal}` };
}

/** Every sink's judgement; `kindOf` gives how a sink operator writes (the run's sink subtasks know). */
export function judgeSinks(plan: PhysicalPlan, kindOf: (sink: PlanOperator) => SinkKind): SinkJudgement[] {
  const facts = streamFacts(plan);
  return plan.operators.filter((op) => op.kind === 'sink').map((op) => judgeSink(plan, op, kindOf(op), facts[op.index]));
}
