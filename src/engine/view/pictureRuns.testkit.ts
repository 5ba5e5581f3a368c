import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { RunRecorder } from '../timeline/recorder';

// Runs the views' tests share: the default job with checkpoints every 2 s, a task of Keyed Count
// killed at 9 s (checkpoint 3 completed at 8.3 s, so the records after it are replayed).

export const KILL_AT = 9000;

export function killedRun(sinkKind: 'plain' | 'two-phase-commit' | 'upsert', until = 25_000, kill = true) {
  const sim = Simulation.create(builtinScenario('default')!, { seed: 1, conf: { 'execution.checkpointing.interval': '2s', 'sim.sink.kind': sinkKind } });
  const recorder = new RunRecorder(sim.state, { keyframeEveryMs: 1000 });
  let live = recorder.advance(sim, KILL_AT);
  if (kill) {
    const count = live.state.plan.operators.find((o) => o.id === 'count')!;
    live = recorder.command(live, { kind: 'fault', fault: { kind: 'task', subtask: count.subtasks[0] } }).sim;
  }
  live = recorder.advance(live, until);
  const sinks = live.state.plan.operators.find((o) => o.kind === 'sink')!.subtasks;
  return { sim: live, recorder, sinks };
}
