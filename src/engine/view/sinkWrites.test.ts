import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recentWrites, sinkWritesView, sourceRecordId, writesAgain } from './sinkWrites';
import { killedRun } from './pictureRuns.testkit';
import type { Rec } from '../model/types';
import { recordBound } from '../oracle/recordBounds';

/** duplicates counted the slow way: every write of a source record after its first */
function repeats(list: Rec[]): number {
  const seen = new Set<string>();
  let n = 0;
  for (const r of list) {
    const id = sourceRecordId(r);
    if (seen.has(id)) n++;
    seen.add(id);
  }
  return n;
}

describe('sink writes: duplicates where they are written', () => {
  it('a plain sink writes the records replayed after a restore a second time, and each is marked', () => {
    const { sim, sinks } = killedRun('plain');
    let total = 0;
    for (const sid of sinks) {
      const sink = sim.state.subtasks[sid].sink!;
      const v = sinkWritesView(sim.state, sid)!;
      expect(v.written).toBe(sink.received.length);
      expect(v.writtenDuplicates).toBe(repeats(sink.received));
      // plain: what is written is what a read_committed reader sees
      expect(v.committedDuplicates).toBe(v.writtenDuplicates);
      const recent = recentWrites(sim.state, sid, 'read_uncommitted', sink.received.length);
      expect(recent.filter((w) => w.duplicate)).toHaveLength(v.writtenDuplicates);
      // a marked write has an earlier write of the same source record (the list is newest first)
      recent.forEach((w, i) => {
        if (w.duplicate) expect(recent.slice(i + 1).some((x) => x.id === w.id)).toBe(true);
      });
      const dups = recentWrites(sim.state, sid, 'read_uncommitted', 100, true);
      expect(dups).toEqual(recent.filter((w) => w.duplicate));
      total += v.writtenDuplicates;
    }
    expect(total).toBeGreaterThan(0);
  });

  it('without a failure nothing is marked', () => {
    const { sim, sinks } = killedRun('plain', 25_000, false);
    for (const sid of sinks) expect(sinkWritesView(sim.state, sid)!.writtenDuplicates).toBe(0);
  });

  it('a two-phase-commit sink writes the replay too, but a read_committed reader sees each record once', () => {
    const { sim, sinks } = killedRun('two-phase-commit');
    const views = sinks.map((sid) => sinkWritesView(sim.state, sid)!);
    expect(views.reduce((n, v) => n + v.writtenDuplicates, 0)).toBeGreaterThan(0);
    for (const v of views) expect(v.committedDuplicates).toBe(0);
  });

  it('tells whether a record on its way has been written already', () => {
    const { sim, sinks } = killedRun('plain', 12_000, false);
    const sid = sinks.find((s) => sim.state.subtasks[s].sink!.received.length > 0)!;
    const written = sim.state.subtasks[sid].sink!.received[0];
    expect(writesAgain(sim.state, sid, written)).toBe(true);
    expect(writesAgain(sim.state, sid, { ...written, off: written.off + 100_000 })).toBe(false);
    // a subtask that is no sink has nothing written
    expect(sinkWritesView(sim.state, 0)).toBeNull();
    expect(writesAgain(sim.state, 0, written)).toBe(false);
  });

  it('says the same as counting the writes for records before, at and past the highest offset written', () => {
    const { sim, sinks } = killedRun('plain', 12_000, false);
    for (const sid of sinks) {
      const received = sim.state.subtasks[sid].sink!.received;
      const plan = sim.state.plan;
      const bound = recordBound(plan, plan.operators[plan.subtasks[sid].operator])!;
      for (const rec of received.slice(-40)) {
        for (const off of [rec.off - 1, rec.off, rec.off + 1, rec.off + 1_000_000]) {
          const probe = { ...rec, off };
          const times = received.filter((r) => sourceRecordId(r) === sourceRecordId(probe)).length;
          expect(writesAgain(sim.state, sid, probe)).toBe(times >= bound(probe));
        }
      }
    }
  });

  it('keeps counting right as the sink appends, and starts over when a bounded sink drops its oldest', () => {
    const { sim, sinks } = killedRun('plain', 9000, false);
    const sid = sinks[0];
    const sink = sim.state.subtasks[sid].sink!;
    const first = sinkWritesView(sim.state, sid)!.writtenDuplicates;
    // as the engine writes: the sink counts every record it appends (runtime/sink.ts)
    sink.received.push(sink.received[0]);
    sink.latency.written.count++;
    expect(sinkWritesView(sim.state, sid)!.writtenDuplicates).toBe(first + 1);
    sink.received.shift();
    expect(sinkWritesView(sim.state, sid)!.writtenDuplicates).toBe(repeats(sink.received));
  });

  it('counted as it goes, a list a bounded sink appends to and drops from says what counting it from scratch says', () => {
    const { sim, sinks } = killedRun('plain', 9000, false);
    const sid = sinks[0];
    const sink = sim.state.subtasks[sid].sink!;
    const pool = sink.received.map((r) => ({ ...r }));
    const plan = sim.state.plan;
    const bound = recordBound(plan, plan.operators[plan.subtasks[sid].operator])!;
    const freshView = () => {
      const kept = sink.received;
      sink.received = [...kept]; // a list never indexed: counted from scratch
      const view = { counts: sinkWritesView(sim.state, sid), recent: recentWrites(sim.state, sid, 'read_uncommitted', 1000) };
      sink.received = kept;
      return view;
    };
    // each step: append some writes (records of the run: replays and repeats among them), then drop the oldest
    const step = fc.record({ append: fc.array(fc.nat(pool.length - 1), { maxLength: 4 }), drop: fc.nat(5) });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
      sink.received = pool.slice(0, 40);
      for (const { append, drop } of steps) {
        for (const i of append) {
          sink.received.push(pool[i]);
          sink.latency.written.count++;
        }
        sink.received.splice(0, Math.min(drop, sink.received.length));
        const fresh = freshView();
        expect(sinkWritesView(sim.state, sid)).toEqual(fresh.counts);
        expect(recentWrites(sim.state, sid, 'read_uncommitted', 1000)).toEqual(fresh.recent);
        for (const probe of pool.slice(0, 60)) expect(writesAgain(sim.state, sid, probe)).toBe(sink.received.filter((r) => sourceRecordId(r) === sourceRecordId(probe)).length >= bound(probe));
      }
    }), { numRuns: 60 });
  });
});
