import type { EdgeSpec, OperatorSpec, ScenarioSpec } from '../../engine';

// The job editor's edits, as pure functions of a scenario: each returns a new scenario and leaves
// checking it to parseScenario (a forward edge between different parallelisms, say).

export function setParallelism(spec: ScenarioSpec, id: string, parallelism: number): ScenarioSpec {
  return { ...spec, operators: spec.operators.map((o) => (o.id === id ? { ...o, parallelism } : o)) };
}

export function setUid(spec: ScenarioSpec, id: string, uid: string): ScenarioSpec {
  return {
    ...spec,
    operators: spec.operators.map((o) => {
      if (o.id !== id) return o;
      const { uid: _old, ...rest } = o;
      return (uid === '' ? rest : { ...rest, uid }) as OperatorSpec;
    }),
  };
}

function freeId(spec: ScenarioSpec, base: string): string {
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!spec.operators.some((o) => o.id === id)) return id;
  }
}

/** A map inserted on every output edge of `id`: it takes that operator's parallelism and a forward edge from it. */
export function insertMapAfter(spec: ScenarioSpec, id: string): ScenarioSpec {
  const from = spec.operators.find((o) => o.id === id);
  if (!from || from.kind === 'sink') return spec;
  const mapId = freeId(spec, 'map');
  const map: OperatorSpec = { id: mapId, name: `Map ${mapId.slice(4)}`, kind: 'map', fn: 'identity', ...(from.parallelism !== undefined ? { parallelism: from.parallelism } : {}) };
  const at = spec.operators.indexOf(from) + 1;
  const edges: EdgeSpec[] = spec.edges.flatMap((e) => (e.from === id ? [{ ...e, from: mapId }] : [e]));
  const first = spec.edges.findIndex((e) => e.from === id);
  edges.splice(first < 0 ? edges.length : first, 0, { from: id, to: mapId, partitioner: 'forward' });
  return { ...spec, operators: [...spec.operators.slice(0, at), map, ...spec.operators.slice(at)], edges };
}

/** Whether an operator can go without reconnecting more than one edge: a map, filter or flat-map with one input and one output. */
export function removable(spec: ScenarioSpec, id: string): boolean {
  const op = spec.operators.find((o) => o.id === id);
  return !!op && ['map', 'filter', 'flat-map'].includes(op.kind) && spec.edges.filter((e) => e.to === id).length === 1 && spec.edges.filter((e) => e.from === id).length === 1;
}

/** The operator taken out, its input joined to its output (the output's partitioner, or the input's where the output was forward). */
export function removeOperator(spec: ScenarioSpec, id: string): ScenarioSpec {
  if (!removable(spec, id)) return spec;
  const input = spec.edges.find((e) => e.to === id)!;
  const output = spec.edges.find((e) => e.from === id)!;
  const joined: EdgeSpec = { ...output, from: input.from, partitioner: output.partitioner === 'forward' ? input.partitioner : output.partitioner };
  return {
    ...spec,
    operators: spec.operators.filter((o) => o.id !== id),
    edges: spec.edges.filter((e) => e !== input).map((e) => (e === output ? joined : e)),
    slowSubtasks: spec.slowSubtasks?.filter((s) => s.operator !== id),
  };
}
