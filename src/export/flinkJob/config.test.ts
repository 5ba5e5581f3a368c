import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, configKey } from '../../engine';
import { configYaml, yamlScalar } from './config';
import { buildJobModel } from './jobModel';

// config.yaml is read by Flink's YAML parser. The exporter writes a small part of YAML: comments,
// blank lines and `key: scalar` lines. This reader accepts exactly that part and refuses anything
// else, so a line the exporter got wrong fails here.

function readFlatYaml(text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const m = /^([a-z][a-z0-9.-]*): (.+)$/.exec(line);
    if (!m) throw new Error(`line ${i + 1} is not "key: value": ${line}`);
    if (out.has(m[1])) throw new Error(`line ${i + 1}: ${m[1]} twice`);
    let value = m[2];
    if (value.startsWith('"')) value = JSON.parse(value) as string;
    else if (/^[#&*!|>'%@`{[\],-]|\s#|:\s|:$/.test(value)) throw new Error(`line ${i + 1}: ${value} is not a plain YAML scalar`);
    out.set(m[1], value);
  });
  return out;
}

describe('config.yaml', () => {
  it.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))('of %s is YAML with Flink\'s keys only', (_, scenario) => {
    const read = readFlatYaml(configYaml(buildJobModel(scenario)).text);
    for (const key of read.keys()) {
      expect(key.startsWith('sim.')).toBe(false);
      expect(configKey(key) ?? key === 'execution.checkpointing.dir').toBeTruthy();
    }
    for (const [key, value] of Object.entries(scenario.config ?? {})) if (!key.startsWith('sim.')) expect(read.get(key)).toBe(String(value));
  });

  it('carries the run\'s --conf over the scenario\'s, and says where each sim.* key went', () => {
    const model = buildJobModel(BUILTIN_SCENARIOS[0], { conf: { 'execution.checkpointing.interval': '2 s', 'state.backend.type': 'rocksdb', 'execution.checkpointing.incremental': 'true', 'sim.source.rate': '3' } });
    const text = configYaml(model).text;
    const read = readFlatYaml(text);
    expect(read.get('execution.checkpointing.interval')).toBe('2 s');
    expect(read.get('state.backend.type')).toBe('rocksdb');
    expect(read.get('execution.checkpointing.incremental')).toBe('true');
    expect(text).toMatch(/^# {3}sim\.source\.rate: 3 -> the generator's rate/m);
  });

  it('quotes what YAML would misread', () => {
    expect(yamlScalar('5 s')).toBe('5 s');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('#x')).toBe('"#x"');
    expect(yamlScalar(3)).toBe('3');
  });
});
