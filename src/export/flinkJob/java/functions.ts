import type { OperatorSpec } from '../../../engine';
import { javaFile, type JavaClass } from './source';

// One Java class per operator kind the scenario uses, each doing what the lab's operator does with
// one record and keeping the same state primitive: keyed-count and keyed-sum a ValueState,
// keyed-last-n a ListState, keyed-histogram a MapState, keyed-reduce a ReducingState, keyed-join
// two ValueStates. State names are the lab's.

const KEYED_IMPORTS = [
  'org.apache.flink.api.common.functions.OpenContext',
  'org.apache.flink.api.common.typeinfo.Types',
  'org.apache.flink.streaming.api.functions.KeyedProcessFunction',
  'org.apache.flink.util.Collector',
];

const TTL_IMPORT = 'org.apache.flink.api.common.state.StateTtlConfig';

/** The TTL field, when some operator of this kind has a TTL (the class then takes one, nullable, in its constructor). */
const ttlField = (ttl: boolean) => (ttl ? ['    /** the operator\'s state TTL (Flink\'s StateTtlConfig is serializable), or null for none */', '    private final StateTtlConfig ttl;'] : []);

/**
 * The constructors: as before without TTL; with it, one more taking the StateTtlConfig, which the
 * old signature calls with null, so operators without TTL are built as before.
 */
function constructors(name: string, params: readonly (readonly [type: string, field: string])[], ttl: boolean): string[] {
  const sig = params.map(([t, f]) => `${t} ${f}`);
  const assign = params.map(([, f]) => `        this.${f} = ${f};`);
  if (!ttl) return params.length ? [`    public ${name}(${sig.join(', ')}) {`, ...assign, '    }', ''] : [];
  return [
    `    public ${name}(${sig.join(', ')}) {`,
    `        this(${[...params.map(([, f]) => f), 'null'].join(', ')});`,
    '    }',
    '',
    `    public ${name}(${[...sig, 'StateTtlConfig ttl'].join(', ')}) {`,
    ...assign,
    '        this.ttl = ttl;',
    '    }',
    '',
  ];
}

/** Registers one state in open(): with TTL, its descriptor first gets the operator's StateTtlConfig (descriptor.enableTimeToLive). */
function registerState(field: string, getter: string, descriptorType: string, descriptor: string, ttl: boolean): string[] {
  if (!ttl) return [`        ${field} = getRuntimeContext().${getter}(new ${descriptor});`];
  const d = `${field}Descriptor`;
  return [
    `        ${descriptorType} ${d} = new ${descriptor};`,
    '        if (ttl != null) {',
    `            ${d}.enableTimeToLive(ttl);`,
    '        }',
    `        ${field} = getRuntimeContext().${getter}(${d});`,
  ];
}

const withTtl = (imports: string[], ttl: boolean) => (ttl ? [...imports, TTL_IMPORT] : imports);

function valueStateFunction(name: string, doc: string, state: string, update: string, ttl: boolean): JavaClass {
  return javaFile(name, withTtl([...KEYED_IMPORTS, 'org.apache.flink.api.common.state.ValueState', 'org.apache.flink.api.common.state.ValueStateDescriptor'], ttl), [
    `/** ${doc} */`,
    `public class ${name} extends KeyedProcessFunction<String, LabEvent, LabEvent> {`,
    ...ttlField(ttl),
    `    private transient ValueState<Long> ${state};`,
    '',
    ...constructors(name, [], ttl),
    '    @Override',
    '    public void open(OpenContext context) {',
    ...registerState(state, 'getState', 'ValueStateDescriptor<Long>', `ValueStateDescriptor<>("${state}", Types.LONG)`, ttl),
    '    }',
    '',
    '    @Override',
    '    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {',
    `        Long before = ${state}.value();`,
    `        long now = (before == null ? 0L : before) + ${update};`,
    `        ${state}.update(now);`,
    '        out.collect(event.withValue(now));',
    '    }',
    '}',
  ]);
}

const keyedCount = (ttl: boolean) => valueStateFunction('KeyedCount', 'Counts the records of each key in a ValueState and emits the running count.', 'count', '1', ttl);
const keyedSum = (ttl: boolean) => valueStateFunction('KeyedSum', 'Sums the values of each key in a ValueState and emits the running sum.', 'sum', 'event.value', ttl);

const keyedLastN = (ttl: boolean) => javaFile('KeyedLastN', withTtl([
  ...KEYED_IMPORTS, 'org.apache.flink.api.common.state.ListState', 'org.apache.flink.api.common.state.ListStateDescriptor', 'java.util.ArrayList', 'java.util.List',
], ttl), [
  '/** Keeps the last n values of each key in a ListState and emits their sum. */',
  'public class KeyedLastN extends KeyedProcessFunction<String, LabEvent, LabEvent> {',
  '    private final int n;',
  ...ttlField(ttl),
  '    private transient ListState<Long> lastN;',
  '',
  ...constructors('KeyedLastN', [['int', 'n']], ttl),
  '    @Override',
  '    public void open(OpenContext context) {',
  ...registerState('lastN', 'getListState', 'ListStateDescriptor<Long>', 'ListStateDescriptor<>("lastN", Types.LONG)', ttl),
  '    }',
  '',
  '    @Override',
  '    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {',
  '        List<Long> values = new ArrayList<>();',
  '        Iterable<Long> stored = lastN.get();',
  '        if (stored != null) {',
  '            for (Long v : stored) {',
  '                values.add(v);',
  '            }',
  '        }',
  '        values.add(event.value);',
  '        if (values.size() > n) {',
  '            values = new ArrayList<>(values.subList(values.size() - n, values.size()));',
  '        }',
  '        lastN.update(values);',
  '        long sum = 0;',
  '        for (long v : values) {',
  '            sum += v;',
  '        }',
  '        out.collect(event.withValue(sum));',
  '    }',
  '}',
]);

const keyedHistogram = (ttl: boolean) => javaFile('KeyedHistogram', withTtl([
  ...KEYED_IMPORTS, 'org.apache.flink.api.common.state.MapState', 'org.apache.flink.api.common.state.MapStateDescriptor',
], ttl), [
  '/** Counts each key\'s values per bucket ("1-5", "6-10", ...) in a MapState and emits the bucket\'s count. */',
  'public class KeyedHistogram extends KeyedProcessFunction<String, LabEvent, LabEvent> {',
  '    private final long bucketSize;',
  ...ttlField(ttl),
  '    private transient MapState<String, Long> histogram;',
  '',
  ...constructors('KeyedHistogram', [['long', 'bucketSize']], ttl),
  '    @Override',
  '    public void open(OpenContext context) {',
  ...registerState('histogram', 'getMapState', 'MapStateDescriptor<String, Long>', 'MapStateDescriptor<>("histogram", Types.STRING, Types.LONG)', ttl),
  '    }',
  '',
  '    @Override',
  '    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {',
  '        long lo = Math.floorDiv(event.value - 1, bucketSize) * bucketSize + 1;',
  '        String bucket = lo + "-" + (lo + bucketSize - 1);',
  '        Long before = histogram.get(bucket);',
  '        long count = (before == null ? 0L : before) + 1;',
  '        histogram.put(bucket, count);',
  '        out.collect(event.withValue(count));',
  '    }',
  '}',
]);

const keyedReduce = (ttl: boolean) => javaFile('KeyedReduce', withTtl([
  ...KEYED_IMPORTS, 'org.apache.flink.api.common.functions.ReduceFunction', 'org.apache.flink.api.common.state.ReducingState', 'org.apache.flink.api.common.state.ReducingStateDescriptor',
], ttl), [
  '/** Folds each key\'s values with max, min or sum in a ReducingState and emits the result so far. */',
  'public class KeyedReduce extends KeyedProcessFunction<String, LabEvent, LabEvent> {',
  '    private final String fn;',
  ...ttlField(ttl),
  '    private transient ReducingState<Long> reduced;',
  '',
  ...constructors('KeyedReduce', [['String', 'fn']], ttl),
  '    @Override',
  '    public void open(OpenContext context) {',
  ...registerState('reduced', 'getReducingState', 'ReducingStateDescriptor<Long>', 'ReducingStateDescriptor<>(fn, new Reducer(fn), Types.LONG)', ttl),
  '    }',
  '',
  '    @Override',
  '    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {',
  '        reduced.add(event.value);',
  '        out.collect(event.withValue(reduced.get()));',
  '    }',
  '',
  '    /** max, min or sum of two values. */',
  '    public static class Reducer implements ReduceFunction<Long> {',
  '        private final String fn;',
  '',
  '        public Reducer(String fn) {',
  '            this.fn = fn;',
  '        }',
  '',
  '        @Override',
  '        public Long reduce(Long a, Long b) {',
  '            switch (fn) {',
  '                case "max": return Math.max(a, b);',
  '                case "min": return Math.min(a, b);',
  '                default: return a + b;',
  '            }',
  '        }',
  '    }',
  '}',
]);

const keyedJoin = (ttl: boolean) => javaFile('KeyedJoin', withTtl([
  'org.apache.flink.api.common.functions.OpenContext',
  'org.apache.flink.api.common.typeinfo.Types',
  'org.apache.flink.api.common.state.ValueState',
  'org.apache.flink.api.common.state.ValueStateDescriptor',
  'org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction',
  'org.apache.flink.util.Collector',
], ttl), [
  '/** Keeps the latest value of each side per key (two ValueStates); once both are known, emits their sum. */',
  'public class KeyedJoin extends KeyedCoProcessFunction<String, LabEvent, LabEvent, LabEvent> {',
  ...ttlField(ttl),
  '    private transient ValueState<Long> left;',
  '    private transient ValueState<Long> right;',
  '',
  ...constructors('KeyedJoin', [], ttl),
  '    @Override',
  '    public void open(OpenContext context) {',
  ...registerState('left', 'getState', 'ValueStateDescriptor<Long>', 'ValueStateDescriptor<>("left", Types.LONG)', ttl),
  ...registerState('right', 'getState', 'ValueStateDescriptor<Long>', 'ValueStateDescriptor<>("right", Types.LONG)', ttl),
  '    }',
  '',
  '    @Override',
  '    public void processElement1(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {',
  '        left.update(event.value);',
  '        Long other = right.value();',
  '        if (other != null) {',
  '            out.collect(event.withValue(event.value + other));',
  '        }',
  '    }',
  '',
  '    @Override',
  '    public void processElement2(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {',
  '        right.update(event.value);',
  '        Long other = left.value();',
  '        if (other != null) {',
  '            out.collect(event.withValue(event.value + other));',
  '        }',
  '    }',
  '}',
]);

const mapValue = () => javaFile('MapValue', ['org.apache.flink.api.common.functions.MapFunction'], [
  '/** The lab\'s map: identity, double, increment, square or negate the value. */',
  'public class MapValue implements MapFunction<LabEvent, LabEvent> {',
  '    private final String fn;',
  '',
  '    public MapValue(String fn) {',
  '        this.fn = fn;',
  '    }',
  '',
  '    @Override',
  '    public LabEvent map(LabEvent event) {',
  '        switch (fn) {',
  '            case "double": return event.withValue(event.value * 2);',
  '            case "increment": return event.withValue(event.value + 1);',
  '            case "square": return event.withValue(event.value * event.value);',
  '            case "negate": return event.withValue(-event.value);',
  '            default: return event;',
  '        }',
  '    }',
  '}',
]);

const filterEvents = () => javaFile('FilterEvents', ['org.apache.flink.api.common.functions.FilterFunction', 'java.util.HashSet', 'java.util.Set', 'java.util.Arrays'], [
  '/** The lab\'s filter: keeps records of the listed keys (all when none are listed) whose value is at least minValue. */',
  'public class FilterEvents implements FilterFunction<LabEvent> {',
  '    private final Set<String> keepKeys;',
  '    private final Long minValue;',
  '',
  '    public FilterEvents(String[] keepKeys, Long minValue) {',
  '        this.keepKeys = keepKeys == null ? null : new HashSet<>(Arrays.asList(keepKeys));',
  '        this.minValue = minValue;',
  '    }',
  '',
  '    @Override',
  '    public boolean filter(LabEvent event) {',
  '        return (keepKeys == null || keepKeys.contains(event.key)) && (minValue == null || event.value >= minValue);',
  '    }',
  '}',
]);

const copyEvents = () => javaFile('CopyEvents', ['org.apache.flink.api.common.functions.FlatMapFunction', 'org.apache.flink.util.Collector'], [
  '/** The lab\'s flat-map: emits each record `copies` times (0 drops it). */',
  'public class CopyEvents implements FlatMapFunction<LabEvent, LabEvent> {',
  '    private final int copies;',
  '',
  '    public CopyEvents(int copies) {',
  '        this.copies = copies;',
  '    }',
  '',
  '    @Override',
  '    public void flatMap(LabEvent event, Collector<LabEvent> out) {',
  '        for (int i = 0; i < copies; i++) {',
  '            out.collect(event);',
  '        }',
  '    }',
  '}',
]);

const passThrough = () => javaFile('PassThrough', ['org.apache.flink.api.common.functions.MapFunction'], [
  '/**',
  ' * Stands in for the lab\'s Union task. In Flink, union is not an operator of its own; this',
  ' * pass-through map after it keeps the lab\'s union as a task with its own name and parallelism.',
  ' */',
  'public class PassThrough implements MapFunction<LabEvent, LabEvent> {',
  '    @Override',
  '    public LabEvent map(LabEvent event) {',
  '        return event;',
  '    }',
  '}',
]);

const BY_KIND: Partial<Record<OperatorSpec['kind'], (ttl: boolean) => JavaClass>> = {
  'keyed-count': keyedCount,
  'keyed-sum': keyedSum,
  'keyed-last-n': keyedLastN,
  'keyed-histogram': keyedHistogram,
  'keyed-reduce': keyedReduce,
  'keyed-join': keyedJoin,
  map: mapValue,
  filter: filterEvents,
  'flat-map': copyEvents,
  union: passThrough,
};

/**
 * The function classes the given operator kinds need, each once, in a stable order. A kind in
 * `withTtl` (some operator of it has a state TTL) gets the class that takes a StateTtlConfig.
 */
export function functionClasses(kinds: Iterable<OperatorSpec['kind']>, withTtl: ReadonlySet<OperatorSpec['kind']> = new Set()): JavaClass[] {
  const wanted = new Set(kinds);
  return (Object.keys(BY_KIND) as OperatorSpec['kind'][]).filter((k) => wanted.has(k)).map((k) => BY_KIND[k]!(withTtl.has(k)));
}
