import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { computeOracle } from '../oracle/oracle';
import { parseFaultSpec } from './faultSpec';
import type { TraceEvent } from '../trace/events';

function run(conf: Record<string, string>, faults: string[], scenario = 'default', until = 20_000) {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf: { 'execution.checkpointing.interval': '2 s', ...conf }, faults });
  const events: TraceEvent[] = [];
  sim.subscribe((e) => events.push(e));
  sim.runUntil(until);
  return { sim, events };
}

describe('fault syntax', () => {
  const { plan } = Simulation.create(builtinScenario('default')!).state;
  it('reads times and checkpoint phases', () => {
    expect(parseFaultSpec('task:count/1@5 s', plan)).toEqual({ at: 5000, fault: { kind: 'task', subtask: plan.operators[2].subtasks[1] } });
    expect(parseFaultSpec('task:count/0@alignment:3', plan).when).toEqual({ phase: 'alignment', checkpointId: 3, subtask: plan.operators[2].subtasks[0] });
    expect(parseFaultSpec('jobmanager@completed:2', plan).when).toEqual({ phase: 'completed', checkpointId: 2, subtask: undefined });
    expect(parseFaultSpec('slow:map/1x10@2s', plan).fault).toEqual({ kind: 'slow', subtask: plan.operators[1].subtasks[1], factor: 10 });
    expect(parseFaultSpec('storage-outage:10s@3s', plan)).toEqual({ at: 3000, fault: { kind: 'storage-outage', durationMs: 10_000 } });
    const byEnds = parseFaultSpec('channel:map/0->count/1@4s', plan).fault;
    expect(byEnds.kind === 'channel' && plan.channels[byEnds.channel]).toMatchObject({ from: plan.operators[1].subtasks[0], to: plan.operators[2].subtasks[1] });
    expect(parseFaultSpec(`channel:${byEnds.kind === 'channel' ? byEnds.channel : -1}@4s`, plan).fault).toEqual(byEnds);
  });
  it('names what is wrong', () => {
    expect(() => parseFaultSpec('task:count/7@1s', plan)).toThrow(/"count" has subtasks 0..1/);
    expect(() => parseFaultSpec('task:count/1', plan)).toThrow(/no @<when>/);
    expect(() => parseFaultSpec('jobmanager@alignment:2', plan)).toThrow(/needs a subtask/);
    expect(() => parseFaultSpec('meteor@1s', plan)).toThrow(/not understood/);
    expect(() => parseFaultSpec('channel:source/0->count/0@1s', plan)).toThrow(/no channel runs from source\/0 to count\/0; Source: Animals \(1\/2\) sends to Map \(1\/2\)/);
    expect(() => parseFaultSpec('channel:bogus@1s', plan)).toThrow(/name the channel by its ends/);
    expect(() => parseFaultSpec('taskmanager:9@1s', plan)).toThrow(/TaskManagers are 0..1/);
  });
});

describe('faults at a phase of a checkpoint', () => {
  it('during the alignment of checkpoint 2 at a Keyed Count subtask', () => {
    const { sim, events } = run({}, ['task:count/0@alignment:2']);
    const countZero = sim.state.plan.operators[2].subtasks[0];
    const aligned = events.find((e) => e.type === 'alignment-started' && e.checkpointId === 2 && e.subtask === countZero)!;
    const failed = events.find((e) => e.type === 'task-failed')!;
    expect(failed).toMatchObject({ subtask: countZero, time: aligned.time });
    expect(events.find((e) => e.type === 'checkpoint-failed' && e.checkpointId === 2)).toMatchObject({ reason: 'task-failure' });
  });
  it('after the subtask acknowledged checkpoint 2 but before it completed: 2 is aborted, 1 is restored', () => {
    const { events } = run({}, ['task:source/0@acknowledged:2']);
    expect(events.some((e) => e.type === 'checkpoint-completed' && e.checkpointId === 2)).toBe(false);
    expect(events.find((e) => e.type === 'job-restored')).toMatchObject({ checkpointId: 1 });
  });
  it('between the completion of checkpoint 2 and the sinks\' commit: the restore commits what was pre-committed', () => {
    const { sim, events } = run({ 'sim.sink.kind': 'two-phase-commit' }, ['task:sink/0@completed:2']);
    const restored = events.find((e) => e.type === 'job-restored')!;
    expect(restored).toMatchObject({ checkpointId: 2 });
    expect(events.some((e) => e.type === 'checkpoint-notified' && e.time === restored.time && e.committed > 0)).toBe(true);
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });
});

describe('other faults', () => {
  it('a slow subtask back-pressures its producers', () => {
    const { events } = run({ 'sim.channel.capacity': '2' }, ['slow:count/0x40@2s']);
    expect(events.some((e) => e.type === 'subtask-slowed')).toBe(true);
    expect(events.some((e) => e.type === 'backpressure' && e.on && e.time > 2000)).toBe(true);
  });
  it('a broken channel fails its consumer', () => {
    const { sim, events } = run({}, ['channel:3@5s']);
    const to = sim.state.plan.channels[3].to;
    expect(events.find((e) => e.type === 'task-failed')).toMatchObject({ subtask: to });
    expect(sim.state.job.restarts).toBe(1);
  });
  it('a storage outage fails checkpoints (counted) until the tolerance is exceeded, then the job restarts', () => {
    const { sim, events } = run({ 'execution.checkpointing.tolerable-failed-checkpoints': '1' }, ['storage-outage:12s@3s']);
    expect(events.filter((e) => e.type === 'checkpoint-failed').length).toBeGreaterThanOrEqual(2);
    expect(sim.state.job.restarts).toBeGreaterThan(0);
  });
  it('losing a TaskManager fails every subtask in its slots', () => {
    const { sim, events } = run({}, ['taskmanager:1@5s']);
    const failed = events.filter((e) => e.type === 'task-failed').map((e) => (e as { subtask: number }).subtask);
    expect(failed.sort()).toEqual(sim.state.plan.subtasks.filter((s) => s.taskManager === 1).map((s) => s.id).sort());
  });
  it('the JobManager: in-memory checkpoints are lost (restart from scratch), file-system ones survive', () => {
    const mem = run({}, ['jobmanager@9s']);
    expect(mem.events.find((e) => e.type === 'job-restored')).toMatchObject({ checkpointId: 0 });
    const fs = run({ 'execution.checkpointing.storage': 'filesystem' }, ['jobmanager@9s']);
    expect((fs.events.find((e) => e.type === 'job-restored') as { checkpointId: number }).checkpointId).toBeGreaterThan(0);
  });
  it('restart strategy none: the first failure fails the job', () => {
    const { sim } = run({ 'restart-strategy.type': 'none' }, ['task:map/0@5s']);
    expect(sim.state.job.status).toBe('FAILED');
    expect(sim.state.job.failure).toMatch(/NoRestartBackoffTimeStrategy/);
  });
});

describe('sink kinds per sink', () => {
  it('a scenario chooses each sink\'s kind; sim.sink.kind overrides every sink', () => {
    const spec = builtinScenario('default')!;
    const perSink = { ...spec, operators: spec.operators.map((o) => (o.kind === 'sink' ? { ...o, sinkKind: 'two-phase-commit' as const } : o)) };
    const a = Simulation.create(perSink);
    expect(a.state.subtasks.filter((s) => s.sink).every((s) => s.sink!.kind === 'two-phase-commit')).toBe(true);
    const b = Simulation.create(perSink, { conf: { 'sim.sink.kind': 'upsert' } });
    expect(b.state.subtasks.filter((s) => s.sink).every((s) => s.sink!.kind === 'upsert')).toBe(true);
  });
});

describe('failover strategies', () => {
  it('region: only the failed slice restarts; full: everything does', () => {
    const region = run({}, ['task:filter/1@6s'], 'slices');
    const canceled = region.events.find((e) => e.type === 'tasks-canceled') as { subtasks: number };
    expect(canceled.subtasks).toBe(3);
    const full = run({ 'jobmanager.execution.failover-strategy': 'full' }, ['task:filter/1@6s'], 'slices');
    expect((full.events.find((e) => e.type === 'tasks-canceled') as { subtasks: number }).subtasks).toBe(9);
    expect(computeOracle(region.sim.state).verdict).toBe('duplicates'); // plain sink: the slice replays
  });
});

describe('regressions found by the property tests', () => {
  it('seed 1, a Keyed Count killed at 500 ms before any checkpoint: channels emptied by the failover stay consistent', () => {
    const { sim } = run({ 'sim.sink.kind': 'two-phase-commit' }, ['task:count/0@500']);
    expect(sim.state.job.restarts).toBe(1);
    expect(computeOracle(sim.state).verdict).toBe('exactly-once');
  });
});
