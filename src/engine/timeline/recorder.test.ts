import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { RunRecorder } from './recorder';

function fresh(conf: Record<string, string> = {}) {
  const sim = Simulation.create(builtinScenario('default')!, { conf });
  return { sim, rec: new RunRecorder(sim.state, { keyframeEveryMs: 1000, maxKeyframes: 16 }) };
}

describe('time travel', () => {
  it('seeking anywhere gives exactly the state the run had there', () => {
    const { sim, rec } = fresh();
    const reference = Simulation.create(builtinScenario('default')!);
    rec.advance(sim, 40_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: 40_000 }), (t) => {
      const seen = rec.seek(t);
      const ref = Simulation.create(builtinScenario('default')!);
      ref.runUntil(t);
      expect(seen.state.traceHash).toBe(ref.state.traceHash);
      expect(seen.now).toBe(t);
    }), { numRuns: 30 });
    reference.runUntil(40_000);
    expect(sim.state.traceHash).toBe(reference.state.traceHash);
  });

  it('keyframes are thinned so memory stays bounded', () => {
    const { sim, rec } = fresh();
    rec.advance(sim, 120_000);
    expect(rec.keyframes.length).toBeLessThanOrEqual(16);
    expect(rec.keyframes[0].time).toBe(0);
    expect(rec.keyframes[rec.keyframes.length - 1].time).toBeGreaterThan(60_000);
  });

  it('keyframes stay within their byte budget however long the run, and seeking still works', () => {
    const sim = Simulation.create(builtinScenario('default')!);
    const rec = new RunRecorder(sim.state, { maxKeyframeBytes: 12 * 2 ** 20 });
    rec.advance(sim, 900_000);
    expect(rec.keyframeBytes()).toBeLessThanOrEqual(12 * 2 ** 20);
    expect(rec.keyframes.length).toBeGreaterThanOrEqual(8);
    const ref = Simulation.create(builtinScenario('default')!);
    ref.runUntil(456_789);
    expect(rec.seek(456_789).state.traceHash).toBe(ref.state.traceHash);
  });

  it('commands replay at their times when seeking, and a command in the past forks the run', () => {
    const { sim, rec } = fresh({ 'execution.checkpointing.interval': '2 s' });
    rec.advance(sim, 6000);
    rec.command(sim, { kind: 'fault', fault: { kind: 'task', subtask: 5 } });
    rec.advance(sim, 20_000);
    const after = rec.seek(15_000);
    expect(after.state.job.restarts).toBe(1);
    const before = rec.seek(5000);
    expect(before.state.job.restarts).toBe(0);
    // intervene at 5 s: the kill at 6 s is gone, the future discarded
    const { forked } = rec.command(before, { kind: 'trigger-checkpoint' });
    expect(forked).toBe(true);
    expect(rec.headTime).toBe(5000);
    expect(rec.commands.map((c) => c.command.kind)).toEqual(['trigger-checkpoint']);
    rec.advance(before, 20_000);
    expect(before.state.job.restarts).toBe(0);
    expect(rec.seek(20_000).state.traceHash).toBe(before.state.traceHash);
  });

  it('a command given at a keyframe\'s instant is applied once, not twice', () => {
    const { sim, rec } = fresh({ 'execution.checkpointing.interval': '1 h' });
    rec.advance(sim, 3000); // a keyframe is taken at exactly 3000
    rec.command(sim, { kind: 'trigger-checkpoint' });
    rec.advance(sim, 9000);
    expect(rec.keyframes.some((k) => k.time === 3000 && k.commands === 0)).toBe(true);
    expect(rec.seek(3500).state.coordinator.history.length).toBe(1);
    const again = rec.seek(9000);
    expect(again.state.coordinator.history.length).toBe(1);
    expect(again.state.traceHash).toBe(sim.state.traceHash);
  });

  it('a setting changed mid-run is a command: it replays, and refuses what shapes the job', () => {
    const { sim, rec } = fresh({ 'execution.checkpointing.interval': '2 s' });
    rec.advance(sim, 5000);
    rec.command(sim, { kind: 'set-config', conf: { 'execution.checkpointing.interval': '2 s', 'execution.checkpointing.unaligned.enabled': 'true' } });
    rec.advance(sim, 15_000);
    expect(sim.state.coordinator.history.some((h) => h.type === 'UNALIGNED_CHECKPOINT')).toBe(true);
    expect(sim.state.coordinator.history.filter((h) => h.triggerTime < 5000).every((h) => h.type === 'CHECKPOINT')).toBe(true);
    expect(rec.seek(15_000).state.traceHash).toBe(sim.state.traceHash);
    expect(() => rec.command(sim, { kind: 'set-config', conf: { 'sim.sink.kind': 'upsert' } })).toThrow(/shape the job itself/);
    expect(rec.commands).toHaveLength(1);
  });

  it('steps back one event', () => {
    const { sim, rec } = fresh();
    rec.advance(sim, 5000);
    const t = rec.previousEventTime(5000);
    expect(t).toBeLessThan(5000);
    const s = rec.seek(t);
    // no event lies between t and 5000: t was the last one before it
    expect(s.nextEventTime()).toBeGreaterThanOrEqual(5000);
  });

  it('whatever the user does (play, step, seek back, act), the run replays exactly from its commands', () => {
    // found by the share-link e2e test: a command given after a step, between two events of the
    // same instant, used to replay after all of them
    const action = fc.oneof(
      fc.record({ kind: fc.constant('play' as const), ms: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ kind: fc.constant('step' as const), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('seek' as const), back: fc.integer({ min: 0, max: 4000 }) }),
      fc.record({ kind: fc.constant('kill' as const), subtask: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('checkpoint' as const) }),
    );
    fc.assert(fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
      const conf = { 'execution.checkpointing.interval': '2 s' };
      let sim = Simulation.create(builtinScenario('default')!, { seed, conf });
      const rec = new RunRecorder(sim.state);
      for (const a of actions) {
        if (a.kind === 'play') rec.advance(sim, sim.now + a.ms);
        else if (a.kind === 'step') for (let i = 0; i < a.n; i++) rec.stepOne(sim);
        else if (a.kind === 'seek') sim = rec.seek(sim.now - a.back);
        else if (sim.state.job.status === 'RUNNING') rec.command(sim, a.kind === 'kill' ? { kind: 'fault', fault: { kind: 'task', subtask: a.subtask } } : { kind: 'trigger-checkpoint' });
      }
      rec.advance(sim, sim.now + 2000);
      sim.runUntil(sim.now); // the instant the run stopped in, completed
      const again = Simulation.create(builtinScenario('default')!, { seed, conf });
      const replay = new RunRecorder(again.state);
      replay.replay(again, JSON.parse(JSON.stringify(rec.commands)), sim.now);
      expect(again.state.traceHash).toBe(sim.state.traceHash);
    }), { numRuns: 60 });
  });
});
