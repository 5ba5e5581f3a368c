import { describe, expect, it } from 'vitest';
import { Conf, ConfigError } from '../config/conf';
import type { BrokerAbortedTransaction, PlanOperator, Rec } from '../model/types';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { computeOracle } from '../oracle/oracle';
import type { TraceEvent } from '../trace/events';
import {
  emptySink, INVALID_TXN_TIMEOUT_MESSAGE, sinkCommit, sinkFinish, sinkPreCommit, sinkRestore, sinkWrite, transactionTimeoutOf,
} from './sink';

// The two-phase-commit sink against a broker that aborts transactions older than
// transaction.timeout.ms, and the broker's check of that timeout when the producer starts.

const TIMEOUT = 10_000;
const op = { params: { retain: -1, sinkKind: 'two-phase-commit', transactionTimeoutMs: TIMEOUT } } as unknown as PlanOperator;
const rec = (off: number, ts = 0): Rec => ({ key: `k${off}`, value: off, src: 0, part: 0, off, sub: 0, ts });

function sinkWithTxn(firstWriteAt: number, records = 3) {
  const sink = emptySink('two-phase-commit', 'sink-0@job0');
  for (let i = 0; i < records; i++) sinkWrite(sink, op, rec(i), firstWriteAt + i * 100);
  sinkPreCommit(sink, 1);
  return sink;
}

describe('a two-phase-commit sink and the broker timeout', () => {
  it('the broker times a transaction from its first record, not from its pre-commit', () => {
    const sink = sinkWithTxn(1_000);
    expect(sink.precommitted[0].startedAt).toBe(1_000);
    expect(sink.openSince).toBe(-1);
  });

  it('commits a transaction up to its timeout (Kafka aborts only when start + timeout < now)', () => {
    const sink = sinkWithTxn(1_000);
    const aborted: BrokerAbortedTransaction[] = [];
    expect(sinkCommit(sink, op, 1, 1_000 + TIMEOUT, (a) => aborted.push(a))).toBe(3);
    expect(sink.committed.map((r) => r.off)).toEqual([0, 1, 2]);
    expect(sink.committedTxns).toEqual(['sink-0@job0-1']);
    expect(aborted).toEqual([]);
  });

  it('a commit after the timeout finds the transaction aborted by the broker: its records never become visible', () => {
    const sink = sinkWithTxn(1_000);
    const aborted: BrokerAbortedTransaction[] = [];
    expect(sinkCommit(sink, op, 1, 1_000 + TIMEOUT + 1, (a) => aborted.push(a))).toBe(0);
    expect(sink.committed).toEqual([]);
    expect(sink.committedTxns).toEqual([]);
    expect(sink.precommitted).toEqual([]);
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toMatchObject({ txn: 'sink-0@job0-1', checkpointId: 1, startedAt: 1_000, abortedAt: 1_000 + TIMEOUT, noticedAt: 1_000 + TIMEOUT + 1 });
    expect(aborted[0].records.map((r) => r.off)).toEqual([0, 1, 2]);
    expect(sink.brokerAborted).toEqual(aborted);
  });

  it('an empty transaction never reached the broker and never times out', () => {
    const sink = emptySink('two-phase-commit', 'sink-0@job0');
    sinkPreCommit(sink, 1);
    expect(sink.precommitted[0].startedAt).toBeUndefined();
    const aborted: unknown[] = [];
    sinkCommit(sink, op, 1, 10 * TIMEOUT, (a) => aborted.push(a));
    expect(aborted).toEqual([]);
    expect(sink.committedTxns).toEqual(['sink-0@job0-1']);
  });

  it('on restore, a restored pre-committed transaction younger than the timeout is committed, an older one is lost', () => {
    const young = sinkWithTxn(5_000);
    const old = sinkWithTxn(1_000);
    const at = 1_000 + TIMEOUT + 500;
    const lost: string[] = [];
    expect(sinkRestore(emptySink('two-phase-commit', 'sink-0@job1'), op, young.precommitted, at, (a) => lost.push(a.txn))).toBe(3);
    const restored = emptySink('two-phase-commit', 'sink-0@job1');
    expect(sinkRestore(restored, op, old.precommitted, at, (a) => lost.push(a.txn))).toBe(0);
    expect(lost).toEqual(['sink-0@job0-1']);
    expect(restored.committed).toEqual([]);
    expect(restored.brokerAborted.map((a) => a.txn)).toEqual(['sink-0@job0-1']);
  });

  it("a bounded job's last transaction is checked too when it commits at the end", () => {
    const sink = emptySink('two-phase-commit', 'sink-0@job0');
    sinkWrite(sink, op, rec(0), 0);
    const lost: string[] = [];
    sinkFinish(sink, op, TIMEOUT + 1, (a) => lost.push(a.txn));
    expect(lost).toEqual(['sink-0@job0-final']);
    expect(sink.committed).toEqual([]);
  });

  it('a sink without a timeout (plain, upsert) has nothing to abort', () => {
    const plainOp = { params: { retain: -1, sinkKind: 'plain' } } as unknown as PlanOperator;
    const sink = emptySink('plain', 'sink-0@job0');
    sinkWrite(sink, plainOp, rec(0), 0);
    expect(sink.committed).toHaveLength(1);
    expect(sink.openSince).toBe(-1);
  });
});

describe("the broker's check at start: transaction.timeout.ms <= transaction.max.timeout.ms", () => {
  it('defaults: 15 min under a 15 min maximum', () => {
    expect(transactionTimeoutOf(new Conf())).toBe(15 * 60_000);
  });

  it('equal is accepted, larger is refused with the broker\'s reason naming both keys', () => {
    expect(transactionTimeoutOf(new Conf({ 'sim.sink.transaction-timeout': '1 h', 'sim.broker.transaction-max-timeout': '1 h' }))).toBe(3_600_000);
    let error: unknown;
    try {
      transactionTimeoutOf(new Conf({ 'sim.sink.transaction-timeout': '1 h' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('sim.sink.transaction-timeout (transaction.timeout.ms) 1 h');
    expect(message).toContain('sim.broker.transaction-max-timeout (transaction.max.timeout.ms) 15 min');
    expect(message).toContain(`InvalidTxnTimeoutException: ${INVALID_TXN_TIMEOUT_MESSAGE}`);
  });

  it("refuses values past Kafka's int milliseconds, and zero", () => {
    expect(() => transactionTimeoutOf(new Conf({ 'sim.sink.transaction-timeout': '30 d', 'sim.broker.transaction-max-timeout': '30 d' }))).toThrow(/int of milliseconds/);
    expect(() => new Conf({ 'sim.sink.transaction-timeout': '0 ms' })).toThrow(/at least 1 ms/);
  });

  it('a job with a two-phase-commit sink fails at start; the same settings with a plain sink start (no transactional producer)', () => {
    const scenario = builtinScenario('default')!;
    expect(() => Simulation.create(scenario, { conf: { 'sim.sink.kind': 'two-phase-commit', 'sim.sink.transaction-timeout': '1 h' } })).toThrow(ConfigError);
    expect(() => Simulation.create(scenario, { conf: { 'sim.sink.kind': 'plain', 'sim.sink.transaction-timeout': '1 h' } })).not.toThrow();
  });
});

describe('a job down longer than the timeout', () => {
  // the default job, checkpoints every 2 s; Keyed Count (1/2) fails right as checkpoint 3 completes,
  // before the sinks hear of it; the job restarts 10 s later and commits checkpoint 3's transactions
  function outage(timeout: string) {
    const sim = Simulation.create(builtinScenario('default')!, {
      seed: 1,
      conf: {
        'execution.checkpointing.interval': '2 s', 'sim.sink.kind': 'two-phase-commit', 'sim.sink.transaction-timeout': timeout,
        'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '10 s',
      },
      faults: ['task:count/0@completed:3'],
    });
    const events: TraceEvent[] = [];
    sim.subscribe((ev) => { if (ev.type === 'transaction-aborted-by-broker' || ev.type === 'job-restored') events.push(ev); });
    sim.runUntil(25_000);
    return { sim, events, oracle: computeOracle(sim.state) };
  }

  it('loses the pre-committed transactions of the restored checkpoint; the oracle names the broker abort', () => {
    const { sim, events, oracle } = outage('5 s');
    const aborts = events.filter((e) => e.type === 'transaction-aborted-by-broker');
    expect(aborts.map((e) => e.txn).sort()).toEqual(['sink-0@job0-3', 'sink-1@job0-3']);
    const restored = events.find((e) => e.type === 'job-restored')!;
    for (const e of aborts) {
      expect(e.time).toBe(restored.time);
      expect(e.abortedAt).toBeLessThan(e.time);
      expect(e.timeoutMs).toBe(5_000);
    }
    const lost = sim.state.subtasks.flatMap((st) => st.sink?.brokerAborted ?? []).flatMap((a) => a.records);
    expect(lost.length).toBeGreaterThan(0);
    expect(oracle.verdict).toBe('loss');
    expect(oracle.missing).toBe(lost.length);
    expect(oracle.brokerAborted!.map((a) => a.txn).sort()).toEqual(['sink-0@job0-3', 'sink-1@job0-3']);
    expect(oracle.brokerAborted!.reduce((n, a) => n + a.missing, 0)).toBe(lost.length);
  });

  it('with a timeout above the downtime the same failure loses nothing', () => {
    const { events, oracle } = outage('20 s');
    expect(events.some((e) => e.type === 'transaction-aborted-by-broker')).toBe(false);
    expect(oracle.verdict).toBe('exactly-once');
    expect(oracle.brokerAborted).toBeUndefined();
  });
});
