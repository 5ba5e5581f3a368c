import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { RunRecorder } from './recorder';
import { CommandsError, decodeCommands } from './commandCodec';

const plan = () => Simulation.create(builtinScenario('default')!).state.plan;

describe('a run\'s commands as JSON', () => {
  it('a run replays exactly from scenario, seed, settings and its commands, carried as JSON', () => {
    const sim = Simulation.create(builtinScenario('default')!, { seed: 5 });
    const rec = new RunRecorder(sim.state);
    rec.advance(sim, 3000);
    rec.command(sim, { kind: 'trigger-checkpoint' });
    rec.advance(sim, 7000);
    rec.command(sim, { kind: 'fault', fault: { kind: 'task', subtask: 4 } });
    rec.advance(sim, 9000);
    rec.command(sim, { kind: 'set-config', conf: { 'execution.checkpointing.interval': '2 s', 'execution.checkpointing.unaligned.enabled': 'true' } });
    rec.advance(sim, 11_000);
    rec.command(sim, { kind: 'arm-fault', fault: { kind: 'jobmanager' }, when: { phase: 'completed', checkpointId: 5 } });
    rec.advance(sim, 30_000);

    const carried = decodeCommands(JSON.parse(JSON.stringify(rec.commands)), sim.state.plan);
    const again = Simulation.create(builtinScenario('default')!, { seed: 5 });
    const replay = new RunRecorder(again.state);
    replay.replay(again, carried, 30_000);
    expect(again.state.traceHash).toBe(sim.state.traceHash);
    expect(again.state.job.restarts).toBeGreaterThan(0);
  });

  it('names what is wrong', () => {
    expect(() => decodeCommands('nope', plan())).toThrow(CommandsError);
    expect(() => decodeCommands([{ at: -1, command: { kind: 'trigger-checkpoint' } }], plan())).toThrow(/commands\.0\.at/);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'explode' } }], plan())).toThrow(/commands\.0\.command\.kind/);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'fault', fault: { kind: 'task', subtask: 99 } } }], plan())).toThrow(/no subtask 99/);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'fault', fault: { kind: 'channel', channel: 999 } } }], plan())).toThrow(/no channel 999/);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'set-config', conf: { 'execution.checkpointing.mode': 'SOMETIMES' } } }], plan())).toThrow(/commands\.0: .*execution\.checkpointing\.mode/);
  });

  it('puts commands in time order', () => {
    const out = decodeCommands([{ at: 5, command: { kind: 'trigger-savepoint' } }, { at: 2, command: { kind: 'trigger-checkpoint' } }], plan());
    expect(out.map((c) => c.at)).toEqual([2, 5]);
  });
});
