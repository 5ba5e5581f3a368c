import {
  computeDefaultMaxParallelism, computeKeyGroupRangeForOperatorIndex, javaHashCode,
} from '../kernels/keyGroups';
import type { Conf } from '../config/conf';
import type { OperatorSpec, ScenarioSpec } from '../scenarios/schema';
import { isKeyedKind, ScenarioError } from '../scenarios/validate';
import { jobSizeDefaults, jobSizeProblems } from '../scenarios/limits';
import { sourceParams } from '../runtime/sourceLog';
import { ttlOfOperator, withTtlFlag } from '../runtime/stateTtlConfig';
import { transactionTimeoutOf } from '../runtime/sink';
import type {
  OperatorParams, PhysicalPlan, PlanChannel, PlanEdge, PlanOperator, PlanSubtask, StateDescriptor,
} from './types';

function statesOf(op: OperatorSpec): StateDescriptor[] {
  switch (op.kind) {
    case 'keyed-count': return [{ name: 'count', kind: 'value' }];
    case 'keyed-sum': return [{ name: 'sum', kind: 'value' }];
    case 'keyed-last-n': return [{ name: 'lastN', kind: 'list' }];
    case 'keyed-histogram': return [{ name: 'histogram', kind: 'map' }];
    case 'keyed-reduce': return [{ name: op.reduce, kind: 'reducing' }];
    case 'keyed-join': return [{ name: 'left', kind: 'value' }, { name: 'right', kind: 'value' }];
    default: return [];
  }
}

function paramsOf(op: OperatorSpec, conf: Conf): OperatorParams {
  switch (op.kind) {
    case 'source': return { source: sourceParams(op, conf) };
    case 'map': return { fn: op.fn ?? 'identity' };
    case 'filter': return { keepKeys: op.keepKeys, minValue: op.minValue };
    case 'flat-map': return { copies: op.copies };
    case 'keyed-last-n': return { n: op.n };
    case 'keyed-histogram': return { bucketSize: op.bucketSize };
    case 'keyed-reduce': return { reduce: op.reduce };
    case 'sink': {
      const sinkKind = (conf.has('sim.sink.kind') ? conf.text('sim.sink.kind') : op.sinkKind ?? 'plain') as OperatorParams['sinkKind'];
      // a transactional producer's timeout is checked by the broker when it starts (InitProducerId)
      return { retain: op.retain ?? -1, sinkKind, ...(sinkKind === 'two-phase-commit' ? { transactionTimeoutMs: transactionTimeoutOf(conf) } : {}) };
    }
    default: return {};
  }
}

/** Kafka's split owner: round-robin over readers from a start index that depends on the topic. */
export function partitionOwner(topic: string, partition: number, readers: number): number {
  const start = (Math.imul(javaHashCode(topic), 31) & 0x7fffffff) % readers;
  return (start + partition) % readers;
}

/** Expands the job graph into subtasks and channels, wired as Flink wires them. */
export function buildPlan(spec: ScenarioSpec, conf: Conf): PhysicalPlan {
  const defaultParallelism = conf.number('parallelism.default') ?? 1;
  const confMaxP = conf.number('pipeline.max-parallelism');
  const defaultCost = conf.duration('sim.processing.cost') ?? 1;
  // the configuration given with the run (not only the scenario's) can make the job bigger
  const tooBig = jobSizeProblems(spec, jobSizeDefaults(conf));
  if (tooBig.length) throw new ScenarioError(tooBig);
  const problems: string[] = [];
  const operators: PlanOperator[] = spec.operators.map((op, index) => {
    const parallelism = op.parallelism ?? defaultParallelism;
    const maxParallelism = op.maxParallelism ?? confMaxP ?? computeDefaultMaxParallelism(parallelism);
    if (parallelism > maxParallelism) {
      problems.push(`operator "${op.id}": parallelism ${parallelism} exceeds its max parallelism ${maxParallelism}`);
    }
    return {
      index, id: op.id, name: op.name, kind: op.kind, parallelism, maxParallelism,
      subtasks: [], inputEdges: [], outputEdges: [],
      keyed: isKeyedKind(op.kind), states: withTtlFlag(statesOf(op), 'ttl' in op ? op.ttl : undefined),
      costMs: op.costMs ?? defaultCost, params: paramsOf(op, conf),
      ...ttlOfOperator(op, conf),
    };
  });
  if (problems.length) throw new ScenarioError(problems);
  const indexOf = new Map(operators.map((o) => [o.id, o.index]));

  const subtasks: PlanSubtask[] = [];
  const slots = Math.max(...operators.map((o) => o.parallelism));
  const taskManagers = Math.min(spec.taskManagers ?? 2, slots);
  const slotsPerTm = Math.ceil(slots / taskManagers);
  for (const op of operators) {
    for (let i = 0; i < op.parallelism; i++) {
      const slow = spec.slowSubtasks?.find((s) => s.operator === op.id && s.subtask === i);
      op.subtasks.push(subtasks.length);
      subtasks.push({
        id: subtasks.length, operator: op.index, index: i,
        name: `${op.name} (${i + 1}/${op.parallelism})`,
        inputChannels: [], outputs: [],
        keyGroupRange: op.keyed ? (() => {
          const r = computeKeyGroupRangeForOperatorIndex(op.maxParallelism, op.parallelism, i);
          return [r.start, r.end] as [number, number];
        })() : null,
        // slot sharing: subtask i of every operator shares slot i
        taskManager: Math.floor(i / slotsPerTm),
        slowFactor: slow?.factor ?? 1,
      });
    }
  }
  for (const s of spec.slowSubtasks ?? []) {
    const op = operators[indexOf.get(s.operator) ?? -1];
    if (!op) problems.push(`slowSubtasks: no operator has id "${s.operator}"`);
    else if (s.subtask >= op.parallelism) problems.push(`slowSubtasks: "${s.operator}" has no subtask ${s.subtask} (parallelism ${op.parallelism})`);
  }

  const edges: PlanEdge[] = [];
  const channels: PlanChannel[] = [];
  spec.edges.forEach((e, index) => {
    const from = operators[indexOf.get(e.from)!];
    const to = operators[indexOf.get(e.to)!];
    if (e.partitioner === 'forward' && from.parallelism !== to.parallelism) {
      problems.push(`edges.${index}: forward partitioning does not allow a change of parallelism ("${from.id}" has ${from.parallelism}, "${to.id}" has ${to.parallelism}); use rebalance or hash`);
    }
    const edge: PlanEdge = { index, from: from.index, to: to.index, partitioner: e.partitioner, inputIndex: e.input ?? 0, channels: [] };
    for (let p = 0; p < from.parallelism; p++) {
      const consumers = e.partitioner === 'forward' ? [p] : [...Array(to.parallelism).keys()];
      edge.channels.push(consumers.map((c) => {
        const ch: PlanChannel = { id: channels.length, edge: index, from: from.subtasks[p], to: to.subtasks[c] ?? -1, gateIndex: -1 };
        channels.push(ch);
        return ch.id;
      }));
    }
    from.outputEdges.push(index);
    to.inputEdges.push(index);
    edges.push(edge);
  });
  if (problems.length) throw new ScenarioError(problems);

  for (const op of operators) {
    op.subtasks.forEach((sid, i) => {
      const st = subtasks[sid];
      for (const ei of op.outputEdges) st.outputs.push({ edge: ei, channels: edges[ei].channels[i] });
    });
  }
  // Input gate order: input edges in order, then producer subtask index.
  for (const ch of channels) {
    const consumer = subtasks[ch.to];
    ch.gateIndex = consumer.inputChannels.length;
    consumer.inputChannels.push(ch.id);
  }
  // The loop above visits channels in creation order (edge, producer, consumer), which is the gate order.
  return { operators, edges, subtasks, channels, taskManagers };
}
