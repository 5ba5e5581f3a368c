import { describe, expect, it } from 'vitest';
import { builtinScenario, formatTraceHash, RunRecorder, Simulation, type RecordedCommand } from '../engine';
import { createAppStore } from './appStore';
import { compareConf, compareSearchParams, readCompareParams } from './compareParams';
import { readPageParams } from './urlParams';

const UNALIGNED = 'execution.checkpointing.unaligned.enabled';

/** One run on its own: the scenario, seed, settings and commands, replayed to `t`. */
function alone(scenario: string, conf: Record<string, string>, t: number, commands: RecordedCommand[] = [], seed?: number): string {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf, seed });
  return formatTraceHash(new RunRecorder(sim.state).replay(sim, commands, t).state.traceHash);
}

/** The store a page makes of a link. */
function openLink(search: string) {
  const params = readPageParams(search);
  const b = readCompareParams(search, params.problems);
  const store = createAppStore({ scenarioId: params.scenarioId, seed: params.seed, conf: params.conf, run: params.run, at: params.at, notices: params.problems, b }, { scheduler: 'sync' });
  return store;
}

const hashOf = (sim: Simulation) => formatTraceHash(sim.state.traceHash);

describe('b. parameters', () => {
  it('reads b.conf, b.seed and b.run with the checks of the plain ones; bad ones are reported and ignored', () => {
    const problems: string[] = [];
    const b = readCompareParams(`?scenario=backpressure&conf.${UNALIGNED}=false&b.conf.${UNALIGNED}=true&b.seed=7&b.conf.no.such.key=1&b.conf.execution.checkpointing.interval=soon&b.scenario=wide`, problems)!;
    expect(b.conf).toEqual({ [UNALIGNED]: 'true' });
    expect(b.seed).toBe(7);
    expect(problems.join('\n')).toMatch(/no\.such\.key/);
    expect(problems.join('\n')).toMatch(/interval/);
    expect(problems.join('\n')).toMatch(/"b\.scenario".*same scenario/);
    expect(readCompareParams('?scenario=backpressure&seed=3', [])).toBeUndefined();
  });

  it('bounds what it reads: a seed that is no integer, too many keys, a key given twice', () => {
    const problems: string[] = [];
    const many = Array.from({ length: 300 }, (_, i) => `b.conf.k${i}=1`).join('&');
    const b = readCompareParams(`?b.seed=1e999&${many}&b.conf.${UNALIGNED}=true&b.conf.${UNALIGNED}=false`, problems)!;
    expect(b.seed).toBeUndefined();
    expect(b.conf).toEqual({});
    expect(problems.some((p) => /b\.seed/.test(p))).toBe(true);
    expect(problems.some((p) => /b\.conf\.\* parameters/.test(p))).toBe(true);
  });

  it('B is A overridden, and the link carries only what differs, back to the same runs', () => {
    const a = { seed: 3, conf: { 'execution.checkpointing.interval': '2 s', 'state.backend.type': 'rocksdb' } };
    const bConf = { 'execution.checkpointing.interval': '2 s', [UNALIGNED]: 'true' };
    const commands: RecordedCommand[] = [{ at: 1500, command: { kind: 'trigger-checkpoint' } }];
    const params = new URLSearchParams(compareSearchParams(a, { seed: 3, conf: bConf, commands }));
    expect(params.get('b.seed')).toBeNull();
    expect(params.get(`b.conf.${UNALIGNED}`)).toBe('true');
    expect(params.get('b.conf.state.backend.type')).toBe('');
    expect(params.has('b.conf.execution.checkpointing.interval')).toBe(false);
    const read = readCompareParams(`?${params}`, [])!;
    expect(compareConf(a.conf, read)).toEqual(bConf);
    expect(read.run).toEqual(commands);
    // the very same settings still open a comparison
    expect(readCompareParams(`?${new URLSearchParams(compareSearchParams(a, { ...a, commands: [] }))}`, [])).toBeDefined();
  });
});

describe('a comparison from a link', () => {
  it('opens two runs of the scenario under one clock; they stay in step playing, seeking and stepping, each as it runs alone', () => {
    const store = openLink(`?scenario=backpressure&b.conf.${UNALIGNED}=true`);
    const s0 = store.getState();
    expect(s0.runs.b).toBeDefined();
    expect(s0.runs.b!.scenarioId).toBe('backpressure');
    expect(s0.runs.b!.conf).toEqual({ [UNALIGNED]: 'true' });
    const check = () => {
      const s = store.getState();
      expect(s.runs.a.sim.now).toBe(s.clock.displayTime);
      expect(s.runs.b!.sim.now).toBe(s.clock.displayTime);
      expect(hashOf(s.runs.a.sim)).toBe(alone('backpressure', {}, s.clock.displayTime));
      expect(hashOf(s.runs.b!.sim)).toBe(alone('backpressure', { [UNALIGNED]: 'true' }, s.clock.displayTime));
    };
    s0.clockActions.play();
    for (let i = 0; i < 90; i++) store.getState().clockActions.advance(100);
    check();
    expect(store.getState().runs.a.sim.state.traceHash).not.toBe(store.getState().runs.b!.sim.state.traceHash);
    store.getState().clockActions.setSpeed(0);
    for (let i = 0; i < 10; i++) store.getState().clockActions.advance(400);
    check();
    store.getState().clockActions.seek(2500);
    expect(store.getState().clock.displayTime).toBe(2500);
    check();
    for (let i = 0; i < 7; i++) store.getState().clockActions.step();
    check();
    store.getState().clockActions.stepBack();
    check();
  });

  it('opens at the link\'s moment with both runs there, and B replays its own commands', () => {
    const commands: RecordedCommand[] = [{ at: 2000, command: { kind: 'fault', fault: { kind: 'task', subtask: 3 } } }];
    const b = new URLSearchParams(compareSearchParams({ seed: undefined, conf: {} }, { seed: 5, conf: { [UNALIGNED]: 'true' }, commands }));
    const store = openLink(`?scenario=backpressure&t=4000&${b}`);
    const s = store.getState();
    expect(s.clock.displayTime).toBe(4000);
    expect(s.runs.a.sim.now).toBe(4000);
    expect(s.runs.b!.sim.now).toBe(4000);
    expect(s.runs.b!.seed).toBe(5);
    expect(s.runs.b!.commands).toEqual(commands);
    expect(hashOf(s.runs.b!.sim)).toBe(alone('backpressure', { [UNALIGNED]: 'true' }, 4000, commands, 5));
    expect(hashOf(s.runs.a.sim)).toBe(alone('backpressure', {}, 4000));
  });
});

describe('commands to both runs', () => {
  it('a command sent to both strikes both at the same simulated moment; each run hashes as it would alone', () => {
    const store = openLink(`?scenario=backpressure&b.conf.${UNALIGNED}=true`);
    store.getState().clockActions.play();
    for (let i = 0; i < 25; i++) store.getState().clockActions.advance(100);
    // event by event: the clock may stop between two events of one instant
    store.getState().clockActions.step();
    store.getState().clockActions.step();
    store.getState().compareActions.setToBoth(true);
    store.getState().runs.a.actions.injectFault({ kind: 'task', subtask: 3 });
    store.getState().clockActions.step();
    store.getState().runs.b!.actions.triggerCheckpoint();
    store.getState().runs.a.actions.armFault({ kind: 'taskmanager', index: 0 }, { phase: 'acknowledged', checkpointId: 9, subtask: 1 });
    let s = store.getState();
    expect(s.runs.a.commands).toHaveLength(3);
    expect(s.runs.b!.commands).toEqual(s.runs.a.commands);
    for (const [i, c] of s.runs.a.commands.entries()) expect(s.runs.b!.commands[i].at).toBe(c.at);
    s.clockActions.play();
    for (let i = 0; i < 40; i++) store.getState().clockActions.advance(100);
    s = store.getState();
    const t = s.clock.displayTime;
    expect(s.runs.a.sim.state.job.restarts).toBeGreaterThan(0);
    expect(s.runs.b!.sim.state.job.restarts).toBeGreaterThan(0);
    expect(hashOf(s.runs.a.sim)).toBe(alone('backpressure', {}, t, s.runs.a.commands));
    expect(hashOf(s.runs.b!.sim)).toBe(alone('backpressure', { [UNALIGNED]: 'true' }, t, s.runs.b!.commands));
    // to one run only, when the choice is off
    s.compareActions.setToBoth(false);
    s.runs.b!.actions.triggerCheckpoint();
    expect(store.getState().runs.b!.commands).toHaveLength(4);
    expect(store.getState().runs.a.commands).toHaveLength(3);
  });

  it('opening from the current run takes its failures along, not its settings changes, and closes with another scenario', () => {
    const store = createAppStore({ scenarioId: 'backpressure' }, { scheduler: 'sync' });
    store.getState().clockActions.play();
    for (let i = 0; i < 20; i++) store.getState().clockActions.advance(100);
    store.getState().runs.a.actions.injectFault({ kind: 'task', subtask: 2 });
    store.getState().runs.a.actions.applySettings({ 'execution.checkpointing.interval': '5 s' });
    expect(store.getState().compareActions.open({ [UNALIGNED]: 'true' })).toBe(true);
    const s = store.getState();
    expect(s.runs.b!.commands.map((c) => c.command.kind)).toEqual(['fault']);
    expect(s.runs.b!.sim.now).toBe(s.clock.displayTime);
    expect(store.getState().compareActions.open({ 'no.such.key': '1' })).toBe(false);
    expect(store.getState().notices.at(-1)).toMatch(/Could not compare/);
    store.getState().runs.a.actions.load('wide');
    expect(store.getState().runs.b).toBeUndefined();
  });
});
