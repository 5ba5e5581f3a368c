import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, Conf } from '../../engine';
import { recordAt, sourceParams } from '../../engine/runtime/sourceLog';
import { labEventClass } from './java/event';
import { labLogClass } from './java/labLog';
import { sessionLogClass } from './java/sessionLog';

// The generated LabLog reproduces the lab's logs record for record. Checked by compiling it with
// javac (against two one-line stand-ins for Flink's interfaces) and comparing what it generates
// with the engine's recordAt. Skipped where no JDK is installed.

const hasJavac = spawnSync('javac', ['-version']).status === 0;

const STUBS: Record<string, string> = {
  'org/apache/flink/connector/datagen/source/GeneratorFunction.java': 'package org.apache.flink.connector.datagen.source;\npublic interface GeneratorFunction<T, O> extends java.io.Serializable { O map(T value) throws Exception; }\n',
  'org/apache/flink/api/java/functions/KeySelector.java': 'package org.apache.flink.api.java.functions;\npublic interface KeySelector<I, K> extends java.io.Serializable { K getKey(I value) throws Exception; }\n',
  'checkpointlab/Probe.java': [
    'package checkpointlab;',
    'public class Probe {',
    '  public static void main(String[] a) throws Exception {',
    '    String[] keys = a[0].equals("numbered") ? LabLog.numberedKeys(Integer.parseInt(a[1])) : a[1].split(",");',
    '    LabLog log = new LabLog(keys, Integer.parseInt(a[2]), Boolean.parseBoolean(a[3]), Double.parseDouble(a[4]), Long.parseLong(a[5]), Integer.parseInt(a[6]), Integer.parseInt(a[7]));',
    '    StringBuilder out = new StringBuilder();',
    '    for (long i = 0; i < 600; i++) { LabEvent e = log.map(i); out.append(e.key).append(\':\').append(e.value).append(\' \'); }',
    '    System.out.print(out);',
    '  }',
    '}',
  ].join('\n'),
};

/** Compiles the given classes with the stubs into a fresh folder; returns the folder (classes under out/). */
function compiled(classes: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lablog-'));
  const files = { ...STUBS, 'checkpointlab/LabLog.java': labLogClass().text, 'checkpointlab/LabEvent.java': labEventClass().text, ...classes };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'src', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'src', path), text);
  }
  execFileSync('javac', ['-d', join(dir, 'out'), ...Object.keys(files).map((p) => join(dir, 'src', p))]);
  return dir;
}

describe.skipIf(!hasJavac)('LabLog.java', { timeout: 120_000 }, () => {
  it('generates the keys and values of the lab\'s logs', () => {
    const dir = compiled({});
    try {
      const cases = [
        { scenario: 'wide', seed: 1 },
        { scenario: 'default', seed: 3 },
        { scenario: 'two-inputs', seed: -7, sourceIndex: 1 },
      ];
      for (const c of cases) {
        const spec = BUILTIN_SCENARIOS.find((s) => s.id === c.scenario)!;
        const index = c.sourceIndex ?? 0;
        const op = spec.operators[index];
        if (op.kind !== 'source') throw new Error('not a source');
        const p = sourceParams(op, new Conf(spec.config ?? {}));
        const numbered = p.keys.every((k, i) => k === `k${i}`);
        const skewed = p.distribution === 'skewed' && p.skew > 0;
        const java = execFileSync('java', ['-cp', join(dir, 'out'), 'checkpointlab.Probe', numbered ? 'numbered' : 'list', numbered ? String(p.keys.length) : p.keys.join(','), String(p.partitions), String(skewed), String(p.skew), String(p.maxValue), String(c.seed), String(index)], { encoding: 'utf8' });
        let lab = '';
        for (let i = 0; i < 600; i++) {
          const r = recordAt(p, c.seed, index, i % p.partitions, Math.floor(i / p.partitions));
          lab += `${r.key}:${r.value} `;
        }
        expect(java, c.scenario).toBe(lab);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SessionLog.java generates the lab\'s session ids and values for a source with ever-new keys', () => {
    const probe = [
      'package checkpointlab;',
      'public class SessionProbe {',
      '  public static void main(String[] a) throws Exception {',
      '    SessionLog log = new SessionLog(Integer.parseInt(a[0]), Long.parseLong(a[1]), Long.parseLong(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));',
      '    StringBuilder out = new StringBuilder();',
      '    for (long i = 0; i < 600; i++) { LabEvent e = log.map(i); out.append(e.key).append(\':\').append(e.value).append(\' \'); }',
      '    System.out.print(out);',
      '  }',
      '}',
    ].join('\n');
    const dir = compiled({ 'checkpointlab/SessionLog.java': sessionLogClass().text, 'checkpointlab/SessionProbe.java': probe });
    try {
      const spec = BUILTIN_SCENARIOS.find((s) => s.id === 'state-ttl')!;
      const op = spec.operators[0];
      if (op.kind !== 'source') throw new Error('not a source');
      const p = sourceParams(op, new Conf(spec.config ?? {}));
      expect(p.recordsPerSession).toBe(4);
      for (const seed of [1, -7]) {
        const java = execFileSync('java', ['-cp', join(dir, 'out'), 'checkpointlab.SessionProbe', String(p.partitions), String(p.recordsPerSession), String(p.maxValue), String(seed), '0'], { encoding: 'utf8' });
        let lab = '';
        for (let i = 0; i < 600; i++) {
          const r = recordAt(p, seed, 0, i % p.partitions, Math.floor(i / p.partitions));
          lab += `${r.key}:${r.value} `;
        }
        expect(java, `seed ${seed}`).toBe(lab);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
