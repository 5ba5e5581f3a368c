import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignToKeyGroup } from './kernels/keyGroups';
import type { SimState } from './sim/state';
import { builtinScenario } from './scenarios/builtin';
import type { ScenarioSpec } from './scenarios/schema';
import { parseScenario } from './scenarios/validate';
import { Simulation } from './sim/simulation';
import { latestCompleted } from './checkpoint/coordinator';
import { restoreJob } from './checkpoint/restoreJob';
import { computeOracle } from './oracle/oracle';
import { buildReport } from './report';
import { RunRecorder } from './timeline/recorder';
import { ConfigError } from './config/conf';

// A scenario file or a link is hostile: record keys and operator ids that are also names of
// Object.prototype's members must be ordinary keys, not writes onto (or reads from) prototypes.

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const ORDINARY_KEYS = ['Lion', 'Tiger', 'Bear', 'Wolf', 'Fox', 'Owl'];
const KILL = 'task:constructor/0@12 s';
const TWO_PHASE = { 'sim.sink.kind': 'two-phase-commit' };

/** The default job with these source keys; hostile ids name the map and the keyed count. */
function job(keys: string[], hostileIds: boolean): ScenarioSpec {
  const base = structuredClone(builtinScenario('default')!);
  const rename = (id: string) => (!hostileIds ? id : id === 'map' ? 'prototype' : id === 'count' ? 'constructor' : id);
  return {
    ...base,
    operators: base.operators.map((o) => ({ ...o, id: rename(o.id), ...(o.kind === 'source' ? { keys } : {}) })),
    edges: base.edges.map((e) => ({ ...e, from: rename(e.from), to: rename(e.to) })),
  };
}

const keyGroupOf = (state: SimState, opId: string, key: string) => assignToKeyGroup(key, state.plan.operators.find((o) => o.id === opId)!.maxParallelism);

function countOf(state: SimState, opId: string, key: string): number | undefined {
  const op = state.plan.operators.find((o) => o.id === opId)!;
  const kg = keyGroupOf(state, opId, key);
  const sid = op.subtasks.find((s) => {
    const range = state.plan.subtasks[s].keyGroupRange!;
    return kg >= range[0] && kg <= range[1];
  })!;
  return state.subtasks[sid].keyed.get(kg)?.get(key)?.get('count') as number | undefined;
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPristinePrototypes(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  const blank = {} as Record<string, unknown>;
  for (const name of ['count', 'sum', 'lastN', 'histogram', 'left', 'right', 'max']) expect(blank[name]).toBeUndefined();
  expect(() => parseScenario(builtinScenario('default'))).not.toThrow();
}

describe('user-supplied names that are also Object.prototype members', () => {
  let sim: Simulation;
  const restored: { checkpointId: number; keys: Set<string>; matchesSnapshot: boolean }[] = [];

  beforeAll(() => {
    sim = Simulation.create(job(HOSTILE_KEYS, true), { conf: TWO_PHASE, faults: [KILL] });
    sim.subscribe((ev) => {
      if (ev.type !== 'job-restored' || ev.checkpointId === 0) return;
      const cp = latestCompleted(sim.state)!;
      const keys = new Set<string>();
      let matchesSnapshot = true;
      for (const sid of sim.state.plan.operators.find((o) => o.id === 'constructor')!.subtasks) {
        const live = sim.state.subtasks[sid].keyed;
        for (const group of live.values()) for (const key of group.keys()) keys.add(key);
        try {
          expect(live).toEqual(cp.subtasks[sid].keyed);
        } catch {
          matchesSnapshot = false;
        }
      }
      restored.push({ checkpointId: ev.checkpointId, keys, matchesSnapshot });
    });
    sim.runUntil(25_000);
  });
  afterAll(expectPristinePrototypes);

  it('leaves Object.prototype alone, and the built-in default scenario still parses', () => {
    expect(sim.state.job.restarts).toBeGreaterThan(0);
    expectPristinePrototypes();
  });

  it('keeps every hostile key\'s state in the keyed state and in the latest checkpoint', () => {
    const cp = latestCompleted(sim.state)!;
    for (const key of HOSTILE_KEYS) {
      expect(countOf(sim.state, 'constructor', key), key).toBeGreaterThan(0);
      const stored = sim.state.plan.operators.find((o) => o.id === 'constructor')!.subtasks
        .map((sid) => cp.subtasks[sid].keyed.get(keyGroupOf(sim.state, 'constructor', key))?.get(key)?.get('count'))
        .filter((v) => v !== undefined);
      expect(stored, key).toHaveLength(1);
      expect(stored[0], key).toBeGreaterThan(0);
    }
  });

  it('restores every hostile key\'s state from the checkpoint after the failure', () => {
    expect(restored.length).toBeGreaterThan(0);
    for (const r of restored) {
      expect(r.matchesSnapshot).toBe(true);
      expect([...r.keys].sort()).toEqual([...HOSTILE_KEYS].sort());
    }
  });

  it('writes the hostile keys in the sim --json document like any key', () => {
    const report = JSON.parse(JSON.stringify(buildReport(sim.state, 0))) as ReturnType<typeof buildReport>;
    expect(Object.keys(report.state).sort()).toEqual(['constructor', 'source']);
    const shown = new Map<string, unknown>();
    // (report.state.constructor would be typed as Object's member: read it as data)
    for (const s of new Map(Object.entries(report.state)).get('constructor')!) for (const [k, v] of Object.entries(s.keyed)) shown.set(k, v);
    for (const key of HOSTILE_KEYS) expect(shown.get(key), key).toBe(countOf(sim.state, 'constructor', key));
    expect(Object.keys(report.sinks)).toEqual(['sink']);
    const history = report.checkpoints.history.find((h) => h.status === 'COMPLETED')!;
    expect(Object.keys(history.tasks)).toEqual(expect.arrayContaining(['constructor', 'prototype']));
  });

  it('keeps the sinks\' per-key tables as ordinary entries', () => {
    const sinks = sim.state.subtasks.filter((s) => s.sink).map((s) => s.sink!);
    const finals = new Set(sinks.flatMap((s) => [...s.finalValue.keys()]));
    for (const key of HOSTILE_KEYS) expect(finals.has(key), key).toBe(true);
    const upsert = Simulation.create(job(HOSTILE_KEYS, true), { conf: { 'sim.sink.kind': 'upsert' }, faults: [KILL] });
    upsert.runUntil(20_000);
    const rows = new Set(upsert.state.subtasks.flatMap((s) => (s.sink ? [...s.sink.upserts.keys()] : [])));
    expect([...rows].sort()).toEqual([...HOSTILE_KEYS].sort());
  });

  it('judges the run with a kill exactly-once, as the same job with ordinary keys', () => {
    const ordinary = Simulation.create(job(ORDINARY_KEYS, false), { conf: TWO_PHASE, faults: ['task:count/0@12 s'] });
    ordinary.runUntil(25_000);
    expect(computeOracle(ordinary.state).verdict).toBe('exactly-once');
    const verdict = computeOracle(sim.state);
    expect(verdict.verdict).toBe('exactly-once');
    expect(verdict.keys.map((k) => k.key).sort()).toEqual([...HOSTILE_KEYS].sort());
  });

  it('travels in time: a clone keeps the hostile keys, and seeking back and forth gives the same state', () => {
    const run = Simulation.create(job(HOSTILE_KEYS, true), { conf: TWO_PHASE, faults: [KILL] });
    const rec = new RunRecorder(run.state, { keyframeEveryMs: 2000 });
    rec.advance(run, 20_000);
    const clone = structuredClone(run.state);
    expect(clone.subtasks.map((s) => s.keyed)).toEqual(run.state.subtasks.map((s) => s.keyed));
    expect(countOf(clone, 'constructor', '__proto__')).toBe(countOf(run.state, 'constructor', '__proto__'));
    const earlier = rec.seek(9_000);
    expect(earlier.now).toBe(9_000);
    expect(HOSTILE_KEYS.some((k) => countOf(earlier.state, 'constructor', k) !== countOf(run.state, 'constructor', k))).toBe(true);
    const back = rec.seek(20_000);
    expect(back.state.subtasks.map((s) => s.keyed)).toEqual(run.state.subtasks.map((s) => s.keyed));
    expect(back.state.traceHash).toBe(run.state.traceHash);
  });

  it('restores with new parallelism by operator id: an id absent from the map keeps its parallelism', () => {
    const cp = latestCompleted(sim.state)!;
    const same = restoreJob(sim.state, cp.id, { parallelism: {} });
    expect(same.state.plan.operators.find((o) => o.id === 'constructor')!.parallelism).toBe(2);
    const wider = restoreJob(sim.state, cp.id, { parallelism: new Map([['constructor', 3], ['sink', 3]]) });
    expect(wider.state.plan.operators.find((o) => o.id === 'constructor')!.parallelism).toBe(3);
    for (const key of HOSTILE_KEYS) {
      const stored = Object.values(cp.subtasks).map((s) => s.keyed.get(keyGroupOf(sim.state, 'constructor', key))?.get(key)?.get('count')).find((v) => v !== undefined);
      expect(countOf(wider.state, 'constructor', key), key).toBe(stored);
    }
  });

  it('refuses a configuration key "__proto__" rather than dropping it', () => {
    const conf = JSON.parse('{"__proto__": "1 s"}') as Record<string, string>;
    expect(() => Simulation.create(builtinScenario('default')!, { conf })).toThrow(ConfigError);
  });
});
