import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { ReplayError, RunRecorder } from './recorder';
import { CommandsError, decodeCommands } from './commandCodec';

// Cancel and submit again are commands of the run: a link replays them to the same run.

const conf = {
  'execution.checkpointing.interval': '2 s', 'execution.checkpointing.storage': 'filesystem', 'state.backend.type': 'rocksdb',
  'execution.checkpointing.incremental': 'true', 'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
};

function runWithResubmit() {
  let sim = Simulation.create(builtinScenario('default')!, { seed: 5, conf });
  const rec = new RunRecorder(sim.state);
  sim = rec.advance(sim, 7000);
  sim = rec.command(sim, { kind: 'cancel' }).sim;
  sim = rec.advance(sim, 9000);
  sim = rec.command(sim, { kind: 'submit', startingOffsets: 'committed-offsets' }).sim;
  sim = rec.advance(sim, 14_000);
  sim = rec.command(sim, { kind: 'cancel' }).sim;
  const snapshotId = sim.state.coordinator.retained.at(-1)!.id;
  sim = rec.command(sim, { kind: 'submit', snapshotId, claimMode: 'CLAIM' }).sim;
  sim = rec.advance(sim, 20_000);
  return { sim, rec };
}

describe('cancel and submit are commands of the run', () => {
  it('replay from JSON to the same trace hash', () => {
    const { sim, rec } = runWithResubmit();
    expect(sim.state.job.generation).toBe(2);
    const again = Simulation.create(builtinScenario('default')!, { seed: 5, conf });
    const carried = decodeCommands(JSON.parse(JSON.stringify(rec.commands)), again.state.plan);
    const replayed = new RunRecorder(again.state).replay(again, carried, 20_000);
    expect(replayed.state.traceHash).toBe(sim.state.traceHash);
    expect(replayed.state.coordinator.sharedFiles).toEqual(sim.state.coordinator.sharedFiles);
    // seeking into the middle job gives it exactly as it ran
    expect(rec.seek(12_000).state.job.generation).toBe(1);
  });

  it('a link with a bad submit is refused with what is wrong', () => {
    const plan = Simulation.create(builtinScenario('default')!, { conf }).state.plan;
    expect(() => decodeCommands([{ at: 1, command: { kind: 'submit', claimMode: 'LEGACY' } }], plan)).toThrow(CommandsError);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'submit', snapshotId: -2 } }], plan)).toThrow(/snapshotId/);
    expect(() => decodeCommands([{ at: 1, command: { kind: 'submit', extra: 1 } }], plan)).toThrow(/extra|Unrecognized/);
  });

  it('a submit while the job runs is refused on replay, and the run stops right before it', () => {
    const sim = Simulation.create(builtinScenario('default')!, { conf });
    const rec = new RunRecorder(sim.state);
    expect(() => rec.replay(sim, [{ at: 3000, command: { kind: 'submit' } }], 5000)).toThrow(ReplayError);
  });
});
