import type { KeyedStateEntry, KeyedStateTable, PlanSubtask, SimKey } from '../model/types';
import type { SimState, SubtaskState } from '../sim/state';
import { entryBytes, keyedStateBytes, splitBytes } from '../kernels/snapshotSizing';
import type { CheckpointSettings } from './settings';
import type { RocksDbFiles, SubtaskSnapshot } from './types';

// The synchronous part of a subtask's snapshot: a consistent copy of its keyed state (by key
// group) and operator state, with what the backend will upload. Values in the live table are
// replaced, never mutated, so copying each key's entry Map is enough to isolate the copy
// from records processed after the barrier (Flink's copy-on-write).

export function emptyRocksDb(): RocksDbFiles {
  return { files: [], nextFile: 1, dirty: new Map(), confirmed: [], uploadedBy: {} };
}

const MISC_FILES_BYTES = 256; // MANIFEST, CURRENT, OPTIONS: uploaded with every incremental checkpoint
const COMPACTION_TRIGGER = 4;

export function copyKeyedState(table: KeyedStateTable): KeyedStateTable {
  const copy: KeyedStateTable = new Map();
  for (const [g, group] of table) {
    const out = new Map<SimKey, KeyedStateEntry>();
    for (const [key, entry] of group) out.set(key, new Map(entry));
    copy.set(g, out);
  }
  return copy;
}

/** Flush the memtable into a new file, compacting when there are too many files. */
function flushAndCompact(rocks: RocksDbFiles, table: KeyedStateTable, fileName: (n: number) => string): void {
  if (rocks.dirty.size) {
    let bytes = 0;
    for (const { keyGroup, key } of rocks.dirty.values()) {
      const entry = table.get(keyGroup)?.get(key);
      bytes += entry ? entryBytes(key, entry) : 16; // a deletion is a tombstone
    }
    rocks.files.push({ name: fileName(rocks.nextFile++), bytes });
    rocks.dirty = new Map();
  }
  if (rocks.files.length > COMPACTION_TRIGGER) {
    // Compaction merges every file into one holding only the live values.
    rocks.files = [{ name: fileName(rocks.nextFile++), bytes: keyedStateBytes(table) }];
  }
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
  const keyed = copyKeyedState(st.keyed);
  const fullKeyedBytes = keyedStateBytes(keyed);
  let stateBytes = fullKeyedBytes + operatorBytes;
  let checkpointedBytes = stateBytes;
  let files: SubtaskSnapshot['files'] = [];
  let syncMs = s.syncBaseMs;
  // Savepoints are written in the canonical format: a full copy whatever the backend.
  if (s.backend === 'rocksdb' && st.rocks && op.keyed && !savepoint) {
    flushAndCompact(st.rocks, st.keyed, (n) => `${op.id}-${ps.index}-${String(n).padStart(6, '0')}.sst`);
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
