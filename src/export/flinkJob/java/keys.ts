import type { ProjectFile } from '../../files';
import { javaString } from '../javaText';
import type { JobModel, ModelOperator } from '../jobModel';
import { JAVA_PACKAGE } from '../versions';

// How a source's keys reach the job. A method's bytecode and a class's constant pool are bounded
// (64 KB, 65,535 entries), so a long key list cannot be one array literal: numbered keys k0..kN-1
// are generated, a short list is written inline, a long one goes into a resource file, one
// percent-encoded key a line.

/** Lists longer than this go into a resource file. */
export const INLINE_KEYS = 500;

function isNumbered(keys: readonly string[]): boolean {
  return keys.every((k, i) => k === `k${i}`);
}

const resourceName = (op: ModelOperator) => `/${JAVA_PACKAGE}/keys-${op.index}.txt`;

/** The Java expression for the source's key array. */
export function keysExpression(op: ModelOperator): string {
  const keys = op.source!.keys;
  if (keys.length > 1 && isNumbered(keys)) return `LabLog.numberedKeys(${keys.length})`;
  if (keys.length <= INLINE_KEYS) return `new String[] {${keys.map(javaString).join(', ')}}`;
  return `LabLog.keysFromResource(${javaString(resourceName(op))})`;
}

/** The resource files of the sources whose key lists are too long to write inline. */
export function keyResources(model: JobModel): ProjectFile[] {
  return model.operators
    // a source of ever-new keys (SessionLog) has no key list
    .filter((op) => op.source && op.source.recordsPerSession === undefined && keysExpression(op).startsWith('LabLog.keysFromResource'))
    .map((op) => ({
      path: `src/main/resources${resourceName(op)}`,
      // encodeURIComponent leaves no line break, and '+' is encoded so URLDecoder reads it back
      text: `${op.source!.keys.map((k) => encodeURIComponent(k).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('\n')}\n`,
    }));
}
