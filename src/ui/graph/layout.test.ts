import { describe, expect, it } from 'vitest';
import { Simulation, builtinScenario } from '../../engine';
import { layoutPlan } from './layout';

describe('graph layout', () => {
  it('lays operators out left to right in pipeline order, subtasks inside their operator', () => {
    const { plan } = Simulation.create(builtinScenario('default')!).state;
    const l = layoutPlan(plan);
    const xs = l.operators.map((o) => o.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const s of plan.subtasks) {
      const box = l.subtasks[s.id];
      expect(box.y + box.height).toBeLessThanOrEqual(l.operators[s.operator].height);
      expect(box.x + box.width).toBeLessThanOrEqual(l.operators[s.operator].width);
    }
    expect(l.jobManager.y + l.jobManager.height).toBeLessThan(Math.min(...l.operators.map((o) => o.y)));
  });
  it('uses compact subtasks for wide jobs', () => {
    const { plan } = Simulation.create(builtinScenario('wide')!).state;
    expect(layoutPlan(plan).compact).toBe(true);
  });
});
