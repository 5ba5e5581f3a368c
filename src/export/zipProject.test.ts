import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../engine';
import { flinkProject } from './flinkJob/project';
import { zipProject } from './zipProject';

describe('zipProject', () => {
  const files = flinkProject(BUILTIN_SCENARIOS[0]);

  it('holds every file, under the root folder, with its text', () => {
    const entries = unzipSync(zipProject(files, 'checkpoint-lab-default'));
    expect(Object.keys(entries).sort()).toEqual(files.map((f) => `checkpoint-lab-default/${f.path}`).sort());
    for (const f of files) expect(strFromU8(entries[`checkpoint-lab-default/${f.path}`])).toBe(f.text);
  });

  it('gives the same bytes for the same files (no clock in the archive)', () => {
    expect(zipProject(files)).toEqual(zipProject(files));
  });

  it('refuses paths that leave the project, and a path twice', () => {
    expect(() => zipProject([{ path: '../evil', text: '' }])).toThrow(/relative path/);
    expect(() => zipProject([{ path: '/etc/passwd', text: '' }])).toThrow(/relative path/);
    expect(() => zipProject([{ path: 'a', text: '' }, { path: 'a', text: '' }])).toThrow(/two files/);
  });

  it('refuses a top-level name the prototype knows, and keeps it under a root folder', () => {
    expect(() => zipProject([{ path: '__proto__', text: 'x' }])).toThrow(/root folder/);
    const entries = unzipSync(zipProject([{ path: '__proto__', text: 'x' }, { path: 'constructor', text: 'y' }], 'p'));
    expect(Object.keys(entries).sort()).toEqual(['p/__proto__', 'p/constructor']);
  });
});
