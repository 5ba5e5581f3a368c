import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import type { TraceEvent } from '../trace/events';

// Barriers on the wire, in the backpressure scenario: Keyed Sum (2/3) is ten times slower, so
// its input channels are full and a barrier queued behind records waits a long time.

function run(conf: Record<string, string>) {
  const sim = Simulation.create(builtinScenario('backpressure')!, { conf: { 'execution.checkpointing.interval': '2 s', ...conf } });
  const events: TraceEvent[] = [];
  sim.subscribe((e) => events.push(e));
  sim.runUntil(30_000);
  const slow = sim.state.plan.operators.find((o) => o.id === 'sum')!.subtasks[1];
  const completed = sim.state.coordinator.history.filter((h) => h.status === 'COMPLETED');
  return { sim, events, slow, completed };
}

const timeout = { 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.aligned-checkpoint-timeout': '100 ms' };

describe('barriers under backpressure', () => {
  it('aligned: the slow subtask reads the barrier only after the records queued ahead of it', () => {
    const { completed, slow } = run({});
    expect(completed.length).toBeGreaterThan(2);
    for (const h of completed) expect(h.acks[slow].startDelayMs).toBeGreaterThan(2000);
  });

  it('aligned with timeout: a barrier still queued in the producer\'s output on a keyBy channel times out and overtakes', () => {
    const { sim, events } = run({ ...timeout, 'execution.checkpointing.aligned-checkpoint-timeout': '1000 ms' });
    const timedOut = events.filter((e) => e.type === 'barrier-timed-out');
    expect(timedOut.length).toBeGreaterThan(0);
    for (const e of timedOut) {
      const h = sim.state.coordinator.history.find((x) => x.id === e.checkpointId)!;
      // converted strictly after the timeout, counted from the checkpoint's trigger
      expect(e.time - h.triggerTime).toBeGreaterThan(1000);
      expect(sim.state.scenario.edges[sim.state.plan.channels[e.channel].edge].partitioner).toBe('hash');
      // the consumer reads it soon after: it jumped the records ahead of it
      const received = events.find((r) => r.type === 'barrier-received' && r.channel === e.channel && r.checkpointId === e.checkpointId)!;
      expect(received.time - e.time).toBeLessThan(1000);
    }
  });

  it('unaligned checkpoints keep forward channels aligned, as Flink does for pointwise exchanges', () => {
    const { sim, completed } = run({ 'execution.checkpointing.unaligned.enabled': 'true', 'execution.checkpointing.num-retained': '100' });
    expect(completed.length).toBeGreaterThan(2);
    const partitionerOf = (c: string) => sim.state.scenario.edges[sim.state.plan.channels[Number(c)].edge].partitioner;
    const withState = sim.state.coordinator.retained.flatMap((cp) => Object.values(cp.subtasks).flatMap((s) => [...Object.keys(s.inputChannelState), ...Object.keys(s.outputChannelState)]));
    expect(withState.length).toBeGreaterThan(0);
    for (const c of withState) expect(partitionerOf(c)).toBe('hash');
    // fed by forward channels alone, Map and the sink checkpoint aligned (Flink's FORCED_ALIGNED);
    // Keyed Sum, fed by the keyBy, unaligned; Map still sends unaligned barriers into the keyBy
    const opOf = (sid: string) => sim.state.plan.operators[sim.state.plan.subtasks[Number(sid)].operator].id;
    for (const h of completed) {
      for (const [sid, ack] of Object.entries(h.acks)) {
        if (opOf(sid) === 'map' || opOf(sid) === 'sink') expect(ack.unaligned).toBe(false);
        if (opOf(sid) === 'sum') expect(ack.unaligned).toBe(true);
      }
    }
    const mapOutputs = sim.state.coordinator.retained.flatMap((cp) => Object.entries(cp.subtasks).filter(([sid]) => opOf(sid) === 'map').flatMap(([, s]) => Object.keys(s.outputChannelState)));
    expect(mapOutputs.length).toBeGreaterThan(0);
  });

  it('a generous timeout leaves checkpoints aligned', () => {
    const { completed, events, slow } = run({ ...timeout, 'execution.checkpointing.aligned-checkpoint-timeout': '1 h' });
    expect(events.some((e) => e.type === 'barrier-timed-out')).toBe(false);
    for (const h of completed) expect(h.acks[slow].unaligned).toBe(false);
  });
});
