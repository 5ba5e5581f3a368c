import type { OracleResult, SimState, TraceEvent } from '../engine';

// The shapes of facts (facts.ts and its parts factsTtl.ts, factsResubmit.ts import them from here).

export type FactValue = string | number | boolean;

/** The run as facts see it: its state, its milestone events, and what a watch noticed on the way. */
export interface RunView {
  readonly state: SimState;
  /** checkpoint, failure and restore events of this run, oldest first (no record-level events) */
  readonly milestones: readonly TraceEvent[];
  /** channels (plan ids) that barrier alignment blocked at some moment of this run, with the checkpoints it was aligning */
  readonly everBlocked: ReadonlyMap<number, ReadonlySet<number>>;
  /** the exactly-once oracle's verdict on the run as it stands (worked out once per moment) */
  oracle(): OracleResult;
}

/** Arguments a fact may take: stable ids and keys of the lesson's job. */
export interface FactArgs { channel?: string; operator?: string; key?: string; checkpoint?: number }
export type FactArg = keyof FactArgs;

export interface FactDef {
  /** arguments it needs */
  readonly args: readonly FactArg[];
  /** 'oracle' facts drain a copy of the run: a step may compare them at its end, never wait on them */
  readonly cost: 'cheap' | 'oracle';
  readonly doc: string;
  compute(run: RunView, args: FactArgs): FactValue;
}
