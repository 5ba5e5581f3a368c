import type { CompletedCheckpoint, CoordinatorState } from './types';

// Flink's SharedStateRegistry for RocksDB incremental checkpoints: a shared file is registered
// when a checkpoint that references it completes, and deleted once no retained checkpoint
// references it any more (lastUsedBy below the lowest retained id). A file of a snapshot restored
// in NO_CLAIM mode (created by a checkpoint up to highestNotClaimedCheckpointID) stays the user's:
// Flink stops using it but never deletes it.

export type SharedFileOwner = 'job' | 'user';

export function registerSharedFiles(c: CoordinatorState, cp: CompletedCheckpoint): void {
  for (const snap of Object.values(cp.subtasks)) {
    for (const file of snap.files) {
      const entry = c.sharedFiles.get(file.name);
      if (entry) entry.lastUsedBy = Math.max(entry.lastUsedBy, cp.id);
      else c.sharedFiles.set(file.name, { bytes: file.bytes, createdBy: cp.id, lastUsedBy: cp.id });
    }
  }
}

/** Who owns a shared file: the user (a snapshot restored without claiming it) or the job. */
export function sharedFileOwner(c: CoordinatorState, createdBy: number): SharedFileOwner {
  return c.notClaimedUpTo !== undefined && createdBy <= c.notClaimedUpTo ? 'user' : 'job';
}

/** Whether the job still references the file (a retained checkpoint uses it). */
export function sharedFileInUse(c: CoordinatorState, lastUsedBy: number): boolean {
  return c.retained.length > 0 && lastUsedBy >= c.retained[0].id;
}

/** Deletes the job's files no retained checkpoint uses; returns their names. The user's stay. */
export function releaseSharedFiles(c: CoordinatorState): string[] {
  if (!c.retained.length) return [];
  const lowest = c.retained[0].id;
  const deleted: string[] = [];
  for (const [file, entry] of c.sharedFiles) {
    if (entry.lastUsedBy < lowest && sharedFileOwner(c, entry.createdBy) === 'job') {
      c.sharedFiles.delete(file);
      deleted.push(file);
    }
  }
  return deleted;
}

/**
 * A job restored from `cp` registers the snapshot's files, each with the checkpoint that created
 * it (`createdBy`, from the old job's registry). NO_CLAIM: every one of them is the user's.
 */
export function registerRestoredFiles(c: CoordinatorState, cp: CompletedCheckpoint, createdBy: (name: string) => number | undefined, claim: boolean): void {
  for (const snap of Object.values(cp.subtasks)) {
    for (const file of snap.files) {
      if (c.sharedFiles.has(file.name)) continue;
      c.sharedFiles.set(file.name, { bytes: file.bytes, createdBy: Math.min(createdBy(file.name) ?? cp.id, cp.id), lastUsedBy: cp.id });
    }
  }
  if (!claim) c.notClaimedUpTo = Math.max(c.notClaimedUpTo ?? 0, cp.id);
}
