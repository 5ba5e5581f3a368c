import {
  Conf, computeDefaultMaxParallelism, validateConf, type EdgeSpec, type OperatorSpec, type ScenarioSpec,
} from '../../engine';
import { sourceParams } from '../../engine/runtime/sourceLog';
import type { SourceParams } from '../../engine';
import { camelCase, pascalCase } from './javaText';

// What the generators need to know about a scenario, worked out once: the configuration in force
// (the scenario's, overridden by the run's), each operator's effective parallelism, max parallelism,
// uid (where the scenario sets one) and inputs, in an order where every input comes first, and the sink kind.

export type SinkKind = 'plain' | 'upsert' | 'two-phase-commit';
export type ConfEntry = readonly [key: string, value: string | number | boolean];

export interface ModelInput {
  from: string;
  partitioner: EdgeSpec['partitioner'];
  /** 0 or 1 for two-input operators */
  input: number;
}

export interface ModelOperator {
  spec: OperatorSpec;
  /** its place in the scenario's operator list (the lab seeds each source's log with it) */
  index: number;
  /** the scenario's `uid(String)`, or null: Flink then derives the operator's ID from its place in the graph */
  uid: string | null;
  parallelism: number;
  maxParallelism: number;
  /** the Java variable holding its output stream */
  variable: string;
  inputs: ModelInput[];
  source?: SourceParams;
  sinkKind?: SinkKind;
}

export interface JobModel {
  scenario: ScenarioSpec;
  seed: number;
  /** configuration entries in force, sorted by key; the run's override the scenario's */
  conf: ConfEntry[];
  operators: ModelOperator[];
  /** the two-phase-commit sink's transaction.timeout.ms: `sim.sink.transaction-timeout` in force */
  transactionTimeoutMs: number;
  mainClass: string;
  artifactId: string;
}

export interface ExportOptions {
  /** the run's seed; default: the scenario's, else 1 (as the lab) */
  seed?: number;
  /** the run's `--conf` entries, over the scenario's */
  conf?: Readonly<Record<string, string>>;
}

/** The scenario's `uid` of the operator, or null where it sets none. */
export function operatorUid(op: OperatorSpec): string | null {
  const uid = (op as { uid?: unknown }).uid;
  return typeof uid === 'string' && uid.length > 0 ? uid : null;
}

function mergedConf(scenario: ScenarioSpec, overrides: Readonly<Record<string, string>> | undefined): Map<string, string | number | boolean> {
  const merged = new Map<string, string | number | boolean>();
  for (const [k, v] of Object.entries(scenario.config ?? {})) merged.set(k, v);
  for (const [k, v] of Object.entries(overrides ?? {})) merged.set(k, v);
  validateConf(merged);
  return merged;
}

function topologicalOrder(scenario: ScenarioSpec): OperatorSpec[] {
  const placed = new Set<string>();
  const order: OperatorSpec[] = [];
  // a validated scenario is acyclic: each pass places at least one operator
  while (order.length < scenario.operators.length) {
    const before = order.length;
    for (const op of scenario.operators) {
      if (placed.has(op.id)) continue;
      if (scenario.edges.every((e) => e.to !== op.id || placed.has(e.from))) {
        placed.add(op.id);
        order.push(op);
      }
    }
    if (order.length === before) throw new Error('the job graph has a cycle');
  }
  return order;
}

/** Unique Java variable names, one per operator id. */
function variables(ids: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    const base = `${camelCase(id)}Stream`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    out.set(id, name);
  }
  return out;
}

export function buildJobModel(scenario: ScenarioSpec, options: ExportOptions = {}): JobModel {
  const merged = mergedConf(scenario, options.conf);
  const conf = new Conf(merged);
  const defaultParallelism = conf.number('parallelism.default') ?? 1;
  const confMaxP = conf.number('pipeline.max-parallelism');
  const sinkKindConf = conf.has('sim.sink.kind') ? (conf.text('sim.sink.kind') as SinkKind) : undefined;
  const names = variables(scenario.operators.map((o) => o.id));
  const operators = topologicalOrder(scenario).map((spec): ModelOperator => {
    const parallelism = spec.parallelism ?? defaultParallelism;
    const model: ModelOperator = {
      spec,
      index: scenario.operators.indexOf(spec),
      uid: operatorUid(spec),
      parallelism,
      maxParallelism: spec.maxParallelism ?? confMaxP ?? computeDefaultMaxParallelism(parallelism),
      variable: names.get(spec.id)!,
      inputs: scenario.edges.filter((e) => e.to === spec.id).map((e) => ({ from: e.from, partitioner: e.partitioner, input: e.input ?? 0 })),
    };
    if (spec.kind === 'source') model.source = sourceParams(spec, conf);
    if (spec.kind === 'sink') model.sinkKind = sinkKindConf ?? spec.sinkKind ?? 'plain';
    return model;
  });
  return {
    scenario,
    seed: options.seed ?? scenario.seed ?? 1,
    conf: [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    operators,
    transactionTimeoutMs: conf.duration('sim.sink.transaction-timeout')!,
    mainClass: `${pascalCase(scenario.id)}Job`,
    artifactId: `checkpoint-lab-${scenario.id}`,
  };
}
