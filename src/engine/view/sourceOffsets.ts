import type { SimState } from '../sim/state';
import type { CommittedOffset } from '../checkpoint/types';
import { logEndOffset, logSeed } from '../runtime/sourceLog';
import { committedOffsetsOf } from '../runtime/committedOffsets';
import { sharedFileInUse, sharedFileOwner, type SharedFileOwner } from '../checkpoint/sharedState';

// What the page shows of a source's offsets and of RocksDB's shared files, read from the state.

export interface PartitionOffsets {
  partition: number;
  /** records appended to the topic's partition so far (Kafka's log end offset) */
  logEnd: number;
  /** the next offset the reader reads; null when no running reader owns the partition */
  reading: number | null;
  /** the next offset stored by the latest completed checkpoint (what a restore reads from) */
  checkpointed: number | null;
  committed: CommittedOffset | null;
}

export interface SourceOffsetsView {
  operatorId: string;
  name: string;
  topic: string;
  /** the checkpoint the `checkpointed` column comes from */
  checkpointId: number | null;
  partitions: PartitionOffsets[];
}

export function sourceOffsetsView(state: SimState): SourceOffsetsView[] {
  const latest = state.coordinator.retained.at(-1) ?? null;
  const ended = state.job.status === 'CANCELED' || state.job.status === 'FAILED';
  return state.plan.operators.filter((op) => op.kind === 'source').map((op) => {
    const params = op.params.source!;
    const seed = logSeed(state.seed, op.index);
    const committed = committedOffsetsOf(state, op.id);
    const reading = new Map<number, number>();
    const checkpointed = new Map<number, number>();
    for (const sid of op.subtasks) {
      const src = state.subtasks[sid].source;
      if (src && !ended) for (const p of src.partitions) reading.set(p, src.offsets[p]);
      const stored = (latest?.subtasks[sid]?.operator.SourceReaderState ?? []) as { partition: number; offset: number }[];
      for (const x of stored) checkpointed.set(x.partition, x.offset);
    }
    return {
      operatorId: op.id, name: op.name, topic: params.topic, checkpointId: latest?.id ?? null,
      partitions: Array.from({ length: params.partitions }, (_, p) => ({
        partition: p, logEnd: logEndOffset(params, seed, p, state.now), reading: reading.get(p) ?? null,
        checkpointed: checkpointed.get(p) ?? null, committed: committed.get(p) ?? null,
      })),
    };
  });
}

export interface SharedFileView {
  name: string;
  bytes: number;
  createdBy: number;
  lastUsedBy: number;
  owner: SharedFileOwner;
  /** a retained checkpoint of the job references it */
  inUse: boolean;
  /** Flink deletes it once no retained checkpoint uses it: only the job's own files */
  mayBeDeletedByFlink: boolean;
}

export function sharedFilesView(state: SimState): SharedFileView[] {
  const c = state.coordinator;
  return [...c.sharedFiles].map(([name, f]) => {
    const owner = sharedFileOwner(c, f.createdBy);
    return { name, bytes: f.bytes, createdBy: f.createdBy, lastUsedBy: f.lastUsedBy, owner, inUse: sharedFileInUse(c, f.lastUsedBy), mayBeDeletedByFlink: owner === 'job' };
  }).sort((a, b) => a.createdBy - b.createdBy || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
