import type { SimState } from '../../engine';

// The Checkpoints panel reads the REST-shaped statistics of every checkpoint of the run; making
// them anew on every frame made a long run's panel cost more with every checkpoint. What they say
// changes only when a checkpoint is triggered, acknowledged by a subtask, completes, fails or is
// discarded, when the job is restored, and (a checkpoint in progress: its duration so far) when the
// time moves. This key tells them apart, and reading it costs the checkpoints in progress.

type History = SimState['coordinator']['history'];

/** how many records from the start of a history array are settled (none in progress): they change no more */
const settledOf = new WeakMap<History, number>();

function settled(history: History): number {
  let n = settledOf.get(history) ?? 0;
  // a history that lost records is read afresh
  if (n > history.length) n = 0;
  while (n < history.length && history[n].status !== 'IN_PROGRESS') n++;
  settledOf.set(history, n);
  return n;
}

/**
 * `key` changes whenever `checkpointingStatistics(state)` would say something else, but for the
 * duration so far of a checkpoint in progress, which changes with the time: `live` says there is one.
 */
export function checkpointsKey(state: SimState): { key: string; live: boolean } {
  const c = state.coordinator;
  const history = c.history;
  const from = settled(history);
  let key = `${history.length}|${from}|${state.restores.length}|${c.retained.map((r) => r.id).join(',')}|`;
  for (let i = from; i < history.length; i++) {
    const r = history[i];
    key += `${r.id}:${r.status}:${Object.keys(r.acks).length}:${r.latestAckTime};`;
  }
  return { key, live: from < history.length };
}
