import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { checkCommands } from './dryCheck';

const initial = () => Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s' } }).state;

describe('a link\'s commands tried on the job before the replay', () => {
  it('refuses a setting that reshapes the job, naming the command', () => {
    expect(() => checkCommands(initial(), [{ at: 500, command: { kind: 'set-config', conf: { 'sim.sink.kind': 'upsert' } } }])).toThrow(/commands\.0 \(set-config at 500 ms\): .*shape the job itself/);
  });
  it('refuses a restore whose parallelism builds no valid job', () => {
    // count -> sink is a forward edge: the sink must follow
    expect(() => checkCommands(initial(), [{ at: 1, command: { kind: 'restore', snapshotId: 1, parallelism: { count: 3 }, allowNonRestoredState: false } }])).toThrow(/commands\.0 \(restore/);
  });
  it('lets through what the running job accepts, and leaves the state it was given alone', () => {
    const state = initial();
    const hash = state.traceHash;
    checkCommands(state, [
      { at: 500, command: { kind: 'set-config', conf: { 'execution.checkpointing.interval': '1 s' } } },
      { at: 900, command: { kind: 'restore', snapshotId: 1, parallelism: { count: 3, sink: 3 }, allowNonRestoredState: false } },
      { at: 900, command: { kind: 'trigger-checkpoint' } },
    ]);
    expect(state.traceHash).toBe(hash);
    expect(state.config.raw['execution.checkpointing.interval']).toBe('2 s');
  });
});
