import fc from 'fast-check';
import { BUILTIN_SCENARIOS, CONFIG_KEYS } from '../engine';
import { CONTROL_SAMPLES, HOSTILE_KEYS, hostileNumber, hostileString } from './hostile';

// Values in the simulator's own vocabularies (durations, configuration, fault specs, operator
// ids), half plausible and half hostile, shared by the scenario, link and command-line generators.

/** Operator ids of every built-in scenario, so fault specs and commands often name a real subtask. */
export const KNOWN_OPERATOR_IDS = [...new Set(BUILTIN_SCENARIOS.flatMap((s) => s.operators.map((o) => o.id)))];
export const BUILTIN_IDS = BUILTIN_SCENARIOS.map((s) => s.id);

export const durationText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('500 ms', '1 s', '2 s', '10 s', '0', '0 ms', '1', '100', '2 min', '1 h', '10s', '0.5 s') },
  { weight: 2, arbitrary: fc.constantFrom('-1', '-5 s', 'NaN', 'Infinity', '1e3', '1e999', '99999999999999999999 d', '9007199254740993', '0.0000001 ms', '5 constructor', '5 __proto__', '1 toString', '1 valueOf', '1 hasOwnProperty', '5 parsecs', ' ', '', '5 s s', '\u001b[2J5 s') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('', ' ms', ' s', ' min', ' h', ' d', 'ms', 'S', ' Seconds')).map(([n, u]) => `${n}${u}`) },
  { weight: 1, arbitrary: hostileString },
);

const confKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CONFIG_KEYS.map((k) => k.key)) },
  { weight: 2, arbitrary: fc.constantFrom<string>(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('sim.', 'execution.checkpointing.', 'execution.checkpointing.__proto__', 'sim.channel.constructor', 'Execution.Checkpointing.Interval', ' sim.channel.capacity ', 'a.b.c.d.e.f.g') },
  { weight: 1, arbitrary: hostileString },
);

const confValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('true', 'false', 'EXACTLY_ONCE', 'AT_LEAST_ONCE', 'rocksdb', 'hashmap', 'region', 'full', 'fixed-delay', 'none', 'two-phase-commit', 'upsert', 'non-replayable', 'stop-the-world', '1', '2', '0', '-1', '32768', '32769', '1.5') },
  { weight: 2, arbitrary: durationText },
  { weight: 1, arbitrary: hostileNumber.map(String) },
  { weight: 1, arbitrary: hostileString },
);

/** One configuration entry: a real key with an awkward value, or a hostile key. */
export const confEntry: fc.Arbitrary<[string, string]> = fc.tuple(confKey, confValue);

const operatorRef: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_OPERATOR_IDS), fc.constantFrom(0, 0, 1, 2, 3, 7, 31, 255, 9999999999)).map(([o, i]) => `${o}/${i}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<string>(...HOSTILE_KEYS, 'no-such-op', ''), fc.constantFrom('0', '-1', '1.5', '', 'x')).map(([o, i]) => `${o}/${i}`) },
);

const whenText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: durationText },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('alignment', 'acknowledged', 'completed'), fc.constantFrom('0', '1', '2', '999999999999999999999', '-1', '1.5'), fc.option(operatorRef, { nil: undefined })).map(([p, n, at]) => (at ? `${p}:${n}:${at}` : `${p}:${n}`)) },
);

/** A `--fault` spec (CONTRACTS §2), mostly well-formed, often naming things that do not exist. */
export const faultSpec: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(operatorRef, whenText).map(([r, w]) => `task:${r}@${w}`) },
  { weight: 2, arbitrary: fc.tuple(operatorRef, fc.constantFrom('0', '1', '2', '0.5', '1.0', '1000000', '1e9', '00', '0.0000001'), whenText).map(([r, f, w]) => `slow:${r}x${f}@${w}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('0', '1', '3', '99999'), whenText).map(([n, w]) => `taskmanager:${n}@${w}`) },
  { weight: 1, arbitrary: whenText.map((w) => `jobmanager@${w}`) },
  { weight: 1, arbitrary: fc.tuple(durationText, whenText).map(([d, w]) => `storage-outage:${d}@${w}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('0', '1', '79', '100000'), whenText).map(([n, w]) => `channel:${n}@${w}`) },
  { weight: 1, arbitrary: fc.tuple(operatorRef, operatorRef, whenText).map(([a, b, w]) => `channel:${a}->${b}@${w}`) },
  { weight: 1, arbitrary: fc.constantFrom('alignment:0', 'task:map/0', '@', '', 'task:@5 s', 'jobmanager@@', 'slow:map/0x0', 'jobmanager@alignment:1', ...CONTROL_SAMPLES.map((c) => `jobmanager@${c}`)) },
  { weight: 1, arbitrary: hostileString },
);

/** A decoded `run=` payload: recorded commands, well-formed or not. */
export const commandList: fc.Arbitrary<unknown> = (() => {
  const index = fc.oneof(fc.constantFrom(0, 1, 2, 3, 7, 31), hostileNumber);
  const fault = fc.oneof(
    index.map((subtask) => ({ kind: 'task', subtask })),
    index.map((index) => ({ kind: 'taskmanager', index })),
    fc.constant({ kind: 'jobmanager' }),
    hostileNumber.map((durationMs) => ({ kind: 'storage-outage', durationMs })),
    fc.tuple(index, hostileNumber).map(([subtask, factor]) => ({ kind: 'slow', subtask, factor })),
    index.map((channel) => ({ kind: 'channel', channel })),
    hostileString.map((kind) => ({ kind })),
  );
  const command = fc.oneof(
    fault.map((f) => ({ kind: 'fault', fault: f })),
    fc.tuple(fault, fc.constantFrom('alignment', 'acknowledged', 'completed', '__proto__'), index, fc.option(index, { nil: undefined })).map(([f, phase, checkpointId, subtask]) => ({ kind: 'arm-fault', fault: f, when: { phase, checkpointId, subtask } })),
    fc.constantFrom({ kind: 'trigger-checkpoint' }, { kind: 'trigger-savepoint' }, { kind: 'stop-with-savepoint' }),
    fc.array(confEntry, { maxLength: 3 }).map((entries) => ({ kind: 'set-config', conf: Object.fromEntries(entries) })),
    fc.tuple(index, fc.dictionary(fc.constantFrom(...KNOWN_OPERATOR_IDS, '__proto__', 'constructor'), index, { maxKeys: 3 }), fc.boolean()).map(([snapshotId, parallelism, allowNonRestoredState]) => ({ kind: 'restore', snapshotId, parallelism, allowNonRestoredState })),
    fc.constantFrom<unknown>(null, {}, { kind: '__proto__' }, { kind: 'constructor' }, 'fault'),
  );
  const at = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8000 }) }, { weight: 1, arbitrary: hostileNumber });
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.record({ at, command }), { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, {}, 'x', 1, [null], [[]], { length: 1e9 }, { __proto__: [] }) },
  );
})();
