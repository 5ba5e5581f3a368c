import type { KeyedStateTable, PlanOperator, PlanSubtask } from '../model/types';
import { compactionFilter, fullSnapshotWithoutExpired } from '../runtime/stateTtl';
import { recordStateSize } from '../runtime/stateSizes';
import type { SimState, SubtaskState } from '../sim/state';
import { entryBytes, keyedStateBytes, splitBytes } from '../kernels/snapshotSizing';
import { keyGroupBytes, snapshotKeyedState } from '../runtime/keyedState';
import type { CheckpointSettings } from './settings';
import type { RocksDbFiles, SubtaskSnapshot } from './types';

// The synchronous part of a subtask's snapshot: its keyed state by key group, shared with the task
// copy-on-write (runtime/keyedState.ts), and its operator state, with what the backend will upload.

export function emptyRocksDb(): RocksDbFiles {
  return { files: [], nextFile: 1, dirty: new Map(), confirmed: [], uploadedBy: {} };
}

const MISC_FILES_BYTES = 256; // MANIFEST, CURRENT, OPTIONS: uploaded with every incremental checkpoint
const COMPACTION_TRIGGER = 4;

/**
 * A table of the task's own over a snapshot's key groups, for a restore: the task copies a group
 * before it first writes to it, so the checkpoint stays as it was.
 */
export function copyKeyedState(table: KeyedStateTable): KeyedStateTable {
  return new Map(table);
}

/** keyedStateBytes of a snapshot's table, whose groups are all shared. */
function sharedTableBytes(table: KeyedStateTable): number {
  let n = 0;
  for (const group of table.values()) n += keyGroupBytes(group);
  return n;
}

/**
 * Flush the memtable into a new file, compacting when there are too many files, or (state TTL's
 * compaction filter) when the files are older than its periodic compaction time. Returns the keys
 * the TTL compaction filter removed when a compaction ran, else -1.
 */
function flushAndCompact(rocks: RocksDbFiles, table: KeyedStateTable, fileName: (n: number) => string, ttl?: { op: PlanOperator; now: number }): number {
  if (ttl && rocks.nextFile === 1 && rocks.dirty.size === 0 && table.size > 0) {
    // state TTL runs: state that came over when the backend switched to RocksDB lives in its files
    rocks.files.push({ name: fileName(rocks.nextFile++), bytes: keyedStateBytes(table) });
  } else if (rocks.dirty.size) {
    let bytes = 0;
    for (const { keyGroup, key } of rocks.dirty.values()) {
      const entry = table.get(keyGroup)?.get(key);
      bytes += entry ? entryBytes(key, entry) : 16; // a deletion is a tombstone
    }
    rocks.files.push({ name: fileName(rocks.nextFile++), bytes });
    rocks.dirty = new Map();
  }
  const filter = ttl?.op.ttl?.rocksdbCompactionFilter;
  const periodic = filter && rocks.files.length > 0 && ttl!.now - (rocks.compactedAt ?? 0) >= filter.periodicCompactionMs;
  if (rocks.files.length > COMPACTION_TRIGGER || periodic) {
    // Compaction merges every file into one holding only the live values.
    const removed = filter ? compactionFilter(table, ttl!.op, ttl!.now) : 0;
    rocks.files = [{ name: fileName(rocks.nextFile++), bytes: keyedStateBytes(table) }];
    if (ttl) rocks.compactedAt = ttl.now;
    return removed;
  }
  return -1;
}

export interface TakenSnapshot {
  snapshot: SubtaskSnapshot;
  stateBytes: number;
  checkpointedBytes: number;
  syncMs: number;
  asyncMs: number;
}

export function takeSnapshot(state: SimState, ps: PlanSubtask, st: SubtaskState, checkpointId: number, s: CheckpointSettings, savepoint: boolean): TakenSnapshot {
  const op = state.plan.operators[ps.operator];
  const operator: SubtaskSnapshot['operator'] = {};
  let operatorBytes = 0;
  if (st.source) {
    operator.SourceReaderState = st.source.partitions.map((p) => ({ topic: op.params.source!.topic, partition: p, offset: st.source!.offsets[p] }));
    operatorBytes += st.source.partitions.length * splitBytes(op.params.source!.topic);
  }
  let keyed = snapshotKeyedState(st.keyed);
  const ttl = op.ttl ? { op, now: state.now } : undefined;
  if (op.ttlRuntime) op.ttlRuntime.backend = s.backend;
  let leftOut = 0;
  // cleanupFullSnapshot: what a full snapshot writes leaves expired entries out (not incremental RocksDB)
  if (op.ttl?.fullSnapshot && (s.backend === 'hashmap' || !s.incremental || savepoint)) ({ table: keyed, dropped: leftOut } = fullSnapshotWithoutExpired(keyed, op, state.now));
  const fullKeyedBytes = sharedTableBytes(keyed);
  let stateBytes = fullKeyedBytes + operatorBytes;
  let checkpointedBytes = stateBytes;
  let files: SubtaskSnapshot['files'] = [];
  let syncMs = s.syncBaseMs;
  let compacted = -1;
  // Savepoints are written in the canonical format: a full copy whatever the backend.
  if (s.backend === 'rocksdb' && st.rocks && op.keyed && !savepoint) {
    compacted = flushAndCompact(st.rocks, st.keyed, (n) => `${op.id}-${ps.index}-${String(n).padStart(6, '0')}.sst`, ttl);
    if (s.incremental) {
      const live = st.rocks.files;
      files = live.map((f) => ({ ...f }));
      const fresh = live.filter((f) => !st.rocks!.confirmed.includes(f.name));
      st.rocks.uploadedBy[checkpointId] = fresh.map((f) => f.name);
      stateBytes = live.reduce((n, f) => n + f.bytes, 0) + MISC_FILES_BYTES + operatorBytes;
      checkpointedBytes = fresh.reduce((n, f) => n + f.bytes, 0) + MISC_FILES_BYTES + operatorBytes;
    }
  } else if (s.backend === 'hashmap') {
    syncMs += (s.syncPerKbMs * fullKeyedBytes) / 1024;
  }
  const asyncMs = s.asyncBaseMs + (s.asyncPerKbMs * checkpointedBytes) / 1024;
  if (op.keyed && state.plan.operators.some((o) => o.ttl)) {
    recordStateSize(st, op, state.now, { sstBytes: st.rocks ? st.rocks.files.reduce((n, f) => n + f.bytes, 0) : undefined, leftOut, compaction: compacted >= 0 ? compacted : undefined });
  }
  return {
    snapshot: { keyed, keyGroupRange: ps.keyGroupRange, operator, inputChannelState: {}, outputChannelState: {}, files },
    stateBytes, checkpointedBytes, syncMs, asyncMs,
  };
}

/** notifyCheckpointComplete: files that checkpoint uploaded count as uploaded from now on. */
export function confirmUploads(rocks: RocksDbFiles, checkpointId: number): void {
  for (const id of Object.keys(rocks.uploadedBy)) {
    if (Number(id) > checkpointId) continue;
    for (const f of rocks.uploadedBy[id]) if (!rocks.confirmed.includes(f)) rocks.confirmed.push(f);
    delete rocks.uploadedBy[id];
  }
  const live = new Set(rocks.files.map((f) => f.name));
  rocks.confirmed = rocks.confirmed.filter((f) => live.has(f));
}
