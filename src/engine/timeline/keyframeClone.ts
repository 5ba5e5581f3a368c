import type { SimState } from '../sim/state';
import type { CheckpointRecord } from '../checkpoint/types';

// A keyframe's copy of the state. Two parts of it are shared rather than copied.
//
// The items in the channels: the engine never changes an item once it is sent (it takes it, moves
// it between lanes or drops it: new arrays, the same objects), so the keyframe holds arrays of its
// own over the live run's items. Records in flight are most of a busy state: cloning 6,100 of them
// was 20 of a keyframe's 24 ms on `wide` with long channels, at fast-forward 8 % of the page's CPU.
//
// The checkpoint history. The coordinator's checkpoint history grows with the run (wide:
// about 7 kB a checkpoint, 32 acknowledgements each), and every keyframe held a copy of all of it:
// past an hour of simulated time most of the keyframes' memory was copies of the same old records.
// Here what the previous keyframe already holds of a record, unchanged, is shared with it instead of
// copied. Keyframe states are never changed (a seek clones its keyframe), so sharing is safe; what
// changed since (a checkpoint completed, or was discarded later) is copied afresh.

export interface KeyframeCopy {
  state: SimState;
  /** how many of its history records it shares with the previous keyframe */
  shared: number;
}

function isPlain(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === Array.prototype;
}

/**
 * A copy of `live` that reuses what of `old` is the same: `old` itself when all of it is, else a
 * new object whose unchanged parts are `old`'s (a discarded checkpoint keeps its acknowledgements).
 */
function shareUnchanged(old: unknown, live: unknown): unknown {
  if (typeof live !== 'object' || live === null) return live;
  if (!isPlain(live) || !isPlain(old) || Array.isArray(old) !== Array.isArray(live)) return structuredClone(live);
  const out: Record<string, unknown> = Array.isArray(live) ? ([] as unknown as Record<string, unknown>) : {};
  const keys = Object.keys(live);
  let same = keys.length === Object.keys(old).length;
  for (const k of keys) {
    const before = Object.prototype.hasOwnProperty.call(old, k) ? old[k] : undefined;
    const v = shareUnchanged(before, live[k]);
    out[k] = v;
    if (v !== before || !Object.prototype.hasOwnProperty.call(old, k)) same = false;
  }
  return same ? old : out;
}

/**
 * A record that had left IN_PROGRESS when `old` was taken: the coordinator takes no more
 * acknowledgements for it (onAcknowledge, failCheckpoint), so its subtasks and acks are as they
 * were, and only its own fields (discarded, when a newer checkpoint subsumes it) may have changed.
 * Comparing those is enough, where the deep walk of its 32 acknowledgements was most of a
 * keyframe's time at fast-forward (a history of hundreds of records).
 */
function shareSettled(old: CheckpointRecord, live: CheckpointRecord): CheckpointRecord {
  const fields = live as unknown as Record<string, unknown>;
  const before = old as unknown as Record<string, unknown>;
  let same = true;
  for (const k of Object.keys(fields)) {
    if (k === 'subtasks' || k === 'acks') continue;
    const v = fields[k];
    // a field this does not know to be settled: the walk decides
    if (typeof v === 'object' && v !== null) return shareUnchanged(old, live) as CheckpointRecord;
    if (v !== before[k]) same = false;
  }
  return same ? old : { ...live, subtasks: old.subtasks, acks: old.acks };
}

const settled = (r: CheckpointRecord) => r.status !== 'IN_PROGRESS';

/**
 * A copy of `state` for a keyframe: deep, except that it shares the channels' items with the live
 * run and the unchanged checkpoint records of `previous` (a keyframe's state).
 */
export function keyframeCopy(state: SimState, previous?: SimState): KeyframeCopy {
  const coordinator = state.coordinator;
  const history = coordinator.history;
  const channels = state.channels;
  const lanes = channels.map((ch) => ({ items: ch.items, priority: ch.priority }));
  let copy: SimState;
  coordinator.history = [];
  for (const ch of channels) {
    ch.items = [];
    ch.priority = [];
  }
  try {
    copy = structuredClone(state);
  } finally {
    coordinator.history = history;
    channels.forEach((ch, i) => {
      ch.items = lanes[i].items;
      ch.priority = lanes[i].priority;
    });
  }
  copy.channels.forEach((ch, i) => {
    ch.items = lanes[i].items.slice();
    ch.priority = lanes[i].priority.slice();
  });
  const before = previous?.coordinator.history ?? [];
  // ids increase along the history: walk both in step
  let j = 0;
  let shared = 0;
  const out: CheckpointRecord[] = copy.coordinator.history;
  for (const r of history) {
    while (j < before.length && before[j].id < r.id) j++;
    const old = before[j];
    const kept = !old || old.id !== r.id ? structuredClone(r) : settled(old) ? shareSettled(old, r) : shareUnchanged(old, r) as CheckpointRecord;
    if (kept === old) shared++;
    out.push(kept);
  }
  return { state: copy, shared };
}
