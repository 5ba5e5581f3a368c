import { describe, expect, it } from 'vitest';
import { sourceRecordId } from './sinkWrites';
import { TRANSACTION_HISTORY_MS, TransactionWatch, transactionWatchOf } from './transactions';
import { killedRun, KILL_AT } from './pictureRuns.testkit';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';

const ids = (recs: readonly { src: number; part: number; off: number; sub: number }[]) => recs.map((r) => sourceRecordId(r as never));

function watched(until: number, kill: boolean) {
  const sim = Simulation.create(builtinScenario('default')!, { seed: 1, conf: { 'execution.checkpointing.interval': '2s', 'sim.sink.kind': 'two-phase-commit' } });
  const watch = new TransactionWatch(sim.state);
  sim.subscribe((ev) => watch.onEvent(ev));
  sim.runUntil(Math.min(until, KILL_AT));
  if (kill) sim.injectFault({ kind: 'task', subtask: sim.state.plan.operators.find((o) => o.id === 'count')!.subtasks[0] });
  sim.runUntil(until);
  return { sim, watch, sinks: sim.state.plan.operators.find((o) => o.kind === 'sink')!.subtasks };
}

describe('two-phase-commit transactions, one lane per checkpoint', () => {
  it('without a failure: committed lanes in checkpoint order hold exactly what a read_committed reader sees', () => {
    const { sim, watch, sinks } = watched(15_000, false);
    for (const sid of sinks) {
      const sink = sim.state.subtasks[sid].sink!;
      const lanes = watch.lanesOf(sid);
      const committed = lanes.filter((l) => l.status === 'committed');
      expect(committed.length).toBeGreaterThan(2);
      expect(committed.map((l) => l.checkpointId)).toEqual([...committed.map((l) => l.checkpointId)].sort((a, b) => a! - b!));
      expect(ids(committed.flatMap((l) => l.records))).toEqual(ids(sink.committed));
      for (const l of committed) expect(sink.committedTxns).toContain(l.txn);
      expect(lanes.filter((l) => l.status === 'pre-committed').map((l) => l.txn)).toEqual(sink.precommitted.map((p) => p.txn));
      expect(lanes.at(-1)!.status).toBe('open');
      expect(lanes.at(-1)!.records).toBe(sink.open);
      expect(lanes.some((l) => l.status === 'aborted')).toBe(false);
    }
  });

  it('a failover aborts the open transaction; its records are written again and committed later', () => {
    const { sim, watch, sinks } = watched(25_000, true);
    let abortedRecords = 0;
    for (const sid of sinks) {
      const sink = sim.state.subtasks[sid].sink!;
      const lanes = watch.lanesOf(sid);
      const aborted = lanes.filter((l) => l.status === 'aborted');
      expect(aborted.length).toBeGreaterThan(0);
      for (const l of aborted) {
        expect(l.since).toBeGreaterThan(KILL_AT);
        if (l.txn) expect(sink.committedTxns).not.toContain(l.txn);
        // the sources rewound to the restored checkpoint: every aborted record is read, written and committed again
        for (const id of ids(l.records)) expect(ids(sink.committed)).toContain(id);
        abortedRecords += l.records.length;
      }
      expect(lanes.some((l) => l.status === 'committed' && l.since > KILL_AT)).toBe(true);
    }
    expect(abortedRecords).toBeGreaterThan(0);
  });

  it('a watch made late, by replaying the run from its recorder, sees what one watching from the start saw', () => {
    // it replays only the last TRANSACTION_HISTORY_MS (from 10 s on): the lanes that changed since agree
    const { sim, recorder, sinks } = killedRun('two-phase-commit', 30_000);
    const late = transactionWatchOf(sim, recorder);
    expect(transactionWatchOf(sim, recorder)).toBe(late);
    const early = watched(30_000, true);
    const shown = (w: TransactionWatch, sid: number) => w.lanesOf(sid).filter((l) => l.since >= 12_000).map((l) => ({ ...l, records: ids(l.records) }));
    expect(TRANSACTION_HISTORY_MS).toBe(20_000);
    for (const sid of sinks) {
      expect(shown(late, sid).length).toBeGreaterThan(3);
      expect(shown(late, sid)).toEqual(shown(early.watch, sid));
    }
    // and it follows the live run on from there
    const before = late.lanesOf(sinks[0]).filter((l) => l.status === 'committed').length;
    recorder.advance(sim, 36_000);
    expect(late.lanesOf(sinks[0]).filter((l) => l.status === 'committed').length).toBeGreaterThan(before);
  });

  it('a plain sink has no transactions', () => {
    const { sim, recorder, sinks } = killedRun('plain', 10_000);
    for (const sid of sinks) expect(transactionWatchOf(sim, recorder).lanesOf(sid)).toEqual([]);
  });
});

describe('transactions the broker aborts (transaction.timeout.ms)', () => {
  // checkpoint 3's transactions are pre-committed when Keyed Count (1/2) fails as checkpoint 3
  // completes; the job is down 10 s, longer than the 5 s timeout
  function outage() {
    const sim = Simulation.create(builtinScenario('default')!, {
      seed: 1,
      conf: {
        'execution.checkpointing.interval': '2s', 'sim.sink.kind': 'two-phase-commit', 'sim.sink.transaction-timeout': '5 s',
        'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '10 s',
      },
      faults: ['task:count/0@completed:3'],
    });
    const watch = new TransactionWatch(sim.state);
    sim.subscribe((ev) => watch.onEvent(ev));
    let failedAt = -1;
    let restoredAt = -1;
    sim.subscribe((ev) => {
      if (ev.type === 'task-failed') failedAt = ev.time;
      if (ev.type === 'job-restored') restoredAt = ev.time;
    });
    return { sim, watch, sinks: sim.state.plan.operators.find((o) => o.kind === 'sink')!.subtasks, at: () => ({ failedAt, restoredAt }) };
  }

  it('each lane carries its first write and the timeout; a pre-committed lane turns aborted-by-broker at start + timeout, while the job is down', () => {
    const { sim, watch, sinks, at } = outage();
    sim.runUntil(9_000);
    expect(at().failedAt).toBeGreaterThan(0);
    const lane = watch.lanesOf(sinks[0]).find((l) => l.checkpointId === 3)!;
    expect(lane.status).toBe('pre-committed');
    expect(lane.timeoutMs).toBe(5_000);
    expect(lane.startedAt).not.toBeNull();
    const deadline = lane.startedAt! + 5_000;
    expect(watch.lanesOf(sinks[0], deadline).find((l) => l.checkpointId === 3)!.status).toBe('pre-committed');
    const later = watch.lanesOf(sinks[0], deadline + 1).find((l) => l.checkpointId === 3)!;
    expect(later.status).toBe('aborted-by-broker');
    expect(later.since).toBe(deadline);
    // the open transaction keeps its own clock, from its first record
    const open = watch.lanesOf(sinks[0]).find((l) => l.status === 'open');
    if (open?.startedAt != null) expect(open.startedAt).toBeGreaterThan(lane.startedAt!);
  });

  it('after the restore the lane stays aborted-by-broker (the sink found it aborted), never committed', () => {
    const { sim, watch, sinks, at } = outage();
    sim.runUntil(25_000);
    expect(at().restoredAt).toBeGreaterThan(at().failedAt + 9_000);
    for (const sid of sinks) {
      const lane = watch.lanesOf(sid).find((l) => l.checkpointId === 3)!;
      expect(lane.status).toBe('aborted-by-broker');
      expect(lane.since).toBe(lane.startedAt! + 5_000);
      expect(sim.state.subtasks[sid].sink!.committedTxns).not.toContain(lane.txn);
      expect(sim.state.subtasks[sid].sink!.brokerAborted.map((a) => a.txn)).toContain(lane.txn);
      // transactions after the restore commit as usual
      expect(watch.lanesOf(sid).some((l) => l.status === 'committed' && l.checkpointId! > 3)).toBe(true);
    }
  });
});
