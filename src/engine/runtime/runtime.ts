import type { SimState } from '../sim/state';
import type { TraceEvent } from '../trace/events';
import { schedule } from '../sim/eventQueue';
import type { KeyContext } from './keyedState';

/** What the runtime pieces share: the state and the trace. */
export interface Runtime {
  state: SimState;
  /** hashes the event into the trace and hands it to the listeners */
  emit(ev: TraceEvent): void;
  /** hands an already hashed event to the listeners (see trace/hotEvents) */
  notify(ev: TraceEvent): void;
  listeners: readonly ((ev: TraceEvent) => void)[];
  /** per subtask, the reusable key context of its keyed state (rebuilt when the table is replaced) */
  keyContexts: (KeyContext | undefined)[];
  /** the job fails (e.g. too many failed checkpoints); recovery decides what happens next */
  failJob?: (reason: string) => void;
}

// Wake events carry nothing but the subtask: one shared object each, not one per wake.
const wakeEvents: { kind: 'wake'; subtask: number }[] = [];

/** Make sure the subtask wakes at `time` (or earlier). Extra wakes are harmless: waking is idempotent. */
export function requestWake(state: SimState, subtask: number, time: number): void {
  const st = state.subtasks[subtask];
  if (st.wakeAt >= state.now && st.wakeAt <= time) return;
  st.wakeAt = time;
  schedule(state, time, (wakeEvents[subtask] ??= { kind: 'wake', subtask }));
}
