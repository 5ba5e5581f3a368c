import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { EXPORT_MARKER, writeProject } from './exportWriter';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'export-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeProject', () => {
  it('writes into a new directory, with the marker that lists its files', () => {
    const out = join(fresh(), 'a', 'b');
    expect(writeProject(out, [{ path: 'pom.xml', text: '<p/>' }, { path: 'src/main/java/X.java', text: 'class X {}' }])).toEqual({ written: 2, removed: 0 });
    expect(readFileSync(join(out, 'src/main/java/X.java'), 'utf8')).toBe('class X {}');
    expect(readFileSync(join(out, EXPORT_MARKER), 'utf8')).toContain('src/main/java/X.java');
  });

  it('refuses a non-empty directory that is not a previous export, and a file', () => {
    const out = fresh();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(() => writeProject(out, [{ path: 'pom.xml', text: '' }])).toThrow(UsageError);
    expect(() => writeProject(join(out, 'notes.txt'), [{ path: 'pom.xml', text: '' }])).toThrow(/not a directory/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('replaces a previous export: its stale files go, other files stay', () => {
    const out = fresh();
    writeProject(out, [{ path: 'pom.xml', text: '1' }, { path: 'src/Old.java', text: 'old' }]);
    mkdirSync(join(out, 'target'));
    writeFileSync(join(out, 'target', 'job.jar'), 'jar');
    expect(writeProject(out, [{ path: 'pom.xml', text: '2' }, { path: 'src/New.java', text: 'new' }])).toEqual({ written: 2, removed: 1 });
    expect(existsSync(join(out, 'src/Old.java'))).toBe(false);
    expect(readFileSync(join(out, 'pom.xml'), 'utf8')).toBe('2');
    expect(readFileSync(join(out, 'target', 'job.jar'), 'utf8')).toBe('jar');
  });

  it('never removes or writes outside the directory, whatever the marker says', () => {
    const parent = fresh();
    const out = join(parent, 'p');
    writeFileSync(join(parent, 'precious'), 'keep');
    writeProject(out, [{ path: 'pom.xml', text: '1' }]);
    writeFileSync(join(out, EXPORT_MARKER), '../precious\n');
    expect(() => writeProject(out, [{ path: 'pom.xml', text: '2' }])).toThrow(/outside/);
    expect(readFileSync(join(parent, 'precious'), 'utf8')).toBe('keep');
    expect(() => writeProject(join(parent, 'q'), [{ path: '../escape', text: '' }])).toThrow(/outside/);
  });
});
