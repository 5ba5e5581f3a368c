import type { CompletedCheckpoint, CoordinatorState } from './types';

// Flink's SharedStateRegistry for RocksDB incremental checkpoints: a shared file is registered
// when a checkpoint that references it completes, and deleted once no retained checkpoint
// references it any more (lastUsedBy below the lowest retained id).

export function registerSharedFiles(c: CoordinatorState, cp: CompletedCheckpoint): void {
  for (const snap of Object.values(cp.subtasks)) {
    for (const file of snap.files) {
      const entry = c.sharedFiles.get(file.name);
      if (entry) entry.lastUsedBy = Math.max(entry.lastUsedBy, cp.id);
      else c.sharedFiles.set(file.name, { bytes: file.bytes, createdBy: cp.id, lastUsedBy: cp.id });
    }
  }
}

/** Deletes files no retained checkpoint uses; returns their names. */
export function releaseSharedFiles(c: CoordinatorState): string[] {
  if (!c.retained.length) return [];
  const lowest = c.retained[0].id;
  const deleted: string[] = [];
  for (const [file, entry] of c.sharedFiles) {
    if (entry.lastUsedBy < lowest) {
      c.sharedFiles.delete(file);
      deleted.push(file);
    }
  }
  return deleted;
}
