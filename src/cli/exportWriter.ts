import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ProjectFile } from '../export';
import { quote } from '../engine';
import { UsageError } from './args';

// Writes an exported project to a directory. The directory must be new, empty, or a previous
// export (it holds our marker file): then the files we wrote last time are replaced, the ones the
// new export no longer has are removed, and everything else (target/, the user's own files) stays.

/** The marker of a directory `sim --export` wrote: the list of the files it wrote, one a line. */
export const EXPORT_MARKER = '.checkpoint-lab-export';

function inside(root: string, path: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (!rel || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== full) {
    throw new UsageError(`--out: the project file ${quote(path)} would land outside ${quote(root)}`);
  }
  return full;
}

function previousFiles(root: string): string[] | null {
  const marker = join(root, EXPORT_MARKER);
  if (!existsSync(marker) || !lstatSync(marker).isFile()) return null;
  return readFileSync(marker, 'utf8').split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
}

export function writeProject(out: string, files: readonly ProjectFile[]): { written: number; removed: number } {
  const root = resolve(out);
  let previous: string[] = [];
  if (existsSync(root)) {
    if (!lstatSync(root).isDirectory()) throw new UsageError(`--out: ${quote(out)} exists and is not a directory`);
    if (readdirSync(root).length > 0) {
      const listed = previousFiles(root);
      if (listed === null) throw new UsageError(`--out: ${quote(out)} is not empty and is not a previous export (no ${EXPORT_MARKER}); give a new or empty directory`);
      previous = listed;
    }
  }
  const paths = new Set(files.map((f) => f.path));
  let removed = 0;
  for (const old of previous) {
    if (paths.has(old)) continue;
    const full = inside(root, old);
    if (existsSync(full) && lstatSync(full).isFile()) {
      rmSync(full);
      removed++;
    }
  }
  mkdirSync(root, { recursive: true });
  for (const f of files) {
    const full = inside(root, f.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, f.text, 'utf8');
  }
  writeFileSync(join(root, EXPORT_MARKER), `# written by Checkpoint Lab's sim --export; lists the files it wrote\n${[...paths].join('\n')}\n`, 'utf8');
  return { written: files.length, removed };
}
