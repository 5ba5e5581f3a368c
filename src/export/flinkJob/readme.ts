import type { ProjectFile } from '../files';
import type { JobModel } from './jobModel';
import { usesKafka } from './pom';
import { FLINK_VERSION, JAVA_PACKAGE, JAVA_RELEASE } from './versions';

// README.md of the exported project: how to run it on a local cluster and what to look at.

function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function projectReadme(model: JobModel): ProjectFile {
  const s = model.scenario;
  const jar = `target/${model.artifactId}-1.0.jar`;
  const main = `${JAVA_PACKAGE}.${model.mainClass}`;
  const kafka = usesKafka(model);
  const interval = model.conf.find(([k]) => k === 'execution.checkpointing.interval');
  const lines = [
    `# ${mdText(s.title)}: a Checkpoint Lab scenario as a Flink ${FLINK_VERSION} job`,
    '',
    `Exported from Checkpoint Lab, scenario \`${s.id}\`, seed ${model.seed}. ${mdText(s.description)}`,
    '',
    '## What is here',
    '',
    '- `pom.xml`: Flink at `provided` scope, the connectors bundled into the jar.',
    `- \`src/main/java/${JAVA_PACKAGE}/${model.mainClass}.java\`: the job graph: the same operators, names, uids, parallelism, max parallelism and partitioners as the scenario.`,
    '- `LabLog.java`: the data-generator function. It reproduces the lab\'s logs: the same keys, the same uniform or skewed key choice, the same values.',
    '- `config.yaml`: the scenario\'s checkpointing and state configuration with Flink\'s keys; the simulator\'s own `sim.*` keys are listed as comments saying where they went.',
    '',
    '## Run it on a local cluster',
    '',
    `You need Java ${JAVA_RELEASE} or newer, Maven, and Flink ${FLINK_VERSION} unpacked in \`$FLINK_HOME\`. The job runs ${Math.max(...model.operators.map((o) => o.parallelism))} subtasks of its widest operator: give the TaskManager at least that many slots (\`taskmanager.numberOfTaskSlots\` in \`$FLINK_HOME/conf/config.yaml\`).`,
    '',
    '```sh',
    '$FLINK_HOME/bin/start-cluster.sh',
    'mvn package',
    `$FLINK_HOME/bin/flink run -c ${main} ${jar} --conf-dir "$PWD"`,
    '```',
    '',
    '`--conf-dir` makes the job load `config.yaml` from this directory. Keys marked cluster-level there (the failover strategy) take effect only in the cluster\'s own `conf/config.yaml`.',
    ...(kafka ? [
      '',
      'This scenario writes with two-phase commit, so its sinks are `KafkaSink`s with `DeliveryGuarantee.EXACTLY_ONCE`. Start a Kafka broker first (for example `docker run -p 9092:9092 apache/kafka`) and point the job at it with `KAFKA_BOOTSTRAP=host:port` (default `localhost:9092`). Read the topics with `--isolation-level read_committed` to see only what committed checkpoints released.',
    ] : []),
    '',
    'Stop it with `$FLINK_HOME/bin/flink cancel <job id>`, or keep its state with `$FLINK_HOME/bin/flink stop --savepointPath /tmp/savepoints <job id>` and start again with `flink run -s <savepoint path> ...`. The uids in the job are the lab\'s, so state maps back to the same operators.',
    '',
    '## What to look at',
    '',
    'Open the web UI at http://localhost:8081, pick the running job, and open the **Checkpoints** tab.',
    interval
      ? `Every ${interval[1]} the JobManager starts a checkpoint.`
      : 'The scenario sets no checkpoint interval, so checkpointing is off; trigger one with `flink savepoint <job id>`.',
    'The **History** tab has the columns the lab shows: ID, Status, Acknowledged, Trigger Time, Latest Acknowledgement, End to End Duration, Checkpointed Data Size, Full Checkpoint Data Size, Processed (persisted) in-flight data. Expand a checkpoint to see each operator, and an operator to see each subtask\'s sync and async duration, alignment duration and start delay.',
    'The **Summary** and **Configuration** tabs match the lab\'s too.',
    '',
    'To bring a real job\'s figures back into the lab, save `http://localhost:8081/jobs/<job id>/checkpoints` (and optionally `/checkpoints/config` and `/checkpoints/details/<id>`) as JSON and import them.',
    '',
  ];
  return { path: 'README.md', text: lines.join('\n') };
}
