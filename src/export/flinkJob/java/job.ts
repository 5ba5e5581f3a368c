import { formatDuration } from '../../../engine';
import { commentText, javaDouble, javaLong, javaString } from '../javaText';
import type { JobModel, ModelInput, ModelOperator } from '../jobModel';
import { keysExpression } from './keys';
import { operatorTtl, ttlConfigLines, ttlVariable } from './stateTtl';
import { javaFile, type JavaClass } from './source';

// The job's main class: the scenario's graph in the DataStream API, operator by operator in an
// order where inputs come first. Every operator carries its name, its parallelism and its max
// parallelism, and its uid where the scenario sets one (an operator without one keeps Flink's
// generated ID, as in the lab); each edge's partitioner becomes keyBy, forward(), rebalance() or broadcast().

const BASE_IMPORTS = [
  'org.apache.flink.api.common.eventtime.WatermarkStrategy',
  'org.apache.flink.configuration.Configuration',
  'org.apache.flink.configuration.GlobalConfiguration',
  'org.apache.flink.streaming.api.datastream.DataStream',
  'org.apache.flink.streaming.api.environment.StreamExecutionEnvironment',
];

const I2 = '        ';
/** Ends a statement: the `;` goes on its last line. */
function statement(lines: string[]): string[] {
  return [...lines.slice(0, -1), `${lines[lines.length - 1]};`];
}
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const I3 = '                ';

/** `.name(...).uid(...).setParallelism(...).setMaxParallelism(...)`, one call a line; without a uid a comment says what that means. */
function settings(op: ModelOperator, named: boolean): string[] {
  return [
    ...(named ? [`${I3}.name(${javaString(op.spec.name)})`] : []),
    op.uid !== null ? `${I3}.uid(${javaString(op.uid)})` : `${I3}// no uid: Flink derives this operator's ID from its place in the graph (see README.md)`,
    `${I3}.setParallelism(${op.parallelism})`,
    `${I3}.setMaxParallelism(${op.maxParallelism})`,
  ];
}

function partitioned(input: ModelInput, model: JobModel, keyed: boolean): string {
  const from = model.operators.find((o) => o.spec.id === input.from)!.variable;
  switch (input.partitioner) {
    // a keyed operator's keyBy comes after the union of its inputs (one keyBy for all of them)
    case 'hash': return keyed ? from : `${from}.keyBy(new LabEvent.ByKey())`;
    case 'forward': return `${from}.forward()`;
    case 'rebalance': return `${from}.rebalance()`;
    case 'broadcast': return `${from}.broadcast()`;
  }
}

/** The edges into one input side as one stream: each edge partitioned, several edges unioned. */
function joinedSide(op: ModelOperator, model: JobModel, side: number, keyed: boolean): string {
  const streams = op.inputs.filter((i) => i.input === side).map((i) => partitioned(i, model, keyed));
  return streams.length === 1 ? streams[0] : `${streams[0]}.union(${streams.slice(1).join(', ')})`;
}

/** The operator's input as one stream, keyed when the operator keeps keyed state. */
function inputSide(op: ModelOperator, model: JobModel, side: number, keyed: boolean): string {
  const joined = joinedSide(op, model, side, keyed);
  return keyed ? `${joined}.keyBy(new LabEvent.ByKey())` : joined;
}

function edgeComment(op: ModelOperator): string {
  return op.inputs.map((i) => `${i.from} -${i.partitioner}->${op.inputs.some((x) => x.input === 1) ? ` input ${i.input}` : ''}`).join(', ');
}

function sourceLines(op: ModelOperator, model: JobModel): string[] {
  const s = op.source!;
  const total = s.ratePerPartition * s.partitions;
  const count = s.recordsPerPartition === undefined ? 'Long.MAX_VALUE' : javaLong(s.recordsPerPartition * s.partitions);
  const skewed = s.distribution === 'skewed' && s.skew > 0;
  const nonReplayable = s.replayable ? '' : '; the lab reads it as a non-replayable source, this generator is replayable';
  const sessions = s.recordsPerSession;
  const pause = s.pause;
  const keyLines = sessions === undefined ? [
    `${I2}// ${plural(s.keys.length, 'key')}, ${skewed ? `Zipf-skewed (exponent ${s.skew})` : 'uniform'}, values 1..${s.maxValue}${nonReplayable}.`,
  ] : [
    `${I2}// ever-new keys: each session id is the key of ${plural(sessions, 'record')} in a row of a partition, then never again; values 1..${s.maxValue}${nonReplayable}.`,
  ];
  const pauseLines = pause ? [
    `${I2}// The lab's source pauses at ${formatDuration(pause.atMs)} for ${formatDuration(pause.forMs)}; this generator cannot pause (its rate is constant): see README.md.`,
  ] : [];
  const generator = sessions === undefined
    ? `new LabLog(${keysExpression(op)}, ${s.partitions}, ${skewed}, ${javaDouble(s.skew)}, ${javaLong(s.maxValue)}, ${model.seed | 0}, ${op.index})`
    : `new SessionLog(${s.partitions}, ${javaLong(sessions)}, ${javaLong(s.maxValue)}, ${model.seed | 0}, ${op.index})`;
  return [
    `${I2}// ${commentText(op.spec.name)}: topic "${commentText(s.topic)}", ${plural(s.partitions, 'partition')} x ${s.ratePerPartition} records/s = ${total} records/s,`,
    ...keyLines,
    ...pauseLines,
    `${I2}DataStream<LabEvent> ${op.variable} = env`,
    `${I3}.fromSource(`,
    `${I3}        new DataGeneratorSource<>(`,
    `${I3}                ${generator},`,
    `${I3}                ${count},`,
    `${I3}                RateLimiterStrategy.perSecond(${javaDouble(total)}),`,
    `${I3}                TypeInformation.of(LabEvent.class)),`,
    `${I3}        WatermarkStrategy.noWatermarks(),`,
    `${I3}        ${javaString(op.spec.name)})`,
  ].concat(statement(settings(op, false)));
}

/** The keyed operator's StateTtlConfig, built before its stream when it has a TTL: [lines, constructor arguments after the usual ones]. */
function ttlOf(op: ModelOperator): [string[], string[]] {
  const ttl = operatorTtl(op.spec);
  if (!ttl) return [[], []];
  const variable = ttlVariable(op.variable);
  return [ttlConfigLines(ttl, variable, I2), [variable]];
}

function transformLines(op: ModelOperator, model: JobModel): string[] {
  const spec = op.spec;
  const keyed = spec.kind.startsWith('keyed-');
  const [ttlLines, ttlArgs] = ttlOf(op);
  const args = (...a: string[]) => [...a, ...ttlArgs].join(', ');
  let call: string;
  switch (spec.kind) {
    case 'map': call = `.map(new MapValue(${javaString(spec.fn ?? 'identity')}))`; break;
    case 'filter': call = `.filter(new FilterEvents(${spec.keepKeys ? `new String[] {${spec.keepKeys.map(javaString).join(', ')}}` : 'null'}, ${spec.minValue === undefined ? 'null' : `Long.valueOf(${javaLong(Math.ceil(spec.minValue))})`}))`; break;
    case 'flat-map': call = `.flatMap(new CopyEvents(${spec.copies}))`; break;
    case 'keyed-count': call = `.process(new KeyedCount(${args()}))`; break;
    case 'keyed-sum': call = `.process(new KeyedSum(${args()}))`; break;
    case 'keyed-last-n': call = `.process(new KeyedLastN(${args(String(spec.n))}))`; break;
    case 'keyed-histogram': call = `.process(new KeyedHistogram(${args(javaLong(spec.bucketSize))}))`; break;
    case 'keyed-reduce': call = `.process(new KeyedReduce(${args(javaString(spec.reduce))}))`; break;
    case 'union': call = '.map(new PassThrough())'; break;
    default: throw new Error(`not a transformation: ${spec.kind}`);
  }
  return [
    `${I2}// ${commentText(spec.name)} (${spec.kind}): ${commentText(edgeComment(op))}`,
    ...ttlLines,
    `${I2}DataStream<LabEvent> ${op.variable} = ${inputSide(op, model, 0, keyed)}`,
    `${I3}${call}`,
  ].concat(statement(settings(op, true)));
}

function joinLines(op: ModelOperator, model: JobModel): string[] {
  const [ttlLines, ttlArgs] = ttlOf(op);
  return [
    `${I2}// ${commentText(op.spec.name)} (keyed-join): ${commentText(edgeComment(op))}; connect + keyBy on both sides, a KeyedCoProcessFunction`,
    ...ttlLines,
    `${I2}DataStream<LabEvent> ${op.variable} = ${joinedSide(op, model, 0, true)}`,
    `${I3}.connect(${joinedSide(op, model, 1, true)})`,
    `${I3}.keyBy(new LabEvent.ByKey(), new LabEvent.ByKey())`,
    `${I3}.process(new KeyedJoin(${ttlArgs.join(', ')}))`,
  ].concat(statement(settings(op, true)));
}

function sinkLines(op: ModelOperator, model: JobModel): string[] {
  const input = inputSide(op, model, 0, false);
  const head = `${I2}// ${commentText(op.spec.name)} (sink, ${op.sinkKind}): ${commentText(edgeComment(op))}`;
  if (op.sinkKind === 'two-phase-commit') {
    const topic = `checkpoint-lab-${model.scenario.id}-${op.spec.id}`;
    return [
      head,
      `${I2}// Two-phase commit: a KafkaSink with DeliveryGuarantee.EXACTLY_ONCE writes each checkpoint's records in a`,
      `${I2}// Kafka transaction and commits it when the checkpoint completes. It needs a Kafka broker at KAFKA_BOOTSTRAP`,
      `${I2}// (default localhost:9092) and topic "${topic}". transaction.timeout.ms must not exceed the broker's`,
      `${I2}// transaction.max.timeout.ms (15 min by default) and must outlast a checkpoint plus a restart.`,
      `${I2}// Read the topic with isolation.level=read_committed to see only committed records.`,
      `${I2}${input}.sinkTo(`,
      `${I3}KafkaSink.<LabEvent>builder()`,
      `${I3}        .setBootstrapServers(kafkaBootstrap)`,
      `${I3}        .setRecordSerializer(KafkaRecordSerializationSchema.<LabEvent>builder()`,
      `${I3}                .setTopic(${javaString(topic)})`,
      `${I3}                .setValueSerializationSchema(new LabEventSchema())`,
      `${I3}                .build())`,
      `${I3}        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)`,
      `${I3}        .setTransactionalIdPrefix(${javaString(`${model.artifactId}-${op.uid ?? op.spec.id}`)})`,
      `${I3}        .setProperty("transaction.timeout.ms", "${model.transactionTimeoutMs}")`,
      `${I3}        .build())`,
    ].concat(statement(settings(op, true)));
  }
  const upsert = op.sinkKind === 'upsert' ? [
    `${I2}// Upsert: the lab's sink overwrites each key's row, so a replay after a failure rewrites the same rows`,
    `${I2}// (idempotent). On a real cluster use an upsert sink keyed by LabEvent.key: a JDBC sink with`,
    `${I2}// INSERT ... ON CONFLICT (key) DO UPDATE, or Kafka with the key as record key on a compacted topic.`,
    `${I2}// Here the records are printed; duplicates after a restart are what the upsert would absorb.`,
  ] : [`${I2}// Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).`];
  return [head, ...upsert, ...statement([`${I2}${input}.print()`, ...settings(op, true)])];
}

export function jobClass(model: JobModel): JavaClass {
  const kinds = new Set(model.operators.map((o) => o.spec.kind));
  const kafka = model.operators.some((o) => o.sinkKind === 'two-phase-commit');
  const ttl = model.operators.some((o) => operatorTtl(o.spec) !== undefined);
  const imports = [
    ...BASE_IMPORTS,
    ...(ttl ? ['org.apache.flink.api.common.state.StateTtlConfig', 'java.time.Duration'] : []),
    ...(kinds.has('source') ? [
      'org.apache.flink.api.common.typeinfo.TypeInformation',
      'org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy',
      'org.apache.flink.connector.datagen.source.DataGeneratorSource',
    ] : []),
    ...(kafka ? [
      'org.apache.flink.connector.base.DeliveryGuarantee',
      'org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema',
      'org.apache.flink.connector.kafka.sink.KafkaSink',
    ] : []),
  ];
  const s = model.scenario;
  const body: string[] = [];
  for (const op of model.operators) {
    if (body.length) body.push('');
    if (op.spec.kind === 'source') body.push(...sourceLines(op, model));
    else if (op.spec.kind === 'sink') body.push(...sinkLines(op, model));
    else if (op.spec.kind === 'keyed-join') body.push(...joinLines(op, model));
    else body.push(...transformLines(op, model));
  }
  return javaFile(model.mainClass, imports, [
    '/**',
    ` * ${commentText(s.title)}: the Checkpoint Lab scenario "${commentText(s.id)}" (seed ${model.seed}) as a Flink job.`,
    ' *',
    ` * ${commentText(s.description)}`,
    ' *',
    ' * Run: ./bin/flink run -c checkpointlab.' + model.mainClass + ' target/' + model.artifactId + '-1.0.jar --conf-dir <project directory>',
    ' */',
    `public class ${model.mainClass} {`,
    '    public static void main(String[] args) throws Exception {',
    '        // --conf-dir <dir> loads <dir>/config.yaml: the scenario\'s checkpointing and state configuration',
    '        Configuration conf = new Configuration();',
    '        for (int i = 0; i + 1 < args.length; i++) {',
    '            if ("--conf-dir".equals(args[i])) {',
    '                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);',
    '            }',
    '        }',
    '        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);',
    ...(kafka ? [
      '        String kafkaBootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP", "localhost:9092");',
    ] : []),
    '',
    ...body,
    '',
    `        env.execute(${javaString(`Checkpoint Lab: ${s.title}`)});`,
    '    }',
    '}',
  ]);
}
