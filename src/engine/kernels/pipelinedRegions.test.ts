import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import type { ScenarioSpec } from '../scenarios/schema';
import { computePipelinedRegions, regionsToRestart } from './pipelinedRegions';

const forwardOnly: ScenarioSpec = {
  id: 'slices', title: 'slices', description: '',
  operators: [
    { id: 'source', name: 'Source', kind: 'source', parallelism: 3, partitions: 3, ratePerPartition: 1 },
    { id: 'map', name: 'Map', kind: 'map', parallelism: 3 },
    { id: 'sink', name: 'Sink', kind: 'sink', parallelism: 3 },
  ],
  edges: [{ from: 'source', to: 'map', partitioner: 'forward' }, { from: 'map', to: 'sink', partitioner: 'forward' }],
};

describe('pipelined regions', () => {
  it('a keyBy joins the whole job into one region', () => {
    const { plan } = Simulation.create(builtinScenario('default')!).state;
    expect(new Set(computePipelinedRegions(plan)).size).toBe(1);
  });
  it('forward-only slices stay apart: one region per parallel slice', () => {
    const { plan } = Simulation.create(forwardOnly).state;
    const regions = computePipelinedRegions(plan);
    expect(new Set(regions).size).toBe(3);
    for (const op of plan.operators) op.subtasks.forEach((sid, i) => expect(regions[sid]).toBe(i));
    expect(regionsToRestart(plan, regions, [plan.operators[1].subtasks[2]], plan.channels)).toEqual(plan.operators.map((o) => o.subtasks[2]));
  });
  it('restarts downstream consumer regions too', () => {
    const spec: ScenarioSpec = { ...forwardOnly, operators: [...forwardOnly.operators.slice(0, 2), { id: 'sink', name: 'Sink', kind: 'sink', parallelism: 1 }], edges: [forwardOnly.edges[0], { from: 'map', to: 'sink', partitioner: 'rebalance' }] };
    const { plan } = Simulation.create(spec).state;
    const regions = computePipelinedRegions(plan);
    expect(new Set(regions).size).toBe(1); // the rebalance joins everything
  });
});
