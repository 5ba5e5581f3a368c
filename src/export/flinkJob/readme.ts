import { pauseLines, sessionLogLine, ttlSection } from './readmeSource';
import type { ProjectFile } from '../files';
import type { JobModel } from './jobModel';
import { usesKafka } from './pom';
import { FLINK_VERSION, JAVA_PACKAGE, JAVA_RELEASE } from './versions';

// README.md of the exported project: how to run it on a local cluster and what to look at.

function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** What the job's uids mean for its savepoints: which operators keep their ID through a change of the job. */
function uidSection(model: JobModel): string[] {
  const named = model.operators.filter((o) => o.uid !== null);
  const unnamed = model.operators.filter((o) => o.uid === null);
  const list = (ops: typeof named, uid: boolean) => ops.map((o) => `\`${mdText(o.spec.name)}\`${uid ? ` (uid \`${mdText(o.uid!)}\`)` : ''}`).join(', ');
  return [
    'A savepoint keeps each operator\'s state under its operator ID, and a restore (`flink run -s`) gives the state to the operator of the new job with the same ID. With `.uid("...")` the ID is a hash of the uid alone, so it survives any change around the operator. Without one, Flink derives the ID from the operator\'s place in the job graph: insert, remove or reorder an operator upstream and the IDs downstream change, their state no longer maps, and the start fails (`Cannot map checkpoint/savepoint state for operator ... to the new program`) unless you pass `--allowNonRestoredState` (`-n`), which drops that state.',
    '',
    named.length ? `Operators with a uid here, as in the lab: ${list(named, true)}.` : 'No operator of this scenario has a uid.',
    unnamed.length ? `Without a uid: ${list(unnamed, false)}. Their IDs are generated, as in the lab: give them uids in the lab's job editor (or in \`${JAVA_PACKAGE}/${model.mainClass}.java\`) before the first savepoint you mean to keep, since adding a uid later changes the ID once.` : 'Every operator has a uid, so savepoints of this job survive changes of its graph.',
    'The lab\'s own savepoints cannot be restored on a cluster; the rule they follow is the same.',
  ];
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
    `- \`src/main/java/${JAVA_PACKAGE}/${model.mainClass}.java\`: the job graph: the same operators, names, parallelism, max parallelism and partitioners as the scenario, and \`.uid(...)\` on the operators the scenario gives a uid.`,
    '- `LabLog.java`: the data-generator function. It reproduces the lab\'s logs: the same keys, the same uniform or skewed key choice, the same values.',
    ...sessionLogLine(model),
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
    'Stop it with `$FLINK_HOME/bin/flink cancel <job id>`, or keep its state with `$FLINK_HOME/bin/flink stop --savepointPath /tmp/savepoints <job id>` and start again with `flink run -s <savepoint path> ...`.',
    ...pauseLines(model),
    '',
    ...ttlSection(model),
    '## Operator IDs, uids and savepoints',
    '',
    ...uidSection(model),
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
