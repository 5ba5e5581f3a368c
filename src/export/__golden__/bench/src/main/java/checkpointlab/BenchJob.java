package checkpointlab;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Throughput benchmark: the Checkpoint Lab scenario "bench" (seed 1) as a Flink job.
 *
 * Parallelism 4 at four stages over 10,000 keys, with records always available and no processing cost: the engine runs as fast as it can.
 *
 * Run: ./bin/flink run -c checkpointlab.BenchJob target/checkpoint-lab-bench-1.0.jar --conf-dir <project directory>
 */
public class BenchJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Events: topic "events", 8 partitions x 20000 records/s = 160000 records/s,
        // 10000 keys, uniform, values 1..10.
        DataStream<LabEvent> sourceStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(LabLog.numberedKeys(10000), 8, false, 1.1, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(160000.0),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Events")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(4)
                .setMaxParallelism(128);

        // Map (map): source -rebalance->
        DataStream<LabEvent> mapStream = sourceStream.rebalance()
                .map(new MapValue("increment"))
                .name("Map")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(4)
                .setMaxParallelism(128);

        // Keyed Count (keyed-count): map -hash->
        DataStream<LabEvent> countStream = mapStream.keyBy(new LabEvent.ByKey())
                .process(new KeyedCount())
                .name("Keyed Count")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(4)
                .setMaxParallelism(128);

        // Sink: Discard (sink, plain): count -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        countStream.forward().print()
                .name("Sink: Discard")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(4)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: Throughput benchmark");
    }
}
