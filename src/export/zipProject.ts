import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ProjectFile } from './files';

// A project as one .zip file, for the page's "Export as Flink job" button. Every entry carries the
// same fixed time, so the same files give the same bytes.

/** 1980-01-01, the earliest time a zip entry can carry: no clock in the archive. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Zips the files under one folder named `root` (the project's name), or at the top when root is ''. */
export function zipProject(files: readonly ProjectFile[], root = ''): Uint8Array {
  const prefix = root ? `${root.replace(/\/+$/, '')}/` : '';
  const entries: Zippable = {};
  const seen = new Set<string>();
  for (const f of files) {
    const path = `${prefix}${f.path}`;
    if (!f.path || f.path.startsWith('/') || f.path.split('/').includes('..')) throw new Error(`not a relative path inside the project: ${JSON.stringify(f.path)}`);
    if (seen.has(path)) throw new Error(`two files at ${JSON.stringify(path)}`);
    // fflate walks its input with `in` and reads options off each entry: a key the prototype knows would misread
    if (path in Object.prototype) throw new Error(`a file cannot be named ${JSON.stringify(path)} at the top of a zip here; give a root folder`);
    seen.add(path);
    // fflate reads nested objects as folders: a full path as one key is a file at that path
    Object.defineProperty(entries, path, { value: [strToU8(f.text), { mtime: FIXED_TIME }], enumerable: true });
  }
  return zipSync(entries, { level: 6 });
}
