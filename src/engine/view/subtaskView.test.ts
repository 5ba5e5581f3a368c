import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { subtaskView, type SubtaskView } from './subtaskView';

/** Steps a run until some subtask's view satisfies `found`; that view. */
function firstView(conf: Record<string, string>, found: (v: SubtaskView) => boolean, scenario = 'default'): { sim: Simulation; view: SubtaskView } {
  const sim = Simulation.create(builtinScenario(scenario)!, { conf });
  while (sim.now < 30_000 && sim.step()) {
    for (const ps of sim.state.plan.subtasks) {
      const view = subtaskView(sim.state, ps.id, sim.now);
      if (found(view)) return { sim, view };
    }
  }
  throw new Error('never seen');
}

describe('subtask view', () => {
  it('names the subtask by its stable id and Flink name', () => {
    const sim = Simulation.create(builtinScenario('default')!);
    sim.runUntil(3000);
    const count1 = sim.state.plan.operators[2].subtasks[1];
    const v = subtaskView(sim.state, count1, sim.now);
    expect(v).toMatchObject({ id: 'count/1', operatorId: 'count', index: 1, name: 'Keyed Count (2/2)', kind: 'keyed-count', status: 'RUNNING' });
    expect(v.keyGroupRange).toEqual(sim.state.plan.subtasks[count1].keyGroupRange);
    const source0 = subtaskView(sim.state, sim.state.plan.operators[0].subtasks[0], sim.now);
    expect(source0.offsets.length).toBeGreaterThan(0);
    expect(source0.sink).toBeNull();
  });

  it('exactly-once: aligning, the inputs whose barrier came are blocked', () => {
    const { view } = firstView({}, (v) => v.barrier !== null && v.barrier.arrived.length > 0 && v.barrier.waitingFor.length > 0);
    expect(view.barrier!.mode).toBe('aligning');
    expect(view.blocked).toEqual(view.barrier!.arrived);
    expect(view.barrier!.waitingForNames[0]).toMatch(/\(\d+\/\d+\)$/);
    expect(view.barrier!.waitingFor[0]).toMatch(/^[a-z-]+\/\d+$/);
  });

  it('at-least-once: tracking, nothing blocked', () => {
    const { sim, view } = firstView({ 'execution.checkpointing.mode': 'AT_LEAST_ONCE' }, (v) => v.barrier !== null && v.barrier.waitingFor.length > 0);
    expect(view.barrier!.mode).toBe('tracking');
    expect(view.blocked).toEqual([]);
    // and no subtask anywhere blocks an input in the whole run
    let blocked = 0;
    while (sim.now < 20_000 && sim.step()) for (const st of sim.state.subtasks) blocked += st.blockedInputs.length;
    expect(blocked).toBe(0);
  });

  it('shows a snapshot under way', () => {
    const { view } = firstView({}, (v) => v.snapshot !== null);
    expect(['sync', 'async', 'channel-state']).toContain(view.snapshot!.phase);
    expect(view.snapshot!.checkpointId).toBeGreaterThan(0);
  });
});
