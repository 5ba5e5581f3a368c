import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { BUILTIN_SCENARIOS } from './builtin';
import { defaultScenario } from './builtin/default';
import { Conf } from '../config/conf';
import { jobSizeDefaults, jobSizeProblems, SCENARIO_LIMITS as L } from './limits';
import type { ScenarioSpec } from './schema';
import { parseScenario, parseScenarioText, ScenarioError } from './validate';

const problemsOf = (input: unknown): string => {
  try {
    parseScenario(input);
    return '';
  } catch (e) {
    if (e instanceof ScenarioError) return e.allProblems.join('\n');
    throw e;
  }
};

type Op = Record<string, unknown>;
const source = (id: string, extra: Op = {}): Op => ({ id, name: id, kind: 'source', partitions: 1, ratePerPartition: 1, parallelism: 1, ...extra });
const map = (id: string, parallelism = 1): Op => ({ id, name: id, kind: 'map', parallelism });
const job = (operators: Op[], edges: Op[], extra: Op = {}) => ({ id: 'job', title: 'Job', description: '', operators, edges, ...extra });

/** a source and n - 1 maps in a forward chain, all of one parallelism */
function chain(n: number, parallelism = 1) {
  const ops = [source('s', { parallelism, partitions: parallelism }), ...Array.from({ length: n - 1 }, (_, i) => map(`m${i}`, parallelism))];
  return job(ops, ops.slice(1).map((o, i) => ({ from: ops[i].id, to: o.id, partitioner: 'forward' })));
}

/** two sources into 62 maps (124 edges), then a chain through the first maps for the rest */
function manyEdges(count: number) {
  const maps = Array.from({ length: 62 }, (_, i) => map(`m${i}`));
  const edges: Op[] = [];
  for (const s of ['a', 'b']) for (const m of maps) edges.push({ from: s, to: m.id, partitioner: 'rebalance' });
  for (let i = 0; edges.length < count; i++) edges.push({ from: `m${i}`, to: `m${i + 1}`, partitioner: 'rebalance' });
  return job([source('a'), source('b'), ...maps], edges);
}

const at = (input: unknown) => expect(problemsOf(input)).toBe('');
const over = (input: unknown, message: RegExp) => expect(problemsOf(input)).toMatch(message);

describe('the simulator\'s limits', () => {
  it('leave room for every built-in scenario', () => {
    for (const s of BUILTIN_SCENARIOS) {
      expect(problemsOf(s)).toBe('');
      const size = jobSizeProblems({ ...s, operators: s.operators.map((o) => ({ ...o, parallelism: (o.parallelism ?? 1) * 2 })) }, { parallelism: 2 });
      expect(size).toEqual([]);
      // with its own configuration, and twice its channel capacity, too
      const conf = new Conf(Object.fromEntries(Object.entries(s.config ?? {}).map(([k, v]) => [k, String(v)])));
      const d = jobSizeDefaults(conf);
      expect(jobSizeProblems(s, { ...d, channelCapacity: (d.channelCapacity ?? 8) * 2 })).toEqual([]);
      expect(JSON.stringify(s).length * 10).toBeLessThan(L.textChars);
    }
  });

  it('operators', () => {
    at(chain(L.operators));
    over(chain(L.operators + 1), /^operators: 65 operators; this simulator runs at most 64 operators$/);
  });

  it('edges', () => {
    at(manyEdges(L.edges));
    over(manyEdges(L.edges + 1), /^edges: 129 edges; this simulator runs at most 128 edges$/);
  });

  it('subtasks, summed over the operators', () => {
    at(chain(4, 64));
    const tooMany = chain(4, 64);
    (tooMany.operators[3] as Op).parallelism = 65;
    tooMany.edges[2].partitioner = 'rebalance';
    over(tooMany, /operators: the parallelisms add up to 257 subtasks; this simulator runs at most 256 subtasks/);
  });

  it('parallelism of one operator, and Flink\'s bound of the max parallelism', () => {
    const one = (extra: Op) => job([source('s', extra), { id: 'k', name: 'K', kind: 'sink', parallelism: 1 }], [{ from: 's', to: 'k', partitioner: 'rebalance' }]);
    at(one({ parallelism: L.subtasks - 1, partitions: 4 }));
    over(one({ parallelism: L.subtasks + 1 }), /operators\.0\.parallelism: this simulator runs at most 256 subtasks/);
    at(one({ maxParallelism: L.maxParallelism }));
    over(one({ maxParallelism: L.maxParallelism + 1 }), /operators\.0\.maxParallelism: Maximum parallelism must be between 1 and 32768/);
  });

  it('counts a configured default parallelism', () => {
    const plain = job([source('s', { parallelism: undefined }), { id: 'm', name: 'm', kind: 'map' }], [{ from: 's', to: 'm', partitioner: 'forward' }]);
    at({ ...plain, config: { 'parallelism.default': 128 } });
    over({ ...plain, config: { 'parallelism.default': 129 } }, /258 subtasks/);
  });

  it('channels: producer × consumer for all-to-all edges, one per producer subtask for forward ones', () => {
    // 32 × 63 all-to-all channels, and one forward channel per subtask of a
    const wide = (a: number) => job(
      [source('a', { parallelism: a }), map('a1', a), source('b', { parallelism: 32 }), map('b1', 63)],
      [{ from: 'b', to: 'b1', partitioner: 'rebalance' }, { from: 'a', to: 'a1', partitioner: 'forward' }],
    );
    at(wide(32));
    expect(jobSizeProblems(wide(32) as ScenarioSpec, { parallelism: 1 })).toEqual([]);
    over(wide(33), /^edges: the job has 2,049 channels \(all-to-all edges connect every producer subtask to every consumer subtask\); this simulator runs at most 2,048 channels$/);
  });

  it('keys per source: keyCount, or the keys listed', () => {
    const keyed = (extra: Op) => job([source('s', extra), map('m')], [{ from: 's', to: 'm', partitioner: 'forward' }]);
    at(keyed({ keyCount: L.keysPerSource }));
    over(keyed({ keyCount: L.keysPerSource + 1 }), /operators\.0\.keyCount: this simulator runs at most 100,000 keys per source/);
    const keys = Array.from({ length: L.keysPerSource }, (_, i) => `k${i}`);
    at(keyed({ keys }));
    over(keyed({ keys: [...keys, 'one-more'] }), /^operators\.0\.keys: 100,001 keys; this simulator runs at most 100,000 keys per source$/);
  });

  it('records per simulated second of a source, also with sim.source.rate', () => {
    const src = (extra: Op, config?: Op) => job([source('s', extra), map('m')], [{ from: 's', to: 'm', partitioner: 'rebalance' }], config ? { config } : {});
    at(src({ partitions: 1000, ratePerPartition: 1000 }));
    over(src({ partitions: 1000, ratePerPartition: 1000.5 }), /operators\.0: 1,000 partitions × 1,000\.5 records\/s make 1,000,500 records per simulated second; this simulator reads at most 1,000,000 per source/);
    over(src({ partitions: 1000 }, { 'sim.source.rate': 1001 }), /1,001,000 records per simulated second/);
    // the same from the configuration given with the run: the job is refused before it is built
    const fine = src({ partitions: 1000 });
    expect(() => Simulation.create(fine, { conf: { 'sim.source.rate': '1001' } })).toThrow(/1,001,000 records per simulated second/);
    expect(() => Simulation.create(chain(4, 1), { conf: { 'parallelism.default': '100' } })).not.toThrow();
  });

  it('the configuration given with the run counts in the subtasks', () => {
    const plain = job([source('s', { parallelism: undefined }), { id: 'm', name: 'm', kind: 'map' }], [{ from: 's', to: 'm', partitioner: 'forward' }]);
    expect(() => Simulation.create(plain, { conf: { 'parallelism.default': '129' } })).toThrow(/258 subtasks; this simulator runs at most 256/);
  });

  it('string lengths', () => {
    const base = defaultScenario;
    at({ ...base, id: `a${'b'.repeat(L.idChars - 1)}` });
    over({ ...base, id: `a${'b'.repeat(L.idChars)}` }, /^id: ids are at most 64 characters here \(the simulator's limit\)$/);
    at({ ...base, title: 't'.repeat(L.titleChars) });
    over({ ...base, title: 't'.repeat(L.titleChars + 1) }, /^title: titles are at most 100 characters/);
    at({ ...base, description: 'd'.repeat(L.textBlockChars), lesson: 'l'.repeat(L.textBlockChars) });
    over({ ...base, lesson: 'l'.repeat(L.textBlockChars + 1) }, /^lesson: lesson texts are at most 4,000 characters/);
    const named = (name: string) => ({ ...base, operators: base.operators.map((o, i) => (i === 1 ? { ...o, name } : o)) });
    at(named('n'.repeat(L.nameChars)));
    over(named('n'.repeat(L.nameChars + 1)), /^operators\.1\.name: names are at most 100 characters/);
    const keyed = (key: string) => ({ ...base, operators: base.operators.map((o, i) => (i === 0 ? { ...o, keys: ['a', key] } : o)) });
    at(keyed('k'.repeat(L.keyChars)));
    over(keyed('k'.repeat(L.keyChars + 1)), /^operators\.0\.keys\.1: keys are at most 64 characters/);
  });

  it('lists: slow subtasks and faults', () => {
    const base = defaultScenario;
    const slow = (n: number) => ({ ...base, slowSubtasks: Array.from({ length: n }, () => ({ operator: 'map', subtask: 0, factor: 2 })) });
    at(slow(L.slowSubtasks));
    over(slow(L.slowSubtasks + 1), /^slowSubtasks: 257 slow subtasks; this simulator runs at most 256 slow subtasks$/);
    const faults = (n: number, text = 'task:map/0@5 s') => ({ ...base, faults: Array.from({ length: n }, () => text) });
    at(faults(L.faults));
    over(faults(L.faults + 1), /^faults: 65 faults; this simulator runs at most 64 faults$/);
    at(faults(1, 'x'.repeat(L.faultChars)));
    over(faults(1, 'x'.repeat(L.faultChars + 1)), /^faults\.0: faults are at most 200 characters/);
  });

  it('the configuration map: entries, key and value lengths', () => {
    const base = defaultScenario;
    const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`sim.x${i}`, '1']));
    expect(problemsOf({ ...base, config: entries(L.configEntries) })).not.toMatch(/configuration entries/);
    over({ ...base, config: entries(L.configEntries + 1) }, /^config: 65 entries; this simulator runs at most 64 configuration entries$/);
    at({ ...base, config: { 'sim.channel.latency': `${' '.repeat(L.configValueChars - 6)}300 ms` } });
    over({ ...base, config: { 'sim.channel.latency': `${' '.repeat(L.configValueChars - 5)}300 ms` } }, /configuration values are at most 200 characters/);
  });

  it('the size of a file, before it is parsed', () => {
    const text = JSON.stringify(defaultScenario);
    expect(parseScenarioText(text.padEnd(L.textChars, ' ')).id).toBe('default');
    const big = text.padEnd(L.textChars + 1, ' ');
    expect(() => parseScenarioText(big)).toThrow(/^invalid scenario: the file has 1,000,001 characters; this simulator runs at most 1,000,000 characters in a scenario file$/);
    // not even parsed: a broken file of that size says the same
    expect(() => parseScenarioText(`{${big}`)).toThrow(/1,000,002 characters/);
  });

  it('the same edge twice', () => {
    const e = defaultScenario.edges[1];
    over({ ...defaultScenario, edges: [...defaultScenario.edges, e] }, /^edges\.3: the same edge as edges\.1 \(from "map" to "count", input 0\)$/);
    const twoInputs = BUILTIN_SCENARIOS.find((s) => s.id === 'two-inputs')!;
    at(twoInputs);
    const copies = Array.from({ length: 100 }, () => twoInputs.edges[0]);
    const many = problemsOf({ ...twoInputs, edges: [...twoInputs.edges, ...copies] });
    expect(many.split('\n').filter((p) => /the same edge as edges\.0/.test(p))).toHaveLength(100);
  });

  describe('values that would make a run blow up or lose precision', () => {
    const base = defaultScenario;
    const defined = (o: Op) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const withOp = (i: number, extra: Op) => ({ ...base, operators: base.operators.map((o, j) => (j === i ? defined({ ...o, ...extra }) : o)) });
    const withEdge = (extra: Op) => ({ ...base, edges: base.edges.map((e, j) => (j === 1 ? { ...e, ...extra } : e)) });

    it('the run length', () => {
      at({ ...base, durationMs: L.durationMs });
      over({ ...base, durationMs: L.durationMs + 1 }, /^durationMs: the run length, in ms, is at most 3,600,000 here \(the simulator's limit\)$/);
    });

    it('a source: bounded log, values, skew', () => {
      at(withOp(0, { recordsPerPartition: L.recordsPerPartition, maxValue: L.maxValue, skew: L.skew, distribution: 'skewed' }));
      over(withOp(0, { recordsPerPartition: L.recordsPerPartition + 1 }), /^operators\.0\.recordsPerPartition: a bounded log's length is at most 100,000,000/);
      over(withOp(0, { maxValue: L.maxValue + 1 }), /^operators\.0\.maxValue: maxValue is at most 100,000 here/);
      over(withOp(0, { skew: L.skew + 0.01 }), /^operators\.0\.skew: the skew is at most 10 here/);
    });

    it('processing cost, from the scenario and from the configuration', () => {
      at(withOp(1, { costMs: L.costMs }));
      over(withOp(1, { costMs: L.costMs + 0.5 }), /^operators\.1\.costMs: the cost of a record, in ms, is at most 10,000 here/);
      at({ ...base, config: { ...base.config, 'sim.processing.cost': '10 s' } });
      over({ ...base, config: { ...base.config, 'sim.processing.cost': '10001 ms' } }, /^sim\.processing\.cost: 10,001 ms is more than the 10,000 ms this simulator runs$/);
      expect(() => Simulation.create(base, { conf: { 'sim.processing.cost': '10001 ms' } })).toThrow(/sim\.processing\.cost: 10,001 ms is more than/);
    });

    it('a slow subtask\'s factor', () => {
      at({ ...base, slowSubtasks: [{ operator: 'map', subtask: 0, factor: L.slowFactor }] });
      over({ ...base, slowSubtasks: [{ operator: 'map', subtask: 0, factor: L.slowFactor + 0.5 }] }, /^slowSubtasks\.0\.factor: the slow-down factor is at most 1,000 here/);
    });

    it('histogram buckets, last-n lists and flat-map copies', () => {
      const keyedAfterMap = (op: Op) => withOp(2, op);
      at(keyedAfterMap({ kind: 'keyed-histogram', bucketSize: L.bucketSize }));
      over(keyedAfterMap({ kind: 'keyed-histogram', bucketSize: L.bucketSize + 1 }), /^operators\.2\.bucketSize: bucketSize is at most 1,000,000,000 here/);
      at(keyedAfterMap({ kind: 'keyed-last-n', n: L.lastN }));
      over(keyedAfterMap({ kind: 'keyed-last-n', n: L.lastN + 1 }), /^operators\.2\.n: n is at most 100 here/);
      at(withOp(1, { kind: 'flat-map', copies: L.flatMapCopies, fn: undefined }));
      over(withOp(1, { kind: 'flat-map', copies: L.flatMapCopies + 1, fn: undefined }), /^operators\.1\.copies: copies is at most 16 here/);
    });

    it('channel capacity, latency and jitter of an edge', () => {
      at(withEdge({ capacity: L.channelCapacity, latencyMs: L.channelDelayMs, jitterMs: L.channelDelayMs }));
      over(withEdge({ capacity: L.channelCapacity + 1 }), /^edges\.1\.capacity: this simulator runs at most 4,096 records per channel$/);
      over(withEdge({ latencyMs: L.channelDelayMs + 0.5 }), /^edges\.1\.latencyMs: a channel delay, in ms, is at most 60,000 here/);
      over(withEdge({ jitterMs: L.channelDelayMs + 0.5 }), /^edges\.1\.jitterMs: a channel delay/);
    });

    it('channel capacity, latency and jitter from the configuration, the scenario\'s or the run\'s', () => {
      const conf = (extra: Op) => ({ ...base, config: { ...base.config, ...extra } });
      at(conf({ 'sim.channel.capacity': L.channelCapacity, 'sim.channel.latency': '60 s', 'sim.channel.jitter': '1 min' }));
      over(conf({ 'sim.channel.capacity': L.channelCapacity + 1 }), /^config: sim\.channel\.capacity: "4097" is not accepted; use an integer >= 1 and <= 4096$/);
      over(conf({ 'sim.channel.latency': '60001 ms' }), /^sim\.channel\.latency: 60,001 ms is more than the 60,000 ms this simulator runs$/);
      over(conf({ 'sim.channel.jitter': '61 s' }), /^sim\.channel\.jitter: 61,000 ms is more than the 60,000 ms/);
      expect(() => Simulation.create(base, { conf: { 'sim.channel.latency': '2 min' } })).toThrow(/sim\.channel\.latency: 120,000 ms is more than/);
      expect(() => Simulation.create(base, { conf: { 'sim.channel.capacity': '4097' } })).toThrow(/<= 4096/);
    });

    it('the source rate from the configuration', () => {
      at({ ...base, config: { ...base.config, 'sim.source.rate': L.sourceRecordsPerSecond / 4 } });
      over({ ...base, config: { ...base.config, 'sim.source.rate': L.sourceRecordsPerSecond + 1 } }, /^config: sim\.source\.rate: "1000001" is not accepted; use a number >= 0\.001 and <= 1000000$/);
    });

    it('records in flight: the capacities of all channels added up', () => {
      // 8 × 8 all-to-all channels of 4,096 records each: exactly the bound; one more channel of 1 record is over
      const inFlight = (extra: Op[]) => job(
        [source('s', { parallelism: 8, partitions: 8 }), map('m', 8), source('t'), map('n')],
        [{ from: 's', to: 'm', partitioner: 'rebalance', capacity: L.channelCapacity }, ...extra],
      );
      const exact = job([source('s', { parallelism: 8, partitions: 8 }), map('m', 8)], [{ from: 's', to: 'm', partitioner: 'rebalance', capacity: L.channelCapacity }]);
      at(exact);
      over(inFlight([{ from: 't', to: 'n', partitioner: 'forward', capacity: 1 }]), /^edges: the capacities of the job's 65 channels add up to 262,145 records in flight; this simulator runs at most 262,144 records in flight \(lower sim\.channel\.capacity\)$/);
      // the run's configuration counts for edges without their own capacity
      const plain = job([source('s', { parallelism: 8, partitions: 8 }), map('m', 8)], [{ from: 's', to: 'm', partitioner: 'rebalance' }]);
      expect(() => Simulation.create(plain, { conf: { 'sim.channel.capacity': String(L.channelCapacity) } })).not.toThrow();
      expect(() => Simulation.create({ ...plain, operators: [...plain.operators, source('t'), map('n')], edges: [...plain.edges, { from: 't', to: 'n', partitioner: 'forward' }] }, { conf: { 'sim.channel.capacity': String(L.channelCapacity) } }))
        .toThrow(/add up to 266,240 records in flight/);
    });

    describe('records one source record becomes', () => {
      const flatMaps = (copies: number[], last: Op = { partitioner: 'forward' }, sinkParallelism = 1) => {
        const ops: Op[] = [source('s'), ...copies.map((c, i) => ({ id: `f${i}`, name: `f${i}`, kind: 'flat-map', copies: c, parallelism: 1 })), { id: 'k', name: 'k', kind: 'sink', parallelism: sinkParallelism }];
        return job(ops, ops.slice(1).map((o, i) => ({ from: ops[i].id, to: o.id, partitioner: 'forward', ...(i === ops.length - 2 ? last : {}) })));
      };

      it('flat-map copies multiply along a path', () => {
        at(flatMaps([16, 16]));
        at(flatMaps([2, 2, 2, 2, 2, 2, 2, 2]));
        over(flatMaps([2, 2, 2, 2, 2, 2, 2, 2, 2]), /^operators\.9: one record of each source becomes 512 records at "f8" \(flat-map copies × broadcast fan-outs, summed over the paths\); this simulator runs at most 256$/);
        // the chained flat-maps the issue names: 16 × 16 × 16 = 4,096
        over(flatMaps([16, 16, 16]), /becomes 4,096 records at "f2"/);
      });

      it('a broadcast edge multiplies by the consumer\'s parallelism', () => {
        at(flatMaps([16, 8], { partitioner: 'broadcast' }, 2));
        over(flatMaps([16, 16], { partitioner: 'broadcast' }, 2), /^operators\.3: one record of each source becomes 512 records at "k"/);
      });

      it('paths that meet again add up', () => {
        // s -> f (16) -> a, b -> union -> g: 16 × 2 × g's copies
        const diamond = (copies: number) => job(
          [source('s'), { id: 'f', name: 'f', kind: 'flat-map', copies: 16 }, map('a'), map('b'), { id: 'u', name: 'u', kind: 'union' }, { id: 'g', name: 'g', kind: 'flat-map', copies }],
          [{ from: 's', to: 'f', partitioner: 'forward' }, { from: 'f', to: 'a', partitioner: 'forward' }, { from: 'f', to: 'b', partitioner: 'forward' },
            { from: 'a', to: 'u', partitioner: 'forward', input: 0 }, { from: 'b', to: 'u', partitioner: 'forward', input: 1 }, { from: 'u', to: 'g', partitioner: 'forward' }],
        );
        at(diamond(8));
        over(diamond(9), /^operators\.5: one record of each source becomes 288 records at "g"/);
      });

      it('a ladder of diamonds doubles at each rung: counted in one pass, not path by path', () => {
        // 21 rungs make 2^21 paths; a count path by path would walk every one
        const ops: Op[] = [source('s')];
        const edges: Op[] = [];
        let prev = 's';
        for (let r = 0; r < 21; r++) {
          ops.push(map(`a${r}`), map(`b${r}`), { id: `u${r}`, name: `u${r}`, kind: 'union', parallelism: 1 });
          edges.push({ from: prev, to: `a${r}`, partitioner: 'forward' }, { from: prev, to: `b${r}`, partitioner: 'forward' },
            { from: `a${r}`, to: `u${r}`, partitioner: 'forward', input: 0 }, { from: `b${r}`, to: `u${r}`, partitioner: 'forward', input: 1 });
          prev = `u${r}`;
        }
        expect(ops).toHaveLength(L.operators);
        over(job(ops, edges), /^operators\.27: one record of each source becomes 512 records at "u8"/);
      });

      it('flat-maps in a row, even of one copy each: the copy number stays exact', () => {
        at(flatMaps(Array(L.flatMapsInARow).fill(1)));
        over(flatMaps(Array(L.flatMapsInARow + 1).fill(1)), /^operators\.14: "f13" is flat-map number 14 on a path from a source; this simulator runs at most 13 flat-maps in a row$/);
      });

      it('counts a configured default parallelism in broadcast fan-outs', () => {
        const b = flatMaps([16, 16], { partitioner: 'broadcast' });
        const plain = { ...b, operators: b.operators.map((o) => (o.id === 'k' ? { id: 'k', name: 'k', kind: 'sink' } : o)) };
        expect(() => Simulation.create(plain)).not.toThrow();
        expect(() => Simulation.create(plain, { conf: { 'parallelism.default': '2' } })).toThrow(/becomes 512 records at "k"/);
      });
    });
  });
});
