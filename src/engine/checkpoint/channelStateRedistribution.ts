import type { Rec } from '../model/types';
import type { SimState } from '../sim/state';
import { assignKeyToParallelOperator } from '../kernels/keyGroups';
import type { CompletedCheckpoint } from './types';

// The in-flight records of an unaligned checkpoint, restored into a job with other parallelism.
// Every record was on its way from a producer subtask to a consumer subtask over one edge; in the
// new job it goes where that edge's partitioner sends it now: by key group for a keyBy, to the
// same index for a forward edge, to the same consumer (modulo the new parallelism) for a
// rebalance. The producer end is the old producer's index modulo the new parallelism, so the
// records of one old channel keep their order. Per old channel the consumer's input channel state
// comes first, then the producer's output channel state (the later records).

export class ChannelStateRescaleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelStateRescaleError';
  }
}

/** New consumer subtask id -> new channel id -> records, to be restored as input channel state. */
export type RedistributedChannelState = Map<number, Map<number, Rec[]>>;

export function redistributeChannelState(old: SimState, snap: CompletedCheckpoint, next: SimState): RedistributedChannelState {
  const out: RedistributedChannelState = new Map();
  for (const oc of old.plan.channels) {
    const recs = [
      ...(snap.subtasks[oc.to]?.inputChannelState[oc.id] ?? []),
      ...(snap.subtasks[oc.from]?.outputChannelState[oc.id] ?? []),
    ];
    if (!recs.length) continue;
    const fromPs = old.plan.subtasks[oc.from];
    const toPs = old.plan.subtasks[oc.to];
    const fromId = old.plan.operators[fromPs.operator].id;
    const toId = old.plan.operators[toPs.operator].id;
    const newTo = next.plan.operators.find((o) => o.id === toId);
    if (!newTo) continue; // its consumer is gone with its state (allow-non-restored-state was checked)
    const newFrom = next.plan.operators.find((o) => o.id === fromId);
    const edge = next.scenario.edges.find((e) => e.from === fromId && e.to === toId);
    if (!newFrom || !edge) throw new ChannelStateRescaleError(`in-flight records of checkpoint ${snap.id} travel ${fromId} -> ${toId}, an edge the new job does not have`);
    const producerIndex = fromPs.index % newFrom.parallelism;
    const producer = newFrom.subtasks[producerIndex];
    const consumerIndexOf = (rec: Rec): number => {
      switch (edge.partitioner) {
        case 'hash': return assignKeyToParallelOperator(rec.key, newTo.maxParallelism, newTo.parallelism);
        case 'forward': return producerIndex;
        case 'rebalance': return toPs.index % newTo.parallelism;
        case 'broadcast':
          if (newTo.parallelism !== old.plan.operators[toPs.operator].parallelism || newFrom.parallelism !== old.plan.operators[fromPs.operator].parallelism) {
            throw new ChannelStateRescaleError(`in-flight records of checkpoint ${snap.id} on the broadcast edge ${fromId} -> ${toId} cannot be redistributed to another parallelism`);
          }
          return toPs.index;
      }
    };
    for (const rec of recs) {
      const consumer = newTo.subtasks[consumerIndexOf(rec)];
      const channel = next.plan.channels.find((c) => c.from === producer && c.to === consumer);
      if (!channel) throw new ChannelStateRescaleError(`no channel from ${next.plan.subtasks[producer].name} to ${next.plan.subtasks[consumer].name} for in-flight records of checkpoint ${snap.id}`);
      const byChannel = out.get(consumer) ?? new Map<number, Rec[]>();
      out.set(consumer, byChannel);
      byChannel.set(channel.id, [...(byChannel.get(channel.id) ?? []), rec]);
    }
  }
  return out;
}
