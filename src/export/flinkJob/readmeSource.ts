import { formatDuration } from '../../engine';
import { operatorTtl } from './java/stateTtl';
import type { JobModel } from './jobModel';

// README paragraphs that only some scenarios need: ever-new keys and pauses of a source, and the
// state TTL of keyed operators. A scenario without them gets none of these lines.

const name = (text: string) => `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'")}\``;

/** The "What is here" line of SessionLog.java, when a source has ever-new keys. */
export function sessionLogLine(model: JobModel): string[] {
  return model.operators.some((o) => o.source?.recordsPerSession !== undefined)
    ? ['- `SessionLog.java`: the data-generator function of a source with ever-new keys: the lab\'s session ids (each the key of a few records in a row of a partition, then never again) and the same values.']
    : [];
}

/** One honest line per source whose pause the exported generator cannot reproduce. */
export function pauseLines(model: JobModel): string[] {
  const paused = model.operators.filter((o) => o.source?.pause);
  return paused.length
    ? ['', ...paused.map((o) => `In the lab, ${name(o.spec.name)} stops at ${formatDuration(o.source!.pause!.atMs)} for ${formatDuration(o.source!.pause!.forMs)} (no records while checkpoints go on); the exported \`DataGeneratorSource\` has a constant rate and cannot pause, so this job reads on without that pause.`)]
    : [];
}

/** The state TTL section: which operators' states expire, and what cleans them up on each backend. */
export function ttlSection(model: JobModel): string[] {
  const keyed = model.operators.filter((o) => o.spec.kind.startsWith('keyed-'));
  const withTtl = keyed.filter((o) => operatorTtl(o.spec) !== undefined);
  if (!withTtl.length) return [];
  const without = keyed.filter((o) => operatorTtl(o.spec) === undefined);
  return [
    '## State TTL',
    '',
    `State with a time-to-live: ${withTtl.map((o) => `${name(o.spec.name)} (${operatorTtl(o.spec)!.ttl})`).join(', ')}. The job builds each one's \`StateTtlConfig\` in \`main\` with the scenario's update type, visibility and cleanup, and the function enables it on every state descriptor it registers (\`descriptor.enableTimeToLive(ttlConfig)\`).${without.length ? ` Without TTL (their state stays for the life of the job): ${without.map((o) => name(o.spec.name)).join(', ')}.` : ''}`,
    '',
    'TTL counts processing time, as in the lab. On the heap backend (`state.backend.type: hashmap`) background cleanup is incremental: a few entries are checked on each state access (and per record with `runForEveryRecord`), so when records stop, cleanup stops and expired entries stay in memory. On RocksDB (`state.backend.type: rocksdb`) the compaction filter drops expired entries when RocksDB compacts (periodic compaction catches files nothing rewrites). `cleanupFullSnapshot()` also leaves expired entries out of full snapshots (not out of RocksDB\'s incremental checkpoints). Watch **Full Checkpoint Data Size** in the Checkpoints tab: without TTL it grows with every new key; with TTL it stops growing while cleanup keeps up.',
    '',
    'Enabling TTL on a state that had none (or turning it off) changes its serializer: a savepoint taken before cannot be restored into the changed job (`StateMigrationException`).',
    '',
  ];
}
