import { channelIdOf, formatCheckpointId, subtaskIdOf } from '../ids';
import type { PhysicalPlan } from '../model/types';
import type { TraceEvent } from './events';

// The stable ids an event names (ids.ts): its subtask, its channel, its checkpoint. Events keep
// the plan's numeric ids as fields (the trace hash is taken over them); this reads them as ids.

export interface EventIds {
  subtask?: string;
  channel?: string;
  checkpoint?: string;
}

export function eventIds(plan: PhysicalPlan, ev: TraceEvent): EventIds {
  const out: EventIds = {};
  // `subtasks` (plural) fields are counts, never ids
  if ('subtask' in ev && plan.subtasks[ev.subtask]) out.subtask = subtaskIdOf(plan, ev.subtask);
  if ('channel' in ev && plan.channels[ev.channel]) out.channel = channelIdOf(plan, ev.channel);
  // a restore without a checkpoint says checkpointId 0
  if ('checkpointId' in ev && ev.checkpointId > 0) out.checkpoint = formatCheckpointId(ev.checkpointId);
  return out;
}

/** The same ids as a list: subtask, channel, checkpoint, whichever the event names. */
export function eventIdList(plan: PhysicalPlan, ev: TraceEvent): string[] {
  const ids = eventIds(plan, ev);
  return [ids.subtask, ids.channel, ids.checkpoint].filter((x): x is string => x !== undefined);
}
