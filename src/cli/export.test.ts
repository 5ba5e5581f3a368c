import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../engine';
import { flinkProject } from '../export';

// `sim --export flink --out <dir>` as a user runs it: one real process writes the project.

describe('npm run sim -- --export flink', { timeout: 120_000 }, () => {
  it('writes the exported project of the scenario, file for file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sim-export-')), 'job');
    try {
      const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--export', 'flink', '--out', out, '--scenario', 'two-inputs', '--conf', 'sim.sink.kind=two-phase-commit'], { encoding: 'utf8' }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out: stdout, err: stderr });
        });
      });
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      const expected = flinkProject(BUILTIN_SCENARIOS.find((s) => s.id === 'two-inputs'), { conf: { 'sim.sink.kind': 'two-phase-commit' } });
      expect(result.out).toContain(`wrote ${expected.length} files`);
      for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.text);
      expect(readdirSync(join(out, 'src/main/java/checkpointlab'))).toContain('LabEventSchema.java');
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  });
});
