import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { computeOracle } from '../oracle/oracle';
import { latestCompleted } from '../checkpoint/coordinator';
import { watchInvariants } from '../trace/invariants';
import type { KeyedStateTable } from '../model/types';

// Verdicts of the exactly-once oracle under random fault schedules, and the promise of recovery:
// right after a restore, each restarted subtask's keyed state is exactly the checkpoint's.

const faultArb = fc.array(fc.tuple(
  fc.constantFrom('task:count/0', 'task:count/1', 'task:map/0', 'task:source/1', 'task:sink/0', 'taskmanager:0', 'taskmanager:1', 'jobmanager'),
  fc.integer({ min: 500, max: 16_000 }),
), { minLength: 1, maxLength: 3 }).map((xs) => xs.map(([f, t]) => `${f}@${t}`));

const MODES: [string, Record<string, string>][] = [
  ['aligned', {}],
  ['stop-the-world', { 'sim.checkpointing.algorithm': 'stop-the-world' }],
  ['unaligned', { 'execution.checkpointing.unaligned.enabled': 'true' }],
  ['aligned with timeout', { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '200 ms' }],
];
const modeArb = fc.constantFrom(...MODES.map(([, conf]) => conf));

const base = {
  'execution.checkpointing.interval': '1500 ms', 'execution.checkpointing.storage': 'filesystem',
  'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '1000', 'restart-strategy.fixed-delay.delay': '400 ms',
};

function run(conf: Record<string, string>, faults: string[], seed: number, scenario = 'default') {
  const sim = Simulation.create(builtinScenario(scenario)!, { seed, conf: { ...base, ...conf }, faults });
  const inv = watchInvariants(sim);
  let restoreChecks = 0;
  sim.subscribe((ev) => {
    if (ev.type !== 'job-restored' || ev.checkpointId === 0) return;
    const cp = latestCompleted(sim.state)!;
    expect(cp.id).toBe(ev.checkpointId);
    for (const ps of sim.state.plan.subtasks) {
      const stored: KeyedStateTable = cp.subtasks[ps.id]?.keyed ?? new Map();
      expect(sim.state.subtasks[ps.id].keyed).toEqual(stored);
      restoreChecks++;
    }
  });
  sim.runUntil(20_000);
  inv.finish();
  return { sim, oracle: computeOracle(sim.state), restoreChecks };
}

describe('recovery under random fault schedules', () => {
  it('regression: switching to stop-the-world after a restart, with a two-phase-commit sink, stays exactly-once', () => {
    // stop-the-world snapshots used to skip the sink's pre-commit
    const sim = Simulation.create(builtinScenario('default')!, { seed: 1, conf: { ...base, 'sim.sink.kind': 'two-phase-commit' }, faults: ['task:count/0@500'] });
    sim.runUntil(1000);
    sim.reconfigure({ ...base, 'sim.sink.kind': 'two-phase-commit', 'sim.checkpointing.algorithm': 'stop-the-world' });
    sim.runUntil(20_000);
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });

  it('regression (seeds 7104 and 1790): a sink that finishes while its ack is on the way does not pre-commit that checkpoint twice', () => {
    // the second transaction under the same name was taken for committed: its records were lost
    expect(run({ 'sim.sink.kind': 'two-phase-commit' }, ['task:count/0@500'], 7104).oracle.verdict).toBe('exactly-once');
    const conf = { ...base, 'sim.sink.kind': 'two-phase-commit' };
    const sim = Simulation.create(builtinScenario('default')!, { seed: 1790, conf, faults: ['task:count/0@500'] });
    sim.runUntil(1000);
    sim.reconfigure(conf);
    sim.runUntil(20_000);
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });

  it('regression (seed 7501): barriers of a checkpoint aborted by a settings change do not block a stop-the-world drain', () => {
    const conf = { ...base, 'sim.sink.kind': 'two-phase-commit' };
    const sim = Simulation.create(builtinScenario('default')!, { seed: 7501, conf, faults: ['task:count/0@11462'] });
    sim.runUntil(14_474);
    sim.reconfigure({ ...conf, 'sim.checkpointing.algorithm': 'stop-the-world' });
    sim.runUntil(20_000);
    expect(sim.state.coordinator.history.filter((h) => h.triggerTime > 14_474).some((h) => h.status === 'COMPLETED')).toBe(true);
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });

  it.each(MODES)('exactly-once mode (%s), replayable source, two-phase-commit or upsert sink: exactly-once under 200 fault schedules', (_name, mode) => {
    fc.assert(fc.property(faultArb, fc.constantFrom('two-phase-commit', 'upsert'), fc.integer({ min: 1, max: 10_000 }), (faults, sink, seed) => {
      const { oracle, sim } = run({ ...mode, 'sim.sink.kind': sink }, faults, seed);
      expect(sim.state.job.restarts).toBeGreaterThan(0);
      expect(oracle.verdict, `faults ${faults.join(', ')}: ${oracle.duplicates} duplicates, ${oracle.missing} missing`).toBe('exactly-once');
    }), { numRuns: 200 });
  });

  it('exactly-once still holds when the checkpointing mode changes mid-run', () => {
    const modes: Record<string, string>[] = [{}, { 'execution.checkpointing.unaligned.enabled': 'true' }, { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '200 ms' }, { 'sim.checkpointing.algorithm': 'stop-the-world' }];
    fc.assert(fc.property(faultArb, fc.constantFrom(...modes), fc.constantFrom(...modes), fc.integer({ min: 1000, max: 15_000 }), fc.integer({ min: 1, max: 10_000 }), (faults, from, to, at, seed) => {
      const conf = { ...base, 'sim.sink.kind': 'two-phase-commit', ...from };
      const sim = Simulation.create(builtinScenario('default')!, { seed, conf, faults });
      sim.runUntil(at);
      sim.reconfigure({ ...base, 'sim.sink.kind': 'two-phase-commit', ...to });
      sim.runUntil(20_000);
      expect(computeOracle(sim.state).verdict).toBe('exactly-once');
    }), { numRuns: 80 });
  });

  it('restored keyed state equals the checkpoint\'s, key group by key group', () => {
    fc.assert(fc.property(faultArb, modeArb, fc.integer({ min: 1, max: 10_000 }), (faults, mode, seed) => {
      const { restoreChecks, sim } = run(mode, faults, seed);
      if (sim.state.restores.length) expect(restoreChecks).toBeGreaterThan(0);
    }), { numRuns: 100 });
  });

  it.each<[string, Record<string, string>]>([
    ['at-least-once, two-phase-commit sink', { 'execution.checkpointing.mode': 'AT_LEAST_ONCE', 'sim.sink.kind': 'two-phase-commit' }],
    ['at-least-once, plain sink', { 'execution.checkpointing.mode': 'AT_LEAST_ONCE', 'sim.sink.kind': 'plain' }],
    ['exactly-once, plain sink', { 'sim.sink.kind': 'plain' }],
    ['unaligned, plain sink', { 'execution.checkpointing.unaligned.enabled': 'true', 'sim.sink.kind': 'plain' }],
  ])('%s: duplicates perhaps, loss never, under 200 fault schedules', (_name, mode) => {
    fc.assert(fc.property(faultArb, fc.integer({ min: 1, max: 10_000 }), (faults, seed) => {
      const { oracle } = run(mode, faults, seed);
      expect(oracle.missing).toBe(0);
      expect(['exactly-once', 'duplicates']).toContain(oracle.verdict);
    }), { numRuns: 200 });
  });

  it('a non-replayable source loses records: what was appended while the job was down never comes back', () => {
    fc.assert(fc.property(fc.constantFrom('task:count/0', 'task:source/0', 'taskmanager:1', 'jobmanager'), fc.integer({ min: 4000, max: 16_000 }), fc.integer({ min: 1, max: 10_000 }), (fault, at, seed) => {
      const { oracle } = run({ 'sim.source.kind': 'non-replayable', 'sim.sink.kind': 'two-phase-commit', 'restart-strategy.fixed-delay.delay': '2 s' }, [`${fault}@${at}`], seed);
      expect(oracle.missing).toBeGreaterThan(0);
    }), { numRuns: 60 });
  });

  it('without checkpointing the job restarts empty from the start of the log: a plain sink writes duplicates', () => {
    fc.assert(fc.property(fc.integer({ min: 4000, max: 16_000 }), fc.integer({ min: 1, max: 10_000 }), (at, seed) => {
      const { oracle, sim } = run({ 'execution.checkpointing.interval': '0 s', 'sim.sink.kind': 'plain' }, [`task:count/0@${at}`], seed);
      expect(sim.state.restores).toEqual([]);
      expect(sim.state.job.restarts).toBe(1);
      expect(oracle.duplicates).toBeGreaterThan(0);
      expect(oracle.missing).toBe(0);
    }), { numRuns: 30 });
  });
});
