import { configKey } from '../../engine';
import type { ProjectFile } from '../files';
import type { ConfEntry, JobModel } from './jobModel';

// config.yaml: the scenario's configuration with Flink's keys only. The simulator's own `sim.*`
// keys have no meaning to Flink; they become comments that say where the job carries them instead.

/** Keys Flink reads on the cluster, not per job: they belong in the cluster's conf/config.yaml. */
const CLUSTER_LEVEL = new Set(['jobmanager.execution.failover-strategy']);

/** Where each `sim.*` key went in the exported job. */
const SIM_KEY_FATE: ReadonlyMap<string, string> = new Map([
  ['sim.source.rate', 'the generator\'s rate (RateLimiterStrategy.perSecond, partitions × this rate) in the job'],
  ['sim.source.skew', 'the skew passed to LabLog, the generator function that picks keys as the lab does'],
  ['sim.source.kind', 'nothing: DataGeneratorSource is replayable (it checkpoints its position); a socket-like source has no counterpart here'],
  ['sim.sink.kind', 'the choice of sink in the job (KafkaSink EXACTLY_ONCE, or print)'],
  ['sim.channel.latency', 'nothing: a real network sets its own latency'],
  ['sim.channel.jitter', 'nothing: a real network sets its own jitter'],
  ['sim.channel.capacity', 'nothing: Flink sizes channels in network buffers (taskmanager.network.memory.buffers-per-channel)'],
  ['sim.processing.cost', 'nothing: real functions take the time they take'],
  ['sim.checkpointing.algorithm', 'nothing: Flink always uses barriers'],
  ['sim.rpc.latency', 'nothing: a real cluster has its own RPC latency'],
]);

function simKeyFate(key: string): string {
  return SIM_KEY_FATE.get(key) ?? (key.startsWith('sim.snapshot.') ? 'nothing: real snapshots cost what the state backend and storage make them cost' : 'nothing in the job');
}

/** A YAML scalar for a configuration value: plain where YAML reads it back as the same text, quoted otherwise. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9_][A-Za-z0-9_ .:/-]*$/.test(value) && !/[: ]$/.test(value) && !/: /.test(value);
  return plain ? value : JSON.stringify(value);
}

function flinkLines(conf: readonly ConfEntry[], checkpointDir: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of conf) {
    if (key.startsWith('sim.')) continue;
    const doc = configKey(key)?.doc;
    if (doc) lines.push(`# ${doc}${CLUSTER_LEVEL.has(key) ? ' Cluster-level: copy this line into the cluster\'s conf/config.yaml too.' : ''}`);
    lines.push(`${key}: ${yamlScalar(value)}`);
    if (key === 'execution.checkpointing.storage' && value === 'filesystem' && !conf.some(([k]) => k === 'execution.checkpointing.dir')) {
      lines.push('# Where the file system storage writes checkpoints (the lab keeps them in its simulated storage).');
      lines.push(`execution.checkpointing.dir: ${yamlScalar(checkpointDir)}`);
    }
  }
  return lines;
}

export function configYaml(model: JobModel): ProjectFile {
  const interval = model.conf.find(([k]) => k === 'execution.checkpointing.interval');
  const lines = [
    `# Flink configuration of the Checkpoint Lab scenario "${model.scenario.id}", with Flink's keys only.`,
    '# Load it with the job: ./bin/flink run ... --conf-dir <this directory> (see README.md).',
    '',
  ];
  if (!interval) lines.push('# The scenario sets no execution.checkpointing.interval: checkpointing is off, as in the lab.', '');
  const flink = flinkLines(model.conf, `file:///tmp/checkpoint-lab/${model.scenario.id}/checkpoints`);
  lines.push(...(flink.length ? flink : ['# (no Flink keys: Flink\'s defaults apply)']));
  const sim = model.conf.filter(([k]) => k.startsWith('sim.'));
  if (sim.length) {
    lines.push('', '# The simulator\'s own keys, which Flink does not know:');
    for (const [key, value] of sim) lines.push(`#   ${key}: ${String(value).replace(/[\r\n]/g, ' ')} -> ${simKeyFate(key)}`);
  }
  return { path: 'config.yaml', text: `${lines.join('\n')}\n` };
}
