import { describe, expect, it } from 'vitest';
import { builtinScenario, formatTraceHash, RunRecorder, Simulation, type RecordedCommand } from '../engine';
import { createAppStore } from './appStore';
import { pageSearch, readPageParams } from './urlParams';

const aligned = { 'execution.checkpointing.interval': '2 s' };
const unaligned = { ...aligned, 'execution.checkpointing.unaligned.enabled': 'true' };

/** The trace hash of one run on its own: scenario, seed, settings and commands, replayed to `t`. */
function alone(conf: Record<string, string>, t: number, commands: RecordedCommand[] = []): string {
  const sim = Simulation.create(builtinScenario('default')!, { conf });
  return formatTraceHash(new RunRecorder(sim.state).replay(sim, commands, t).state.traceHash);
}

describe('two runs under one clock', () => {
  it('play, seek and step move both to the same moment, each exactly as it would run alone', () => {
    const store = createAppStore({ conf: aligned }, { scheduler: 'sync' });
    expect(store.getState().addRun('b', { scenarioId: 'default', customScenario: null, seed: undefined, conf: unaligned })).toBe(true);
    const { clockActions } = store.getState();
    const check = () => {
      const s = store.getState();
      const t = s.clock.displayTime;
      expect(s.runs.a.sim.now).toBe(t);
      expect(s.runs.b!.sim.now).toBe(t);
      expect(formatTraceHash(s.runs.a.sim.state.traceHash)).toBe(alone(aligned, t));
      expect(formatTraceHash(s.runs.b!.sim.state.traceHash)).toBe(alone(unaligned, t));
    };
    clockActions.play();
    for (let i = 0; i < 60; i++) store.getState().clockActions.advance(100);
    expect(store.getState().clock.displayTime).toBeGreaterThan(3000);
    check();
    // the runs differ: unaligned checkpoints take other paths
    expect(store.getState().runs.a.sim.state.traceHash).not.toBe(store.getState().runs.b!.sim.state.traceHash);
    clockActions.seek(1234);
    expect(store.getState().clock.displayTime).toBe(1234);
    check();
    for (let i = 0; i < 5; i++) clockActions.step();
    expect(store.getState().clock.displayTime).toBeGreaterThan(1234);
    check();
    clockActions.stepBack();
    check();
  });

  it('a command acts on its own run only, and a run added later catches up with the clock', () => {
    const store = createAppStore({ conf: aligned }, { scheduler: 'sync' });
    store.getState().clockActions.play();
    for (let i = 0; i < 30; i++) store.getState().clockActions.advance(100);
    const t = store.getState().clock.displayTime;
    store.getState().addRun('b', { scenarioId: 'default', customScenario: null, seed: undefined, conf: aligned });
    expect(store.getState().runs.b!.sim.now).toBe(t);
    store.getState().runs.b!.actions.injectFault({ kind: 'task', subtask: 4 });
    expect(store.getState().runs.b!.commands).toHaveLength(1);
    expect(store.getState().runs.a.commands).toHaveLength(0);
    // log ids are per run: each run's log has unique ids
    const ids = store.getState().runs.b!.log.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a restore in a link', () => {
  it('travels in the link and a reload replays it to the same trace hash; seeking either side works', () => {
    const store = createAppStore({ conf: aligned }, { scheduler: 'sync' });
    const play = (ms: number) => {
      store.getState().clockActions.play();
      for (let i = 0; i < ms / 100; i++) store.getState().clockActions.advance(100);
      store.getState().clockActions.pause();
    };
    play(7000);
    const run = () => store.getState().runs.a;
    const snapshotId = run().sim.state.coordinator.retained.at(-1)!.id;
    expect(run().actions.restoreFrom(snapshotId, { count: 3, sink: 3 }, false)).toBe(true);
    const restoredAt = store.getState().clock.displayTime;
    expect(run().rescale?.snapshotId).toBe(snapshotId);
    expect(run().log.some((l) => l.text.startsWith(`New job started from ${snapshotId}`))).toBe(true);
    play(5000);
    // a link carries t to the microsecond: show a whole millisecond
    store.getState().clockActions.seek(Math.floor(store.getState().clock.displayTime));
    const t = store.getState().clock.displayTime;
    const hash = run().sim.state.traceHash;
    const { scenarioId, seed, conf, commands, customScenario } = run();
    expect(commands.map((c) => c.command.kind)).toEqual(['restore']);

    const params = readPageParams(pageSearch(scenarioId, seed, conf, { commands, at: t }, customScenario));
    expect(params.problems).toEqual([]);
    const reloaded = createAppStore({ ...params, notices: params.problems }, { scheduler: 'sync' });
    const again = () => reloaded.getState().runs.a;
    expect(reloaded.getState().notices).toEqual([]);
    expect(reloaded.getState().clock.displayTime).toBe(t);
    expect(again().sim.state.traceHash).toBe(hash);
    expect(again().rescale?.snapshotId).toBe(snapshotId);

    reloaded.getState().clockActions.seek(restoredAt - 1000);
    expect(again().sim.state.plan.operators.find((o) => o.id === 'count')!.parallelism).toBe(2);
    expect(again().rescale).toBeNull();
    reloaded.getState().clockActions.seek(t);
    expect(again().sim.state.traceHash).toBe(hash);
    expect(again().sim.state.plan.operators.find((o) => o.id === 'count')!.parallelism).toBe(3);
  });

  it('a command the job cannot apply stops the run there with a notice; playback never sticks', () => {
    // a restore from a snapshot that never exists: decoding passes, the replay refuses it
    const run = [{ at: 1000, command: { kind: 'trigger-checkpoint' } }, { at: 3000, command: { kind: 'restore', snapshotId: 99, parallelism: {}, allowNonRestoredState: false } }];
    const store = createAppStore({ conf: aligned, run, at: 8000 }, { scheduler: 'sync' });
    const s = store.getState();
    expect(s.notices.join(' ')).toMatch(/restore from 99.*could not be applied/);
    expect(s.clock.displayTime).toBe(3000);
    expect(s.clock.playing).toBe(false);
    expect(s.runs.a.commands).toHaveLength(1);
    s.clockActions.play();
    for (let i = 0; i < 5; i++) store.getState().clockActions.advance(100);
    expect(store.getState().clock.displayTime).toBeGreaterThan(3000);
  });

  it('a setting that reshapes the job is refused before the replay, as on the page', () => {
    const run = [{ at: 1000, command: { kind: 'set-config', conf: { 'sim.sink.kind': 'upsert' } } }];
    const store = createAppStore({ conf: aligned, run, at: 2000 }, { scheduler: 'sync' });
    expect(store.getState().notices.join(' ')).toMatch(/commands\.0 \(set-config at 1000 ms\).*shape the job itself/);
    expect(store.getState().runs.a.commands).toHaveLength(0);
  });
});
