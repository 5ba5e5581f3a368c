import type { SimState } from '../sim/state';
import { Conf } from '../config/conf';
import { logEndOffset, logSeed } from './sourceLog';
import { committedOffsetsOf } from './committedOffsets';

// Where a job submitted without a snapshot starts reading: KafkaSource's OffsetsInitializer.
// earliest() the first offset, latest() the log end offset at the start, committedOffsets(reset)
// the consumer group's committed offset, else the reset strategy's. A restore never asks: its
// offsets are the snapshot's.

export const STARTING_OFFSETS_KEY = 'sim.source.starting-offsets';
export const OFFSET_RESET_KEY = 'sim.source.offset-reset-strategy';
export type StartingOffsets = 'earliest' | 'latest' | 'committed-offsets';
export const STARTING_OFFSETS: readonly StartingOffsets[] = ['earliest', 'latest', 'committed-offsets'];

/** Where each partition of each source starts, for a job starting at `state.now`; sets the readers' offsets. */
export function applyStartingOffsets(state: SimState, initializer?: StartingOffsets): void {
  const conf = new Conf(state.config.raw);
  const how = initializer ?? (conf.text(STARTING_OFFSETS_KEY) as StartingOffsets);
  const reset = conf.text(OFFSET_RESET_KEY) === 'latest' ? 'latest' : 'earliest';
  for (const op of state.plan.operators) {
    if (op.kind !== 'source') continue;
    const params = op.params.source!;
    const seed = logSeed(state.seed, op.index);
    const committed = committedOffsetsOf(state, op.id);
    const latest = (p: number) => logEndOffset(params, seed, p, state.now);
    for (const sid of op.subtasks) {
      const src = state.subtasks[sid].source!;
      for (const p of src.partitions) {
        // a socket cannot rewind: whatever the initializer, it reads what arrives from now on
        if (!params.replayable) src.offsets[p] = latest(p);
        else if (how === 'latest') src.offsets[p] = latest(p);
        else if (how === 'committed-offsets') src.offsets[p] = committed.get(p)?.offset ?? (reset === 'latest' ? latest(p) : 0);
        else src.offsets[p] = 0;
      }
    }
  }
}
