import type { EdgeSpec, OperatorSpec, ScenarioSpec } from '../scenarios/schema';
import { Simulation } from '../sim/simulation';

// Small jobs for the oracle's tests, written as scenario files are.

export function job(operators: OperatorSpec[], edges: EdgeSpec[], config: ScenarioSpec['config'] = {}): ScenarioSpec {
  return { id: 'oracle-test', title: 'Oracle test', description: '', config, operators, edges };
}

/** The planned job, for the path analysis. */
export const planOf = (spec: ScenarioSpec) => Simulation.create(spec).state.plan;

export const opIndex = (spec: ScenarioSpec, id: string) => spec.operators.findIndex((o) => o.id === id);

/** Issue 17's job: a keyed sum's output spread over two sink subtasks by rebalance. */
export const rebalancedSums = job([
  { id: 'source', name: 'Source', kind: 'source', parallelism: 2, partitions: 2, ratePerPartition: 4, keyCount: 4 },
  { id: 'map', name: 'Map', kind: 'map', parallelism: 2 },
  { id: 'count', name: 'Count', kind: 'keyed-count', parallelism: 2 },
  { id: 'sum', name: 'Sum', kind: 'keyed-sum', parallelism: 3 },
  { id: 'sink', name: 'Sink', kind: 'sink', parallelism: 2 },
], [
  { from: 'source', to: 'map', partitioner: 'forward' },
  { from: 'map', to: 'count', partitioner: 'hash' },
  { from: 'count', to: 'sum', partitioner: 'hash' },
  { from: 'sum', to: 'sink', partitioner: 'rebalance' },
], { 'sim.channel.latency': '300 ms', 'sim.channel.jitter': '200 ms' });
